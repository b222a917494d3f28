// The bulk write path for a run's automatic matches: a few set-based statements, whatever the
// count, instead of one audited controller action per match. The same rules as confirmMatch:
// a match id that exists (also one the controller removed) is never written again, and a match
// whose line another active match holds is left out (found by match_lines' key index). One
// audit entry per account lists every group written. Auto matches are not undoable actions.
import type { StoredMatch } from '../../shared/reconcile';
import { appendAudit } from './audit';
import type { Db } from './database';

export interface BulkMatchResult {
  written: number;
  /** Proposals left out: their id exists, or one of their lines is taken. */
  skippedIds: Set<string>;
}

// Proposals by position (seq); their lines keyed by line key first, so the conflict checks are
// index lookups both in match_lines and among the proposals themselves.
const CHUNK = 5_000;

const SETUP = `
CREATE TEMP TABLE IF NOT EXISTS bulk_match (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, unit_id INTEGER NOT NULL, account TEXT NOT NULL,
  method TEXT NOT NULL, difference INTEGER NOT NULL, reason TEXT, evidence TEXT NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS bulk_match_line (line_key TEXT NOT NULL, seq INTEGER NOT NULL, amount INTEGER NOT NULL);
DROP INDEX IF EXISTS temp.bulk_match_line_key;
DROP INDEX IF EXISTS temp.bulk_match_line_seq;
DELETE FROM temp.bulk_match;
DELETE FROM temp.bulk_match_line;`;

// Built once the lines are in (a sorted build): conflicts are found by key, stretches by seq.
const INDEX = `
CREATE INDEX temp.bulk_match_line_key ON bulk_match_line (line_key, seq);
CREATE INDEX temp.bulk_match_line_seq ON bulk_match_line (seq);`;

// Left out, as confirmMatch would refuse them: the id exists; a line is in an active match (CROSS
// JOIN keeps SQLite starting from the new lines, not from every stored match); a line
// is in an earlier proposal of this batch still kept. (No lines, or a difference without a reason:
// left out before they get here.)
const REFUSE = `
DELETE FROM temp.bulk_match WHERE EXISTS (SELECT 1 FROM main.matches m WHERE m.id = bulk_match.id);
DELETE FROM temp.bulk_match WHERE seq IN (
  SELECT b.seq FROM temp.bulk_match_line b CROSS JOIN main.match_lines l ON l.line_key = b.line_key
  CROSS JOIN main.matches m ON m.id = l.match_id AND m.removed_at IS NULL);
DELETE FROM temp.bulk_match WHERE seq IN (
  SELECT b.seq FROM temp.bulk_match_line b JOIN temp.bulk_match_line e ON e.line_key = b.line_key AND e.seq < b.seq
  WHERE e.seq IN (SELECT seq FROM temp.bulk_match));`;

/**
 * Writes the proposals as confirmed matches by `by` at `at`, in their order (on a conflict the
 * earlier one wins, as single confirms in that order would). One transaction per chunk of 5,000,
 * each with its audit entries: no commit or statement runs long, so a cancel takes effect between
 * chunks and keeps the chunks written (auto matches are found again by the next run). Line
 * amounts are the snapshot: the caller took them from the lines it read from this store.
 */
export function insertMatchesInBulk(
  db: Db,
  proposals: readonly StoredMatch[],
  by: string,
  at: string,
  tick: (weight?: number) => void = () => undefined,
  /** After each chunk: how many proposals are done. */
  progress: (done: number) => void = () => undefined,
): BulkMatchResult {
  const skippedIds = new Set<string>();
  let written = 0;
  db.exec(SETUP); // the temp tables exist before the statements over them are prepared
  // JSON texts read by SQLite itself: no statement per match.
  const addHeads = db.prepare(
    `INSERT INTO temp.bulk_match SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7
     FROM json_each(?) j`,
  );
  const addLines = db.prepare('INSERT INTO temp.bulk_match_line SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM json_each(?) j');
  const addMatches = db.prepare(
    `INSERT INTO main.matches (id, unit_id, account, method, difference, reason, evidence, created_by, created_at)
     SELECT id, unit_id, account, method, difference, reason, evidence, ?, ? FROM temp.bulk_match ORDER BY seq`,
  );
  const addMatchLines = db.prepare(`INSERT INTO main.match_lines (match_id, line_key, amount)
    SELECT k.id, b.line_key, b.amount FROM temp.bulk_match k JOIN temp.bulk_match_line b ON b.seq = k.seq ORDER BY k.id, b.line_key`);
  const keptSeqs = db.prepare<[], number>('SELECT seq FROM temp.bulk_match').pluck();
  const chunk = db.transaction((from: number, to: number) => {
    db.exec(SETUP);
    const head: unknown[] = [];
    const lines: unknown[] = [];
    const refused = new Set<number>();
    for (let seq = from; seq < to; seq++) {
      tick();
      const m = proposals[seq]!;
      const reason = m.reason?.trim() || null;
      const difference = m.lines.reduce((sum, l) => sum + l.amount, 0);
      if (m.lines.length === 0 || (difference !== 0 && reason === null)) {
        refused.add(seq);
        continue;
      }
      for (const l of m.lines) lines.push([l.key, seq, l.amount]);
      head.push([seq, m.id, m.unitId, m.account, m.method, difference, reason, JSON.stringify(m.evidence)]);
    }
    addHeads.run(JSON.stringify(head));
    addLines.run(JSON.stringify(lines));
    db.exec(INDEX);
    db.exec(REFUSE);
    const kept = new Set(keptSeqs.all());
    const done: StoredMatch[] = [];
    for (let seq = from; seq < to; seq++) {
      if (kept.has(seq)) done.push(proposals[seq]!);
      else skippedIds.add(proposals[seq]!.id);
    }
    if (done.length > 0) {
      addMatches.run(by, at);
      addMatchLines.run();
      auditByAccount(db, done, by, at);
    }
    db.exec(SETUP);
    written += done.length;
  });
  // No fsync per chunk: auto matches are found again by the next run should a power loss take the
  // last ones (the controller's own writes stay synchronous=FULL).
  const before = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    for (let from = 0; from < proposals.length; from += CHUNK) {
      chunk(from, Math.min(proposals.length, from + CHUNK));
      progress(Math.min(proposals.length, from + CHUNK));
    }
  } finally {
    db.pragma(`synchronous = ${before}`);
  }
  return { written, skippedIds };
}

/** One entry per unit and account: how many groups, and each group's id, method and lines. */
function auditByAccount(db: Db, written: readonly StoredMatch[], by: string, at: string): void {
  const groups = new Map<string, StoredMatch[]>();
  for (const m of written) {
    const k = `${m.unitId}\u0000${m.account}`;
    const list = groups.get(k);
    if (list) list.push(m);
    else groups.set(k, [m]);
  }
  for (const list of groups.values()) {
    // The groups by id and method; their lines and amounts are in match_lines under that id.
    const detail = { count: list.length, matches: list.map((m) => ({ matchId: m.id, method: m.method })) };
    appendAudit(db, { at, by, action: 'match.auto', unitId: list[0]!.unitId, account: list[0]!.account, detail: JSON.stringify(detail), reason: null });
  }
}
