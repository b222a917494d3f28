// What the engine reads of the controller's explanations: open items' categories, rejections of
// sign-offs and tolerances per account.
import type { CorrectionEntry, ItemCategory, StoredCategorisation, StoredRejection, Tolerance } from '../../shared/reconcile';
import type { Db } from './database';

export function listCategories(db: Db, unitId: number): StoredCategorisation[] {
  return db
    .prepare<[number], { line_key: string; category: ItemCategory; reason: string; correction: string | null; created_by: string; created_at: string }>(
      'SELECT line_key, category, reason, correction, created_by, created_at FROM line_categories WHERE unit_id = ? ORDER BY line_key',
    )
    .all(unitId)
    .map((r) => ({
      unitId,
      lineKey: r.line_key,
      category: r.category,
      reason: r.reason,
      correction: r.correction ? (JSON.parse(r.correction) as CorrectionEntry) : null,
      by: r.created_by,
      at: r.created_at,
    }));
}

/** Rejections not withdrawn by an undo, oldest first. */
export function listRejections(db: Db, unitId: number): StoredRejection[] {
  return db
    .prepare<[number], { account: string; period: string; rejected_by: string; rejected_at: string; comment: string }>(
      'SELECT account, period, rejected_by, rejected_at, comment FROM sign_off_rejections WHERE unit_id = ? AND withdrawn_at IS NULL ORDER BY id',
    )
    .all(unitId)
    .map((r) => ({ unitId, account: r.account, period: r.period, by: r.rejected_by, at: r.rejected_at, comment: r.comment }));
}

export function listTolerances(db: Db, unitId: number): Record<string, Tolerance> {
  const out: Record<string, Tolerance> = {};
  for (const r of db.prepare<[number], { account: string; cents: number; permille: number }>('SELECT account, cents, permille FROM account_tolerances WHERE unit_id = ?').all(unitId)) {
    out[r.account] = { cents: r.cents, permille: r.permille };
  }
  return out;
}
