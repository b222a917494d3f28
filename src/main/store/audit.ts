// The append-only audit trail (triggers refuse UPDATE and DELETE). Callers append inside the same
// transaction as the change they record.
import type { AuditEntry } from '../../shared/reconcile';
import type { Db } from './database';

/** An entry before the trail numbers it. */
export type AuditInput = Omit<AuditEntry, 'id'>;

export function appendAudit(db: Db, e: AuditInput): number {
  const info = db
    .prepare('INSERT INTO audit_log (at, by, action, unit_id, account, detail, reason) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(e.at, e.by, e.action, e.unitId, e.account, e.detail, e.reason);
  return Number(info.lastInsertRowid);
}

interface AuditRow {
  id: number;
  at: string;
  by: string;
  action: string;
  unit_id: number | null;
  account: string | null;
  detail: string;
  reason: string | null;
}

/** Newest first; filtered by unit (and account) when given. */
export function listAudit(db: Db, opts: { unitId?: number; account?: string; limit?: number } = {}): AuditEntry[] {
  const rows = db
    .prepare<[number | null, number | null, string | null, string | null, number], AuditRow>(
      `SELECT id, at, by, action, unit_id, account, detail, reason FROM audit_log
       WHERE (? IS NULL OR unit_id = ?) AND (? IS NULL OR account = ?) ORDER BY id DESC LIMIT ?`,
    )
    .all(opts.unitId ?? null, opts.unitId ?? null, opts.account ?? null, opts.account ?? null, opts.limit ?? -1);
  return rows.map((r) => ({ id: r.id, at: r.at, by: r.by, action: r.action, unitId: r.unit_id, account: r.account, detail: r.detail, reason: r.reason }));
}
