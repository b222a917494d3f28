// A line's history from the audit trail: every entry that names the line or one of the matches it
// was ever in (undone and unmatched ones included), oldest first, in words.
import { describeAudit } from '../../shared/audit-words';
import type { LineKey } from '../../shared/domain';
import type { AuditEntry } from '../../shared/reconcile';
import type { LineHistoryEntry } from '../../shared/views';
import type { Db } from '../store/database';

interface Row {
  id: number;
  at: string;
  by: string;
  action: string;
  account: string | null;
  detail: string;
  reason: string | null;
}

export function lineHistory(db: Db, unitId: number, key: LineKey): LineHistoryEntry[] {
  const matchIds = db.prepare<[string], string>('SELECT DISTINCT match_id FROM match_lines WHERE line_key = ?').pluck().all(key);
  // JSON-quoted, so "1/BNK/3/1" does not find "1/BNK/3/10".
  const needles = [key, ...matchIds].map((s) => JSON.stringify(s));
  const rows = db
    .prepare<unknown[], Row>(
      `SELECT id, at, by, action, account, detail, reason FROM audit_log
       WHERE (unit_id = ? OR unit_id IS NULL) AND (${needles.map(() => 'instr(detail, ?) > 0').join(' OR ')}) ORDER BY id`,
    )
    .all(unitId, ...needles);
  return rows.map((r) => {
    const entry = narrowed(r, key);
    return { id: r.id, at: r.at, by: r.by, action: entry.action, account: r.account, text: describeAudit(entry), reason: r.reason };
  });
}

/** An entry about many groups (automatic matching, accept all) said for the line's own group. */
function narrowed(r: Row, key: LineKey): Pick<AuditEntry, 'action' | 'account' | 'detail' | 'reason'> {
  if (r.action !== 'match.auto' && r.action !== 'match.accept-all') return r;
  const d = JSON.parse(r.detail) as { matches?: { matchId: string; method: string; lines: { key: string; amount: number }[] }[] };
  const own = d.matches?.find((m) => m.lines.some((l) => l.key === key));
  return own ? { action: 'match.confirm', account: r.account, detail: JSON.stringify({ ...own, difference: 0 }), reason: r.reason } : r;
}
