// The kept stored matches are, after any sequence of writes, exactly what a fresh read gives:
// the controller's decisions and undos on this connection, bulk writes, a rolled-back
// transaction, and commits by another connection (the statement writer, a CLI).
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertMatchesInBulk } from '../../src/main/store/bulk-matches';
import { confirmMatch, unmatch } from '../../src/main/store/controller-actions';
import { listMatches } from '../../src/main/store/controller-reads';
import type { Db } from '../../src/main/store/database';
import { KeptMatches } from '../../src/main/store/kept-matches';
import { LINE_COLUMNS } from '../../src/main/store/lines';
import { undoLast } from '../../src/main/store/undo';
import { tmpDb } from '../sync/helpers';

let t: ReturnType<typeof tmpDb>;
let db: Db;
const PAIRS = 12;

/** Pair i: a bank debit and a Moss credit of the same amount on 2000, in units 1 and 2. */
function seed() {
  const add = db.prepare(`INSERT INTO mutation_lines (${LINE_COLUMNS.join(', ')}) VALUES (${LINE_COLUMNS.map(() => '?').join(', ')})`);
  for (const unit of [1, 2]) {
    for (let i = 0; i < PAIRS; i++) {
      const amount = 1_000 + i * 37;
      add.run(unit, 'BNK', i + 1, 1, 2025, 1, '2000', null, `2025-01-${String(1 + i).padStart(2, '0')}`, null, null, null, null, null, amount, 0, null, '{}');
      add.run(unit, 'MB', i + 1, 1, 2025, 1, '2000', null, `2025-01-${String(1 + i).padStart(2, '0')}`, null, null, null, null, null, 0, amount, null, '{}');
    }
  }
}
const keys = (unit: number, i: number) => [`${unit}/BNK/${i + 1}/1`, `${unit}/MB/${i + 1}/1`];

beforeEach(() => {
  t = tmpDb();
  db = t.db;
  seed();
});
afterEach(() => t.cleanup());

type Op =
  | { kind: 'match'; unit: number; pair: number; minute: number }
  | { kind: 'unmatch'; unit: number; nth: number }
  | { kind: 'undo' }
  | { kind: 'bulk'; unit: number; pairs: number[] }
  | { kind: 'other-connection'; unit: number; pair: number }
  | { kind: 'rolled-back'; unit: number; pair: number }
  | { kind: 'explain'; unit: number; nth: number };

const unit = fc.constantFrom(1, 2);
const pair = fc.integer({ min: 0, max: PAIRS - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('match' as const), unit, pair, minute: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('unmatch' as const), unit, nth: fc.nat() }),
  fc.constant({ kind: 'undo' as const }),
  fc.record({ kind: fc.constant('bulk' as const), unit, pairs: fc.uniqueArray(pair, { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('other-connection' as const), unit, pair }),
  fc.record({ kind: fc.constant('rolled-back' as const), unit, pair }),
  fc.record({ kind: fc.constant('explain' as const), unit, nth: fc.nat() }),
);

/** Writes refused by the store (a line already matched, nothing to undo) are part of the run. */
function attempt(f: () => unknown) {
  try {
    f();
  } catch {
    // refused: nothing changed
  }
}

function apply(o: Op) {
  // Few distinct times, so the order's tie on the id is exercised.
  const at = (minute: number) => `2025-02-01T10:0${minute}:00.000Z`;
  switch (o.kind) {
    case 'match':
      return attempt(() => confirmMatch(db, { unitId: o.unit, account: '2000', lines: keys(o.unit, o.pair), by: 'Anna', at: at(o.minute) }));
    case 'unmatch': {
      const active = listMatches(db, o.unit);
      if (active.length) unmatch(db, { matchId: active[o.nth % active.length]!.id, by: 'Anna', at: at(2) });
      return;
    }
    case 'undo':
      return attempt(() => undoLast(db, { by: 'Anna', at: at(3) }));
    case 'bulk': {
      const proposals = o.pairs.map((p) => ({
        id: `bulk-${o.unit}-${p}-${Math.random().toString(36).slice(2)}`, unitId: o.unit, account: '2000', method: 'cit-exact', difference: 0, reason: null,
        evidence: { amount: true, date: true, reference: false }, by: 'auto', at: at(1),
        lines: keys(o.unit, p).sort().map((key) => ({ key, amount: key.includes('BNK') ? 1_000 + p * 37 : -(1_000 + p * 37) })),
      }));
      insertMatchesInBulk(db, proposals, 'auto', at(1));
      return;
    }
    case 'other-connection': {
      const other = new Database(t.file);
      attempt(() => confirmMatch(other, { unitId: o.unit, account: '2000', lines: keys(o.unit, o.pair), by: 'cli:Bert', at: at(0) }));
      other.close();
      return;
    }
    case 'explain': {
      // A category and correction entry on a match (as the controller explains a difference).
      const active = listMatches(db, o.unit);
      if (active.length) db.prepare('UPDATE matches SET category = ?, correction = ? WHERE id = ?').run('timing', o.nth % 2 ? JSON.stringify({ debit: '4999', credit: '2000', amount: 1 }) : null, active[o.nth % active.length]!.id);
      return;
    }
    case 'rolled-back':
      return attempt(() =>
        db.transaction(() => {
          confirmMatch(db, { unitId: o.unit, account: '2000', lines: keys(o.unit, o.pair), by: 'Anna', at: at(1) });
          throw new Error('rolled back');
        })(),
      );
  }
}

describe('kept stored matches', () => {
  it('equal a fresh read of the store after every write, whoever made it', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        db.exec('DELETE FROM match_lines; DELETE FROM matches; DELETE FROM actions');
        const kept = new KeptMatches(db);
        for (const o of ops) {
          apply(o);
          for (const u of [1, 2]) expect(kept.list(u)).toEqual(listMatches(db, u));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('preloaded on another thread, equal a fresh read, also with writes while it reads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(op, fc.boolean()), { minLength: 1, maxLength: 12 }), async (steps) => {
        db.exec('DELETE FROM match_lines; DELETE FROM matches; DELETE FROM actions');
        const kept = new KeptMatches(db);
        for (const [o, during] of steps) {
          // The write lands before the thread starts reading, or while it reads.
          if (!during) apply(o);
          const reading = kept.preload(1);
          if (during) apply(o);
          await reading;
          for (const u of [1, 2]) expect(kept.list(u)).toEqual(listMatches(db, u));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a preload is what list() then hands out, without reading again', async () => {
    for (let i = 0; i < 4; i++) confirmMatch(db, { unitId: 1, account: '2000', lines: keys(1, i), by: 'Anna', at: '2025-02-01T10:00:00.000Z' });
    const kept = new KeptMatches(db);
    expect(await kept.preload(1)).toBe(true);
    const first = kept.list(1);
    expect(first).toEqual(listMatches(db, 1));
    expect(kept.list(1)).toBe(first);
    expect(await kept.preload(1)).toBe(false); // kept and unchanged: nothing read
    expect(kept.list(1)).toBe(first);
  });

  it('read back only what a decision touched', () => {
    for (let i = 0; i < 6; i++) confirmMatch(db, { unitId: 1, account: '2000', lines: keys(1, i), by: 'Anna', at: '2025-02-01T10:00:00.000Z' });
    const kept = new KeptMatches(db);
    const first = kept.list(1);
    expect(first).toHaveLength(6);
    expect(kept.list(1)).toBe(first); // nothing written: the same list, no read
    unmatch(db, { matchId: first[2]!.id, by: 'Anna', at: '2025-02-01T11:00:00.000Z' });
    const after = kept.list(1);
    expect(after).toEqual(first.filter((m) => m.id !== first[2]!.id));
    expect(after[0]).toBe(first[0]); // the untouched matches are the kept objects, not read again
  });
});
