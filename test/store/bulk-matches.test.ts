// The bulk path for a run's auto matches against the single-action path it replaces, on random
// months with the controller's earlier decisions in the way (a confirmed match holding a line, an
// auto match the controller unmatched): both leave the same matches and match lines behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { MutationLine } from '../../src/shared/domain';
import { isAppFailure } from '../../src/shared/errors';
import type { StoredMatch } from '../../src/shared/reconcile';
import { autoMatch } from '../../src/main/reconcile';
import { insertMatchesInBulk } from '../../src/main/store/bulk-matches';
import { planBulkMatches } from '../../src/main/store/bulk-plan';
import { listMatches } from '../../src/main/store/controller-reads';
import { startStatementWriter } from '../../src/main/store/statement-writer';
import { confirmMatch, unmatch } from '../../src/main/store/controller-actions';
import { auditChain, listAudit } from '../../src/main/store/audit';
import { openDatabase, type Db } from '../../src/main/store/database';
import { LINE_COLUMNS, lineValues } from '../../src/main/store/lines';
import { Books, input } from '../reconcile/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'kp-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function storeWith(lines: readonly MutationLine[]): Db {
  const db = openDatabase(join(dir, `db-${n++}.sqlite`));
  const insert = db.prepare(`INSERT INTO mutation_lines (${LINE_COLUMNS.join(', ')}) VALUES (${LINE_COLUMNS.map(() => '?').join(', ')})`);
  db.transaction(() => lines.forEach((l) => insert.run(...lineValues(l, '{}'))))();
  return db;
}

/** What persistAutoMatches did before: one audited confirm per match, refusals skipped. */
function oneByOne(db: Db, proposals: readonly StoredMatch[], at: string): void {
  for (const m of proposals) {
    if (db.prepare('SELECT 1 FROM matches WHERE id = ?').get(m.id)) continue;
    try {
      confirmMatch(db, { unitId: m.unitId, account: m.account, lines: m.lines.map((l) => l.key), method: m.method, reason: m.reason, evidence: m.evidence, id: m.id, by: 'auto', at });
    } catch (e) {
      if (!isAppFailure(e)) throw e;
    }
  }
}

const stored = (db: Db) => ({
  matches: db.prepare('SELECT id, unit_id, account, method, difference, reason, evidence, created_by, created_at, removed_at FROM matches ORDER BY id').all(),
  lines: db.prepare('SELECT match_id, line_key, amount FROM match_lines ORDER BY match_id, line_key').all(),
});

const day = fc.integer({ min: 0, max: 60 });
const date = (d: number) => new Date(Date.UTC(2025, 1, 1 + d)).toISOString().slice(0, 10);
const card = fc.record({ d: day, a: fc.integer({ min: 100, max: 90_000 }), lag: fc.integer({ min: 0, max: 4 }), inv: fc.boolean() });
const topUp = fc.record({ d: day, a: fc.integer({ min: 1_000, max: 500_000 }), lag: fc.integer({ min: 0, max: 5 }) });

describe('auto matches written in bulk', () => {
  it('leave the same matches as one confirm per match, with earlier decisions in the way', () => {
    fc.assert(
      fc.property(fc.array(card, { maxLength: 25 }), fc.array(topUp, { maxLength: 8 }), fc.integer({ min: 0, max: 1_000 }), (cards, topUps, seed) => {
        const b = new Books();
        cards.forEach((c, i) => b.card(date(c.d), c.a, { invoice: c.inv ? `INV${i}` : null, description: `Merchant ${i % 3}`, payDate: date(c.d + c.lag) }));
        topUps.forEach((t) => {
          b.mossTopUp(date(t.d), t.a);
          b.bankPayment(date(Math.max(0, t.d - t.lag)), t.a);
        });
        const proposals = autoMatch(input(b.lines)).map((m) => ({ ...m, at: '2025-04-02T10:00:00.000Z' }));
        const bulk = storeWith(b.lines);
        const single = storeWith(b.lines);
        // Earlier decisions: the controller unmatched one auto match and matched a line of another by hand.
        for (const db of [bulk, single]) {
          const first = proposals[seed % Math.max(1, proposals.length)];
          if (first) {
            confirmMatch(db, { unitId: 1, account: first.account, lines: first.lines.map((l) => l.key), id: first.id, by: 'auto', at: '2025-03-01T00:00:00Z', method: first.method, evidence: first.evidence });
            unmatch(db, { matchId: first.id, by: 'An', at: '2025-03-02T00:00:00Z' });
          }
          const other = proposals[(seed + 1) % Math.max(1, proposals.length)];
          if (other && other !== first) {
            const l = other.lines[0]!;
            const partner = b.lines.find((x) => x.accountNo === other.account && x.key !== l.key && x.amount === -l.amount);
            if (partner) confirmMatch(db, { unitId: 1, account: other.account, lines: [l.key, partner.key], id: 'by-hand', by: 'An', at: '2025-03-03T00:00:00Z' });
          }
        }
        const result = insertMatchesInBulk(bulk, proposals, 'auto', '2025-04-02T10:00:00.000Z');
        oneByOne(single, proposals, '2025-04-02T10:00:00.000Z');
        const a = stored(bulk);
        expect(a).toEqual(stored(single));
        expect(result.written).toBe(a.matches.filter((m) => (m as { created_at: string }).created_at.startsWith('2025-04-02')).length);
        // The trail says who wrote which groups: one entry per account listing them.
        const listed = listAudit(bulk).filter((e) => e.action === 'match.auto').flatMap((e) => (JSON.parse(e.detail) as { matches: { matchId: string }[] }).matches.map((m) => m.matchId));
        expect(listed.sort()).toEqual(proposals.filter((p) => !result.skippedIds.has(p.id)).map((p) => p.id).sort());
        bulk.close();
        single.close();
      }),
      { numRuns: 40 },
    );
  });

  it('written on another thread from a plan, they leave the same store; a plan that foresaw wrong rolls its batch back', async () => {
    const b = new Books();
    for (let i = 0; i < 30; i++) b.card(date(i % 50), 1_000 + i * 37, { invoice: `INV${i}`, description: `Merchant ${i % 3}`, payDate: date((i % 50) + 1) });
    const proposals = autoMatch(input(b.lines)).map((m) => ({ ...m, at: '2025-04-02T10:00:00.000Z' }));
    expect(proposals.length).toBeGreaterThan(10);
    const aside = storeWith(b.lines);
    const here = storeWith(b.lines);
    for (const db of [aside, here]) {
      const first = proposals[3]!;
      confirmMatch(db, { unitId: 1, account: first.account, lines: first.lines.map((l) => l.key), id: first.id, by: 'auto', at: '2025-03-01T00:00:00Z', method: first.method, evidence: first.evidence });
      unmatch(db, { matchId: first.id, by: 'An', at: '2025-03-02T00:00:00Z' });
    }
    // As the app does: each batch sent to the writer as soon as it is planned.
    const writer = startStatementWriter(aside)!;
    const streamed = writer.open();
    let sent = 0;
    const plan = planBulkMatches(aside, proposals, listMatches(aside, 1), 'auto', '2025-04-02T10:00:00.000Z', undefined, (batch) => {
      sent++;
      streamed.push(batch);
    });
    expect(plan.batches).toEqual([]);
    expect(sent).toBe(plan.starts.length - 1);
    expect(await streamed.end()).toBe(sent);
    await writer.close();
    insertMatchesInBulk(here, proposals, 'auto', '2025-04-02T10:00:00.000Z');
    expect(stored(aside)).toEqual(stored(here));
    expect(plan.kept.length).toBe(proposals.length - 1);
    expect(auditChain(aside).intact).toBe(true);

    // A decision the plan did not know of: the batch fails whole, nothing of it is written.
    const wrong = storeWith(b.lines);
    const p0 = proposals[0]!;
    confirmMatch(wrong, { unitId: 1, account: p0.account, lines: p0.lines.map((l) => l.key), id: 'by-hand', by: 'An', at: '2025-04-01T00:00:00Z' });
    const stale = planBulkMatches(wrong, proposals, [], 'auto', '2025-04-02T10:00:00.000Z');
    const w2 = startStatementWriter(wrong)!;
    await expect(w2.run(stale.batches)).rejects.toMatchObject({ committed: 0 });
    await w2.close();
    expect((wrong.prepare('SELECT count(*) AS n FROM matches').get() as { n: number }).n).toBe(1);
    [aside, here, wrong].forEach((db) => db.close());
  });

  it('writes 100,000 matches in seconds, not minutes', () => {
    const lines: MutationLine[] = [];
    const proposals: StoredMatch[] = [];
    for (let i = 0; i < 100_000; i++) {
      const k1 = `1/INK/${i}/1`;
      const k2 = `1/MOSS/${i}/1`;
      proposals.push({ id: `auto-${i}`, unitId: 1, account: '70000', lines: [{ key: k1, amount: -100 }, { key: k2, amount: 100 }], method: 'invoice', difference: 0, reason: null, evidence: { amount: true, date: true, reference: true }, by: 'auto', at: 'x' });
    }
    const db = storeWith(lines);
    const t0 = performance.now();
    const r = insertMatchesInBulk(db, proposals, 'auto', '2025-04-02T10:00:00Z');
    const seconds = (performance.now() - t0) / 1000;
    expect(r.written).toBe(100_000);
    expect(seconds).toBeLessThan(20);
    db.close();
  });
});
