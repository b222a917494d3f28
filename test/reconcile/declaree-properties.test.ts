// Invariants of the Declaree rule set over random months of expense claims (reports paid by a
// transfer naming them or not, early or late, two at once, through payment orders debited 0…7 days
// later, returned, exported twice, on two creditors): auto-matching is idempotent, every group sums
// to zero on one account, open items + expected = closing, and only reports within the payment
// cycle are expected open.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoMatch, reconcileAdministration } from '../../src/main/reconcile';
import type { MutationLine } from '../../src/shared/domain';
import { input } from './fixtures';
import { expectAutoMatchInvariants } from './invariants';
import { Claims, DEC, DECLAREE_CONFIG, E1, E2, E3 } from './declaree-fixtures';

const shift = (d: string, days: number) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + days);
  return x.toISOString().slice(0, 10);
};
const CREDITORS = [E1, E2, E3];

const reportSpec = fc.record({
  creditor: fc.integer({ min: 0, max: 2 }),
  day: fc.integer({ min: 0, max: 110 }), // from 1 February
  amount: fc.oneof(fc.integer({ min: 1, max: 90_000 }), fc.constantFrom(5_000, 12_500)),
  pay: fc.constantFrom('named', 'named', 'plain', 'order', 'order', 'none', 'together'),
  lag: fc.integer({ min: -3, max: 50 }),
  bankLag: fc.integer({ min: 0, max: 7 }),
  twice: fc.constantFrom(false, false, false, true),
  wrongCreditor: fc.constantFrom(false, false, false, true),
  returned: fc.constantFrom('no', 'no', 'no', 'open', 'repaid'),
});
type ReportSpec = typeof reportSpec extends fc.Arbitrary<infer T> ? T : never;

function build(specs: ReportSpec[]): MutationLine[] {
  const b = new Claims();
  let pending: { creditor: string; amount: number; number: string; date: string } | null = null;
  specs.forEach((s, i) => {
    const date = shift('2025-02-01', s.day);
    const creditor = CREDITORS[s.creditor]!;
    const number = `R-${1000 + i}`;
    b.report(creditor, date, s.amount, number);
    if (s.twice) b.report(creditor, shift(date, 1), s.amount, number);
    if (s.wrongCreditor) b.report(CREDITORS[(s.creditor + 1) % 3]!, shift(date, -1), s.amount, number);
    const pay = shift(date, s.lag);
    if (s.pay === 'named' || s.pay === 'plain') {
      b.transfer(creditor, pay, s.amount, s.pay === 'named' ? `Declaratie ${number}` : 'Onkosten');
      if (s.returned !== 'no') {
        b.returned(creditor, shift(pay, 3), s.amount, `Declaratie ${number}`);
        if (s.returned === 'repaid') b.transfer(creditor, shift(pay, 9), s.amount, `Declaratie ${number} opnieuw`);
      }
    } else if (s.pay === 'order') {
      const o = b.order(pay, [{ creditor, amount: s.amount, number }, ...(pending && pending.date <= pay ? [pending] : [])]);
      if (pending && pending.date <= pay) pending = null;
      b.orderDebit(shift(pay, s.bankLag), o.total, `BTO-${i}`, o.lines.length);
    } else if (s.pay === 'together') {
      if (pending && pending.creditor === creditor) {
        b.transfer(creditor, pay, pending.amount + s.amount, `Declaraties ${pending.number}, ${number}`);
        pending = null;
      } else pending = { creditor, amount: s.amount, number, date };
    }
  });
  return b.lines;
}

const claims = fc.array(reportSpec, { minLength: 1, maxLength: 10 });
const period = fc.constantFrom({ year: 2025, month: 3 }, { year: 2025, month: 4 }, { year: 2025, month: 5 });

describe('Declaree rule set invariants', () => {
  it('auto-match is idempotent, puts no line in two groups, and every group sums to zero on one account', () => {
    fc.assert(
      fc.property(claims, period, (specs, p) => {
        const inp = input(build(specs), { config: DECLAREE_CONFIG, period: p, today: '2025-07-15' });
        expectAutoMatchInvariants(inp);
      }),
      { numRuns: 120 },
    );
  });

  it('groups sum to their difference; open items + expected = closing; only young reports are expected', () => {
    fc.assert(
      fc.property(claims, period, (specs, p) => {
        const inp = input(build(specs), { config: DECLAREE_CONFIG, period: p, today: '2025-07-15' });
        const r = reconcileAdministration({ ...inp, storedMatches: autoMatch(inp) });
        const amount = new Map(inp.lines.map((l) => [l.key, l.amount]));
        const end = new Date(Date.UTC(p.year, p.month, 0)).toISOString().slice(0, 10);
        for (const m of r.matches) expect(m.lines.reduce((s, k) => s + amount.get(k)!, 0)).toBe(m.difference);
        for (const a of r.accounts) {
          const open = a.openItems.filter((o) => o.reason === undefined).reduce((s, o) => s + o.line.amount, 0);
          const due = a.openItems.filter((o) => o.reason === 'not-yet-due');
          expect(due.reduce((s, o) => s + o.line.amount, 0)).toBe(a.expected);
          expect(open + a.expected).toBe(a.closing);
          expect(a.clears).toBe(open === 0);
          for (const o of due) {
            expect(o.line.journalId).toBe(DEC);
            expect(o.line.entryDate > shift(end, -14)).toBe(true);
          }
          if (a.role === 'paymentsInTransit') expect(a.expected).toBe(0);
        }
      }),
      { numRuns: 120 },
    );
  });
});
