// Undo of the newest controller action not yet undone: every kind the actions table records
// (controller-actions.ts and reconciling-actions.ts), reversed in one transaction and audited.
import { appendAudit } from './audit';
import { fail, writeNote, writeSignOff, type NoteRow, type SignOffKey, type Who } from './controller-actions';
import { activeMatchesOf, getMatch } from './controller-reads';
import type { Db } from './database';
import { undoReconciling } from './reconciling-actions';
import type { StoredSignOff } from '../../shared/reconcile';

const now = (w: Who) => w.at ?? new Date().toISOString();

export interface UndoResult {
  actionId: number;
  kind: string;
}

/** Reverses the newest action not yet undone (of the unit, when given). Null when there is none. */
export function undoLast(db: Db, input: Who & { unitId?: number }): UndoResult | null {
  return db.transaction((): UndoResult | null => {
    const at = now(input);
    const a = db
      .prepare<[number | null, number | null], { id: number; kind: string; unit_id: number | null; payload: string }>(
        `SELECT id, kind, unit_id, payload FROM actions WHERE undone_at IS NULL AND (? IS NULL OR unit_id = ?) ORDER BY id DESC LIMIT 1`,
      )
      .get(input.unitId ?? null, input.unitId ?? null);
    if (!a) return null;
    const payload = JSON.parse(a.payload) as Record<string, unknown>;
    let account: string | null = null;
    switch (a.kind) {
      case 'confirmMatch': {
        const id = payload.matchId as string;
        account = getMatch(db, id)?.account ?? null;
        db.prepare('UPDATE matches SET removed_by = ?, removed_at = ? WHERE id = ? AND removed_at IS NULL').run(input.by, at, id);
        break;
      }
      case 'unmatch': {
        const m = getMatch(db, payload.matchId as string);
        if (!m) break;
        account = m.account;
        if (activeMatchesOf(db, m.lines.map((l) => l.key)).length > 0) {
          fail('undo-line-taken', 'Ongedaan maken kan niet: een regel is intussen opnieuw afgeletterd.', 'Cannot undo: a line has been matched again since.');
        }
        db.prepare('UPDATE matches SET removed_by = NULL, removed_at = NULL WHERE id = ?').run(m.id);
        break;
      }
      case 'addNote':
        writeNote(db, a.unit_id!, payload.lineKey as string, (payload.previous as NoteRow | null) ?? null);
        break;
      case 'signOff': {
        const key = payload.key as SignOffKey;
        account = key.account;
        writeSignOff(db, key, (payload.previous as StoredSignOff | null) ?? null);
        break;
      }
      case 'categorise':
      case 'rejectSignOff':
      case 'acceptMany':
        account = undoReconciling(db, a.kind, a.unit_id!, payload, input.by, at);
        break;
      default:
        fail('undo-unknown', 'Deze actie kan niet ongedaan worden gemaakt.', 'This action cannot be undone.');
    }
    db.prepare('UPDATE actions SET undone_at = ?, undone_by = ? WHERE id = ?').run(at, input.by, a.id);
    appendAudit(db, { at, by: input.by, action: 'undo', unitId: a.unit_id, account, detail: JSON.stringify({ actionId: a.id, kind: a.kind, payload }), reason: null });
    return { actionId: a.id, kind: a.kind };
  })();
}
