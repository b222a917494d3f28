// After each sync: the engine's exact, unambiguous matches are persisted as confirmed (by 'auto').
// Idempotent: a match id that exists (also one the controller removed) is never written again,
// so an unmatch by the controller sticks. Auto matches are not controller actions: undo skips them.
import type { AdministrationConfig, Period } from '../../shared/domain';
import { isAppFailure } from '../../shared/errors';
import { autoMatch } from '../reconcile/engine';
import { confirmMatch } from '../store/controller-actions';
import { getMatch } from '../store/controller-reads';
import type { Db } from '../store/database';
import { loadEngineInput } from './engine-input';

export const AUTO_BY = 'auto';

export function persistAutoMatches(db: Db, config: AdministrationConfig, period: Period, today: string, at: string): number {
  const proposals = autoMatch(loadEngineInput(db, config, period, null, today));
  let written = 0;
  db.transaction(() => {
    for (const m of proposals) {
      if (getMatch(db, m.id) !== null) continue;
      try {
        confirmMatch(db, {
          unitId: m.unitId, account: m.account, lines: m.lines.map((l) => l.key), method: m.method,
          reason: m.reason, evidence: m.evidence, id: m.id, by: AUTO_BY, at,
        });
        written++;
      } catch (e) {
        // A line taken by another match since: the controller's decision wins.
        if (!isAppFailure(e)) throw e;
      }
    }
    // The store records every confirm as an undoable action; undo is for the controller's own steps.
    db.prepare("DELETE FROM actions WHERE kind = 'confirmMatch' AND by = ?").run(AUTO_BY);
  })();
  return written;
}
