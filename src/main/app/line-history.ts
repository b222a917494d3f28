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
  const linesOf = db.prepare<[string], { key: string; amount: number }>('SELECT line_key AS key, amount FROM match_lines WHERE match_id = ? ORDER BY line_key');
  return rows.map((r) => {
    const entry = narrowed(r, key, matchIds, (id) => linesOf.all(id));
    return { id: r.id, at: r.at, by: r.by, action: entry.action, account: r.account, text: describeAudit(entry), reason: r.reason };
  });
}

type Group = { matchId: string; method: string; lines?: { key: string; amount: number }[] };

/**
 * An entry about many groups (automatic matching, accept all) said for the line's own group. The
 * automatic entries list groups by id and method only (their lines are in match_lines under that id).
 */
function narrowed(r: Row, key: LineKey, matchIds: readonly string[], linesOf: (matchId: string) => { key: string; amount: number }[]): Pick<AuditEntry, 'action' | 'account' | 'detail' | 'reason'> {
  if (r.action !== 'match.auto' && r.action !== 'match.accept-all') return r;
  const d = JSON.parse(r.detail) as { matches?: Group[] };
  const own = d.matches?.find((m) => (m.lines ? m.lines.some((l) => l.key === key) : matchIds.includes(m.matchId)));
  if (!own) return r;
  const lines = own.lines ?? linesOf(own.matchId);
  return { action: 'match.confirm', account: r.account, detail: JSON.stringify({ ...own, lines, difference: 0 }), reason: r.reason };
}
