// Invariants of the transitory rule set over random invoice schedules (2–12 months, releases
// missing, doubled, early, rounded, orphans, credit notes), checked against a direct computation
// from the lines: expected = minus the lines after the period of the vouchers on the account then;
// difference = the sum of the open vouchers' remainders; clears exactly when none is open.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcileAdministration } from '../../src/main/reconcile';
import { input } from './fixtures';
import { Invoices, monthStart, SPENDCLOUD_CONFIG, TRANS } from './transitory-fixtures';

const spec = fc.record({
  month: fc.integer({ min: 0, max: 8 }),
  day: fc.integer({ min: 1, max: 28 }),
  total: fc.integer({ min: -500_000, max: 2_000_000 }).filter((n) => n !== 0),
  months: fc.integer({ min: 2, max: 12 }),
  fault: fc.constantFrom('none', 'none', 'none', 'missing', 'twice', 'early', 'cents', 'orphan', 'never'),
});

describe('transitory properties', () => {
  it('expected, difference, open vouchers and open items follow from the lines', () => {
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 14 }), (invoices, at) => {
        const b = new Invoices();
        invoices.forEach((s, i) => {
          const date = `${monthStart('2025-01-01', s.month).slice(0, 8)}${String(s.day).padStart(2, '0')}`;
          const no = `V${i}`;
          if (s.fault === 'orphan') return void b.release(no, date, Math.abs(s.total));
          const inv = b.invoice(date, s.total, s.months, { voucherNo: no, ...(s.fault === 'cents' ? { parts: Array.from({ length: s.months }, () => Math.trunc(s.total / s.months)) } : {}) });
          if (s.fault === 'missing') b.lines.splice(b.lines.indexOf(inv.releases[1]!), 1);
          if (s.fault === 'twice') b.release(no, inv.releases[0]!.entryDate, -inv.releases[0]!.amount);
          if (s.fault === 'early') {
            b.release(no, monthStart(date, -1), 100);
            b.release(no, date, -100);
          }
          if (s.fault === 'never') for (const r of inv.releases) b.lines.splice(b.lines.indexOf(r), 1);
        });
        const period = { year: 2025 + Math.floor(at / 12), month: (at % 12) + 1 };
        const end = `${monthStart('2025-01-01', at + 1)}`;
        const r = reconcileAdministration(input(b.lines, { config: SPENDCLOUD_CONFIG, period, today: '2027-01-01' }));
        const a = r.accounts.find((x) => x.account === TRANS)!;

        // Directly from the lines.
        const own = b.lines.filter((l) => l.accountNo === TRANS && l.amount !== 0); // a zero line moves nothing
        const by = new Map<string, typeof own>();
        for (const l of own) by.set(l.voucherNo!, [...(by.get(l.voucherNo!) ?? []), l]);
        let expected = 0;
        let closing = 0;
        for (const [, ls] of by) {
          const through = ls.filter((l) => l.entryDate < end);
          closing += through.reduce((s, l) => s + l.amount, 0);
          if (through.length === 0) continue; // not on the account yet
          expected -= ls.filter((l) => l.entryDate >= end).reduce((s, l) => s + l.amount, 0);
        }
        expect(a.closing).toBe(closing);
        expect(a.expected).toBe(expected);
        const remainders = a.openVouchers!.reduce((s, v) => s + v.remainder, 0);
        expect(a.difference).toBe(remainders);
        expect(a.clears).toBe(a.openVouchers!.length === 0);
        // Open items are exactly the open vouchers' lines through the period.
        const openNos = new Set(a.openVouchers!.map((v) => v.voucherNo));
        expect(a.openItems.map((o) => o.line.key).sort()).toEqual(own.filter((l) => openNos.has(l.voucherNo!) && l.entryDate < end).map((l) => l.key).sort());
        // Every voucher that does not net to zero and is on the account is open.
        for (const [no, ls] of by) {
          const onAccount = ls.some((l) => l.entryDate < end);
          if (onAccount && ls.reduce((s, l) => s + l.amount, 0) !== 0) expect(openNos.has(no), no).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
