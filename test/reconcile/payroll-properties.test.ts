// Invariants of the Nmbrs rule set over random payroll months (batches, single and split
// transfers, returns, runs posted twice, early/late/rounded tax payments): auto-matching is
// idempotent, every group sums to its stated difference, and open items + expected = closing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoMatch, reconcileAdministration } from '../../src/main/reconcile';
import type { MutationLine } from '../../src/shared/domain';
import { input } from './fixtures';
import { expectAutoMatchInvariants } from './invariants';
import { PAYROLL_CONFIG, Payroll, PENSION } from './payroll-fixtures';

const date = (month: number, day: number) => `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const shift = (d: string, days: number) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + days);
  return x.toISOString().slice(0, 10);
};

const runSpec = fc.record({
  day: fc.integer({ min: 18, max: 28 }),
  nets: fc.array(fc.oneof(fc.integer({ min: 100, max: 400_000 }), fc.constantFrom(150_000, 200_000)), { minLength: 1, maxLength: 6 }),
  tax: fc.integer({ min: 1, max: 500_000 }),
  pension: fc.option(fc.integer({ min: 1, max: 90_000 }), { nil: null }),
  pay: fc.constantFrom('batch', 'batch', 'each', 'split', 'none'),
  lag: fc.integer({ min: -8, max: 13 }),
  twice: fc.constantFrom(false, false, true),
  returned: fc.constantFrom('no', 'no', 'open', 'repaid'),
  taxDay: fc.integer({ min: 1, max: 50 }),
  taxJitter: fc.constantFrom(0, 0, 0, 60, -95, 150),
});

type RunSpec = typeof runSpec extends fc.Arbitrary<infer T> ? T : never;

function build(runs: RunSpec[], extra: number[]): MutationLine[] {
  const b = new Payroll();
  runs.forEach((s, i) => {
    const month = 2 + i;
    const d = date(month, s.day);
    const names = s.nets.map((_, k) => `w${k}`);
    const r = b.run(d, s.nets, { tax: s.tax, ...(s.pension ? { pension: s.pension } : {}), names });
    if (s.twice) b.run(d, s.nets, { tax: s.tax, ...(s.pension ? { pension: s.pension } : {}), names });
    const pay = shift(d, s.lag);
    if (s.pay === 'batch') b.batch(pay, r.total);
    else if (s.pay !== 'none') {
      s.nets.forEach((n, k) => {
        if (s.pay === 'split' && k === 0 && n > 1) {
          b.transfer(pay, Math.floor(n / 2), `W${k}`, `E${i}${k}a`);
          b.transfer(pay, n - Math.floor(n / 2), `W${k}`, `E${i}${k}b`);
        } else b.transfer(pay, n, `W${k}`, `E${i}${k}`);
      });
    }
    if (s.returned !== 'no' && s.pay !== 'none') {
      b.returned(shift(pay, 2), s.nets[0]!, 'W0');
      if (s.returned === 'repaid') b.transfer(shift(pay, 6), s.nets[0]!, 'W0', `R${i}`);
    }
    const last = date(month, new Date(Date.UTC(2025, month, 0)).getUTCDate());
    b.taxPayment(shift(last, s.taxDay), s.tax + s.taxJitter);
    if (s.pension) b.taxPayment(shift(last, s.taxDay), s.pension, '1111222233334444', PENSION);
  });
  for (const [k, a] of extra.entries()) b.transfer(date(3 + (k % 2), 5 + k), a, 'X', `X${k}`);
  return b.lines;
}

const months = fc.tuple(fc.array(runSpec, { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 300_000 }), { maxLength: 3 }));
const period = fc.constantFrom({ year: 2025, month: 3 }, { year: 2025, month: 4 }, { year: 2025, month: 5 });

describe('Nmbrs rule set invariants', () => {
  it('auto-match is idempotent, puts no line in two groups, and every group sums to zero on one account', () => {
    fc.assert(
      fc.property(months, period, ([runs, extra], p) => {
        const inp = input(build(runs, extra), { config: PAYROLL_CONFIG, period: p, today: '2025-07-15' });
        expectAutoMatchInvariants(inp);
      }),
      { numRuns: 150 },
    );
  });

  it('suggested and confirmed groups sum to their difference; open items + expected = closing', () => {
    fc.assert(
      fc.property(months, period, ([runs, extra], p) => {
        const inp = input(build(runs, extra), { config: PAYROLL_CONFIG, period: p, today: '2025-07-15' });
        const r = reconcileAdministration({ ...inp, storedMatches: autoMatch(inp) });
        const amount = new Map(inp.lines.map((l) => [l.key, l.amount]));
        for (const m of r.matches) expect(m.lines.reduce((s, k) => s + amount.get(k)!, 0)).toBe(m.difference);
        for (const a of r.accounts) {
          const open = a.openItems.filter((o) => o.reason === undefined).reduce((s, o) => s + o.line.amount, 0);
          const notYetDue = a.openItems.filter((o) => o.reason === 'not-yet-due').reduce((s, o) => s + o.line.amount, 0);
          expect(notYetDue).toBe(a.expected);
          expect(open + a.expected).toBe(a.closing);
          expect(a.difference).toBe(open);
          expect(a.clears).toBe(open === 0);
          if (a.expectedKind !== 'not-yet-due') expect(a.expected).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
