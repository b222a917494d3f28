// A run's auto matches as batches of statements for the statement writer, so they are written on
// another thread while this one computes the month's picture. Which proposals the store will
// keep is decided here, by the same rules insertMatchesInBulk's SQL applies (an id that exists, a
// line another active match holds, a line an earlier proposal took, no lines, a difference
// without a reason); every batch still runs those rules in SQL and then checks that it kept
// exactly as many as foreseen — on any difference the batch fails and rolls back, and the caller
// falls back to writing the rest here. The audit entries are chained from the current head.
import type { StoredMatch } from '../../shared/reconcile';
import type { Statement } from '../sync/staging';
import { auditHead, INSERT_AUDIT, linkedAudit } from './audit';
import { ADD_HEADS, ADD_LINES, ADD_MATCHES, ADD_MATCH_LINES, autoAuditEntries, CHUNK, chunkTexts, INDEX, REFUSE, SETUP } from './bulk-matches';
import type { Db } from './database';

export interface BulkPlan {
  /** Empty when they went to `emit` as they were made. */
  batches: Statement[][];
  /** Proposals [starts[i], starts[i + 1]) are batch i's. */
  starts: number[];
  /** How many of `kept` the batches before batch i hold. */
  keptBefore: number[];
  kept: StoredMatch[];
  skippedIds: Set<string>;
}

const split = (sql: string): Statement[] =>
  sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s): Statement => [s, []]);

const CHECK_TABLE = 'CREATE TEMP TABLE IF NOT EXISTS bulk_check (short INTEGER NOT NULL CHECK (short = 0))';
/** Fails the batch unless the SQL kept exactly as many proposals as foreseen (param: that count). */
const CHECK = 'INSERT INTO temp.bulk_check SELECT ? - (SELECT count(*) FROM temp.bulk_match)';

/**
 * `stored`: the unit's active matches (the engine's input), which hold their lines. `emit`, when
 * given, takes each batch as soon as it is made (to a writer that starts on it at once) instead
 * of the plan's `batches`.
 */
export function planBulkMatches(
  db: Db,
  proposals: readonly StoredMatch[],
  stored: readonly StoredMatch[],
  by: string,
  at: string,
  tick: (weight?: number) => void = () => undefined,
  emit?: (batch: Statement[]) => void,
): BulkPlan {
  const unitId = proposals[0]?.unitId ?? stored[0]?.unitId ?? 0;
  const existing = new Set(stored.map((m) => m.id));
  for (const id of db.prepare<[number], string>('SELECT id FROM matches WHERE NOT (unit_id = ? AND removed_at IS NULL)').pluck().all(unitId)) existing.add(id);
  const taken = new Set<string>();
  for (const m of stored) for (const l of m.lines) taken.add(l.key);

  const kept: StoredMatch[] = [];
  const skippedIds = new Set<string>();
  const batches: Statement[][] = [];
  const starts: number[] = [];
  const keptBefore: number[] = [];
  let head = auditHead(db);
  for (let from = 0; from < proposals.length; from += CHUNK) {
    const to = Math.min(proposals.length, from + CHUNK);
    const texts = chunkTexts(proposals, from, to, tick);
    const keptHere: StoredMatch[] = [];
    for (let seq = from; seq < to; seq++) {
      tick();
      const m = proposals[seq]!;
      if (texts.refused.has(seq) || existing.has(m.id) || m.lines.some((l) => taken.has(l.key))) {
        skippedIds.add(m.id);
        continue;
      }
      for (const l of m.lines) taken.add(l.key);
      existing.add(m.id);
      keptHere.push(m);
    }
    const audit = autoAuditEntries(keptHere, by, at).map((e) => {
      const linked = linkedAudit(head, e);
      head = linked.hash;
      return [INSERT_AUDIT, linked.values] as Statement;
    });
    const batch: Statement[] = [
      ...split(SETUP),
      [CHECK_TABLE, []],
      [ADD_HEADS, [texts.heads]],
      [ADD_LINES, [texts.lines]],
      ...split(INDEX),
      ...split(REFUSE),
      [CHECK, [keptHere.length]],
      [ADD_MATCHES, [by, at]],
      [ADD_MATCH_LINES, []],
      ...audit,
      ...split(SETUP),
    ];
    if (emit) emit(batch);
    else batches.push(batch);
    starts.push(from);
    keptBefore.push(kept.length);
    kept.push(...keptHere);
  }
  starts.push(proposals.length);
  keptBefore.push(kept.length);
  return { batches, starts, keptBefore, kept, skippedIds };
}
