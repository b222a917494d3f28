// Invariants over random months: exact sums, balances from lines, idempotent auto-match, and no
// line in two confirmed groups.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoMatch, reconcileAdministration, reconcileWithAutoMatch } from '../../src/main/reconcile';
import { Books, input } from './fixtures';

const day = fc.integer({ min: 0, max: 75 }); // 2025-02-01 .. 2025-04-16
const date = (n: number) => {
  const d = new Date(Date.UTC(2025, 1, 1 + n));
  return d.toISOString().slice(0, 10);
};
const amount = fc.oneof(fc.integer({ min: -5_000, max: 50_000 }), fc.constantFrom(1_000, 2_500, 10_000)).filter((a) => a !== 0);

const event = fc.oneof(
  fc.record({ kind: fc.constant('card' as const), d: day, a: amount, lag: fc.integer({ min: 0, max: 9 }), inv: fc.boolean(), drop: fc.constantFrom('none', 'none', 'none', 'payment', 'purchase') }),
  fc.record({ kind: fc.constant('topup' as const), d: day, a: fc.integer({ min: 1, max: 200_000 }), lag: fc.integer({ min: -2, max: 8 }), split: fc.boolean(), fee: fc.constantFrom(0, 0, 0, 150), drop: fc.constantFrom('none', 'none', 'bank', 'moss') }),
);

type Event = typeof event extends fc.Arbitrary<infer T> ? T : never;

function build(events: Event[]) {
  const b = new Books();
  for (const [i, e] of events.entries()) {
    if (e.kind === 'card') {
      b.card(date(e.d), e.a, {
        invoice: e.inv ? `INV${i % 7}` : null,
        description: `Merchant ${i % 4}`,
        payDate: date(e.d + e.lag),
        skipPayment: e.drop === 'payment',
        skipPurchase: e.drop === 'purchase',
      });
    } else {
      if (e.drop !== 'moss') b.mossTopUp(date(e.d), e.a);
      if (e.drop !== 'bank') {
        const bankDay = date(Math.max(0, e.d - e.lag));
        if (e.split && e.a > 1) {
          b.bankPayment(bankDay, Math.floor(e.a / 2));
          b.bankPayment(bankDay, e.a - Math.floor(e.a / 2) + e.fee);
        } else b.bankPayment(bankDay, e.a + e.fee);
      }
    }
  }
  return b.lines;
}

const months = fc.array(event, { minLength: 1, maxLength: 40 });
const period = fc.constantFrom({ year: 2025, month: 2 }, { year: 2025, month: 3 });

describe('engine invariants', () => {
  it('auto-match is idempotent and never puts a line in two confirmed groups', () => {
    fc.assert(
      fc.property(months, period, (events, p) => {
        const lines = build(events);
        const inp = input(lines, { period: p });
        const first = autoMatch(inp);
        const again = autoMatch({ ...inp, storedMatches: first });
        expect(again).toEqual([]);
        const seen = new Set<string>();
        for (const m of first) {
          expect(m.difference).toBe(0);
          expect(m.lines.reduce((s, l) => s + l.amount, 0)).toBe(0);
          for (const l of m.lines) {
            expect(seen.has(l.key)).toBe(false);
            seen.add(l.key);
          }
        }
        const r = reconcileAdministration({ ...inp, storedMatches: first });
        const confirmed = new Set<string>();
        for (const g of r.matches.filter((m) => m.status === 'confirmed')) {
          for (const k of g.lines) {
            expect(confirmed.has(k)).toBe(false);
            confirmed.add(k);
          }
        }
        // Suggestions never reuse a confirmed line.
        for (const g of r.matches.filter((m) => m.status === 'suggested')) for (const k of g.lines) expect(confirmed.has(k)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('every group sums exactly to its difference; balances equal the sum of their lines', () => {
    fc.assert(
      fc.property(months, period, (events, p) => {
        const lines = build(events);
        const inp = input(lines, { period: p });
        const r = reconcileAdministration({ ...inp, storedMatches: autoMatch(inp) });
        const byKey = new Map(lines.map((l) => [l.key, l]));
        for (const g of r.matches) {
          if (g.status === 'stale') continue;
          expect(g.lines.reduce((s, k) => s + byKey.get(k)!.amount, 0)).toBe(g.difference);
          if (g.method !== 'amount-difference') expect(g.difference).toBe(0);
        }
        const first = `${p.year}-${String(p.month).padStart(2, '0')}-01`;
        const last = r.accounts[0]!.dailyBalances.at(-1)!.date;
        for (const a of r.accounts) {
          const own = lines.filter((l) => l.accountNo === a.account);
          const sum = (ls: typeof own) => ls.reduce((s, l) => s + l.amount, 0);
          expect(a.opening).toBe(sum(own.filter((l) => l.entryDate < first)));
          expect(a.closing).toBe(sum(own.filter((l) => l.entryDate <= last)));
          expect(a.debit - a.credit).toBe(a.closing - a.opening);
          expect(a.dailyBalances.at(-1)!.balance).toBe(a.closing);
          const open = a.openItems.reduce((s, o) => s + o.line.amount, 0);
          expect(Object.values(a.agingTotals).reduce((s, v) => s + v, 0)).toBe(open);
          // Auto matches have no difference: what is not open at period end cancels out.
          if (a.role !== 'mossBalance') expect(open).toBe(a.closing);
        }
        const rf = r.rollforward;
        expect(rf.opening + rf.topUps - rf.spend + rf.refunds + rf.other).toBe(rf.closing);
        expect(rf.closing).toBe(r.accounts[0]!.closing);
      }),
      { numRuns: 150 },
    );
  });

  it('reconcileWithAutoMatch gives what autoMatch and then reconcileAdministration give', () => {
    fc.assert(
      fc.property(months, period, fc.boolean(), (events, p, earlier) => {
        const lines = build(events);
        const base = input(lines, { period: p });
        // Sometimes with matches stored before (half of a first auto-match), to replay with the new ones.
        const inp = earlier ? { ...base, storedMatches: autoMatch(base).filter((_, i) => i % 2 === 0) } : base;
        const auto = autoMatch(inp);
        const separate = reconcileAdministration({ ...inp, storedMatches: [...inp.storedMatches, ...auto] });
        const both = reconcileWithAutoMatch(inp);
        expect(both.autoMatches).toEqual(auto);
        expect(both.result).toEqual(separate);
      }),
      { numRuns: 100 },
    );
  });

  it('auto-matches do not depend on the order the lines come in', () => {
    fc.assert(
      fc.property(months, period, fc.integer(), (events, p, seed) => {
        const lines = build(events);
        // A deterministic shuffle, and the store's order (date, journal, entry, sequence).
        let x = seed | 1;
        const shuffled = [...lines]
          .map((l) => ({ l, r: (x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) ^ (x >>> 12)) }))
          .sort((a, b) => a.r - b.r)
          .map((e) => e.l);
        const stored = [...lines].sort((a, b) =>
          a.entryDate < b.entryDate ? -1 : a.entryDate > b.entryDate ? 1 : a.journalId < b.journalId ? -1 : a.journalId > b.journalId ? 1 : a.entryNo - b.entryNo || a.seqNo - b.seqNo,
        );
        const expected = autoMatch(input(stored, { period: p }));
        expect(autoMatch(input(shuffled, { period: p }))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
