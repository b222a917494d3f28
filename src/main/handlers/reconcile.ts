// The month's picture and the controller's decisions. Each decision returns the recomputed result
// so the screen never shows a stale picture.
import type { AccountLine, Handlers } from '../../shared/contract';
import { periodId, type Period } from '../../shared/domain';
import type { Services } from '../services';
import { encodeLines, viewOrder } from './line-columns';

type ReconcileMethods =
  | 'getResult' | 'getAccountLines' | 'getLineDetail' | 'confirmMatch' | 'acceptSuggestion' | 'acceptExactSuggestions' | 'categoriseItem'
  | 'unmatch' | 'undo' | 'addNote' | 'signOff' | 'rejectSignOff' | 'setTolerance' | 'getLineHistory' | 'setWalletBalance';

export function reconcileHandlers(s: Services): Pick<Handlers, ReconcileMethods> {
  const me = s.monthEnd;
  // The renderer asks for an account's lines in slices (the first screenful first). Offset 0
  // (re)reads and sorts them; the following slices come from this one-account cache.
  let cache: { id: string; lines: AccountLine[]; byKey: Map<string, AccountLine> | null } | null = null;
  const cacheId = (unitId: number, account: string, period: Period) => `${unitId}|${account}|${periodId(period)}`;
  const sortedLines = (unitId: number, account: string, period: Period, fresh: boolean): NonNullable<typeof cache> => {
    const id = cacheId(unitId, account, period);
    if (fresh || cache?.id !== id) cache = { id, lines: me.accountLines(unitId, account, period).lines.sort(viewOrder), byKey: null };
    return cache;
  };
  return {
    getResult: async (unitId, period) => me.result(unitId, period),
    getAccountLines: async (unitId, account, period, offset, limit) => encodeLines(account, unitId, sortedLines(unitId, account, period, offset === 0).lines, offset, limit),
    getLineDetail: async (unitId, account, period, key) => {
      const c = sortedLines(unitId, account, period, false);
      c.byKey ??= new Map(c.lines.map((l) => [l.key, l]));
      // addNote keeps the cached note current; an undo makes the renderer reload (offset 0).
      return c.byKey.get(key) ?? null;
    },
    confirmMatch: async (unitId, account, lines, difference, reason, by, explanation) => me.confirmMatch(unitId, account, lines, difference, reason, by, explanation),
    acceptSuggestion: async (unitId, period, matchId, by, explanation) => me.acceptSuggestion(unitId, period, matchId, by, explanation),
    acceptExactSuggestions: async (unitId, period, account, by) => me.acceptExactSuggestions(unitId, period, account, by),
    categoriseItem: async (unitId, period, lineKey, category, reason, counterAccount, by) => me.categoriseItem(unitId, period, lineKey, category, reason, counterAccount, by),
    unmatch: async (unitId, matchId, by, reason) => me.unmatch(unitId, matchId, by, reason),
    undo: async (by) => me.undo(by),
    addNote: async (unitId, lineKey, text, by) => {
      me.addNote(unitId, lineKey, text, by);
      const line = cache?.byKey?.get(lineKey) ?? cache?.lines.find((l) => l.key === lineKey);
      if (line) line.note = text;
      return null;
    },
    signOff: async (unitId, account, period, role, by) => me.signOff(unitId, account, period, role, by),
    rejectSignOff: async (unitId, account, period, comment, by) => me.rejectSignOff(unitId, account, period, comment, by),
    setTolerance: async (unitId, period, account, cents, permille, by) => me.setTolerance(unitId, period, account, cents, permille, by),
    getLineHistory: async (unitId, lineKey) => me.lineHistory(unitId, lineKey),
    setWalletBalance: async (unitId, period, cents, by) => me.setWalletBalance(unitId, period, cents, by),
  };
}
