// The actions table: what undo needs to reverse a controller's decision (the audit trail says what
// happened; this says how to take it back).
import type { Db } from './database';

export function recordAction(db: Db, at: string, by: string, kind: string, unitId: number | null, payload: unknown): number {
  const info = db
    .prepare('INSERT INTO actions (at, by, kind, unit_id, payload) VALUES (?, ?, ?, ?, ?)')
    .run(at, by, kind, unitId, JSON.stringify(payload));
  return Number(info.lastInsertRowid);
}
