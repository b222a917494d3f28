// What the engine reads of the controller's work: active matches (with amount snapshots), notes,
// sign-offs.
import type { CorrectionEntry, ItemCategory, MatchEvidence, StoredMatch, StoredNote, StoredSignOff } from '../../shared/reconcile';
import type { Db } from './database';

interface MatchRow {
  id: string;
  unit_id: number;
  account: string;
  method: string;
  difference: number;
  reason: string | null;
  evidence: string;
  created_by: string;
  created_at: string;
  category: ItemCategory | null;
  correction: string | null;
}

/** Category and correction only where a match has them (most have neither). */
function explained(category: ItemCategory | null, correction: string | null): Pick<StoredMatch, 'category' | 'correction'> {
  return category ? { category, correction: correction ? (JSON.parse(correction) as CorrectionEntry) : null } : {};
}

function readLines(db: Db, matchId: string): StoredMatch['lines'] {
  return db
    .prepare<[string], { line_key: string; amount: number }>('SELECT line_key, amount FROM match_lines WHERE match_id = ? ORDER BY line_key')
    .all(matchId)
    .map((r) => ({ key: r.line_key, amount: r.amount }));
}

function toStoredMatch(db: Db, r: MatchRow): StoredMatch {
  return {
    id: r.id,
    unitId: r.unit_id,
    account: r.account,
    lines: readLines(db, r.id),
    method: r.method,
    difference: r.difference,
    reason: r.reason,
    evidence: JSON.parse(r.evidence) as MatchEvidence,
    by: r.created_by,
    at: r.created_at,
    ...explained(r.category, r.correction),
  };
}

/** listMatches' rows: one per match line; params unit, account, account (null: all accounts). */
export const LIST_MATCHES_SQL = `SELECT m.id, m.account, m.method, m.difference, m.reason, m.evidence, m.created_by, m.created_at, l.line_key, l.amount, m.category, m.correction
  FROM matches m JOIN match_lines l ON l.match_id = m.id
  WHERE m.unit_id = ? AND m.removed_at IS NULL AND (? IS NULL OR m.account = ?) ORDER BY m.created_at, m.id, l.line_key`;

/**
 * Active (not unmatched) matches of a unit, optionally of one account, oldest first. One query
 * for all of them (a run's 200,000 auto matches included); equal evidence texts parse once.
 */
export function listMatches(db: Db, unitId: number, account?: string): StoredMatch[] {
  const rows = db
    .prepare<[number, string | null, string | null], unknown[]>(LIST_MATCHES_SQL)
    .raw(true)
    .iterate(unitId, account ?? null, account ?? null);
  const out: StoredMatch[] = [];
  const evidence = new Map<string, MatchEvidence>();
  const texts = new Map<string, string>();
  const same = (t: string): string => texts.get(t) ?? (texts.set(t, t), t);
  let last: StoredMatch | null = null;
  for (const r of rows) {
    const id = r[0] as string;
    if (last === null || last.id !== id) {
      const e = r[5] as string;
      let ev = evidence.get(e);
      if (ev === undefined) evidence.set(e, (ev = JSON.parse(e) as MatchEvidence));
      last = {
        id, unitId, account: same(r[1] as string), lines: [], method: same(r[2] as string), difference: r[3] as number,
        reason: r[4] as string | null, evidence: ev, by: same(r[6] as string), at: same(r[7] as string),
        ...explained(r[10] as ItemCategory | null, r[11] as string | null),
      };
      out.push(last);
    }
    last.lines.push({ key: r[8] as string, amount: r[9] as number });
  }
  return out;
}

export function getMatch(db: Db, id: string): (StoredMatch & { removed: boolean }) | null {
  const r = db
    .prepare<[string], MatchRow & { removed_at: string | null }>(
      'SELECT id, unit_id, account, method, difference, reason, evidence, created_by, created_at, category, correction, removed_at FROM matches WHERE id = ?',
    )
    .get(id);
  return r ? { ...toStoredMatch(db, r), removed: r.removed_at !== null } : null;
}

/** Active match ids that hold any of the given line keys. */
export function activeMatchesOf(db: Db, keys: readonly string[]): string[] {
  return db
    .prepare<[string], { id: string }>(
      `SELECT DISTINCT m.id FROM matches m JOIN match_lines l ON l.match_id = m.id
       WHERE m.removed_at IS NULL AND l.line_key IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(keys))
    .map((r) => r.id);
}

export function listNotes(db: Db, unitId: number): StoredNote[] {
  return db
    .prepare<[number], { line_key: string; text: string; created_by: string; created_at: string }>(
      'SELECT line_key, text, created_by, created_at FROM notes WHERE unit_id = ? ORDER BY line_key',
    )
    .all(unitId)
    .map((r) => ({ unitId, lineKey: r.line_key, text: r.text, by: r.created_by, at: r.created_at }));
}

interface SignOffRow {
  unit_id: number;
  account: string;
  period: string;
  role: 'preparer' | 'reviewer';
  signed_by: string;
  signed_at: string;
  closing: number;
  open_items: number;
}

export function signOffFromRow(r: SignOffRow): StoredSignOff {
  return {
    unitId: r.unit_id,
    account: r.account,
    period: r.period,
    role: r.role,
    by: r.signed_by,
    at: r.signed_at,
    snapshot: { closing: r.closing, openItems: r.open_items },
  };
}

/** Sign-offs of a unit, optionally for one period (YYYY-MM). */
export function listSignOffs(db: Db, unitId: number, period?: string): StoredSignOff[] {
  return db
    .prepare<[number, string | null, string | null], SignOffRow>(
      `SELECT unit_id, account, period, role, signed_by, signed_at, closing, open_items FROM sign_offs
       WHERE unit_id = ? AND (? IS NULL OR period = ?) ORDER BY account, period, role`,
    )
    .all(unitId, period ?? null, period ?? null)
    .map(signOffFromRow);
}

export function getSignOff(db: Db, unitId: number, account: string, period: string, role: string): StoredSignOff | null {
  const r = db
    .prepare<[number, string, string, string], SignOffRow>(
      'SELECT unit_id, account, period, role, signed_by, signed_at, closing, open_items FROM sign_offs WHERE unit_id = ? AND account = ? AND period = ? AND role = ?',
    )
    .get(unitId, account, period, role);
  return r ? signOffFromRow(r) : null;
}
