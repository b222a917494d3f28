// The month's picture and the controller's decisions. Each decision returns the recomputed result
// so the screen never shows a stale picture.
import type { Handlers } from '../../shared/contract';
import type { Services } from '../services';

type ReconcileMethods = 'getResult' | 'getAccountLines' | 'confirmMatch' | 'acceptSuggestion' | 'unmatch' | 'undo' | 'addNote' | 'signOff' | 'setWalletBalance';

export function reconcileHandlers(s: Services): Pick<Handlers, ReconcileMethods> {
  const me = s.monthEnd;
  return {
    getResult: async (unitId, period) => me.result(unitId, period),
    getAccountLines: async (unitId, account, period) => me.accountLines(unitId, account, period),
    confirmMatch: async (unitId, account, lines, difference, reason, by) => me.confirmMatch(unitId, account, lines, difference, reason, by),
    acceptSuggestion: async (unitId, period, matchId, by) => me.acceptSuggestion(unitId, period, matchId, by),
    unmatch: async (unitId, matchId, by, reason) => me.unmatch(unitId, matchId, by, reason),
    undo: async (by) => me.undo(by),
    addNote: async (unitId, lineKey, text, by) => {
      me.addNote(unitId, lineKey, text, by);
      return null;
    },
    signOff: async (unitId, account, period, role, by) => me.signOff(unitId, account, period, role, by),
    setWalletBalance: async (unitId, period, cents) => me.setWalletBalance(unitId, period, cents),
  };
}
