// The Nmbrs rule set, pass by pass and flag by flag (profiles.md): net wages clear against salary
// batches (N:1 per run entry), single transfers (1:1) and split transfers (1:N) within −5…+10
// days; payroll tax and pension clear to the period's own credits, paid in one debit per period
// within 45 days after it; returns, runs posted twice, payments without a run or period, foreign
// journals and rounding differences are flagged.
import { describe, expect, it } from 'vitest';
import { autoMatch, reconcileAdministration, reconcileWithAutoMatch } from '../../src/main/reconcile';
import type { AccountResult, AdministrationResult, Flag } from '../../src/shared/reconcile';
import { input } from './fixtures';
import { NET, PAYROLL_CONFIG, Payroll, PENSION, TAX } from './payroll-fixtures';

const MARCH = { year: 2025, month: 3 };
const APRIL = { year: 2025, month: 4 };
const run = (b: Payroll, period = MARCH, today = '2025-05-20') => reconcileWithAutoMatch({ ...input(b.lines, { config: PAYROLL_CONFIG, period, today }) });
const account = (r: AdministrationResult, a: string): AccountResult => r.accounts.find((x) => x.account === a)!;
const flagsOf = (r: AdministrationResult, code: Flag['code'], a?: string) => r.flags.filter((f) => f.code === code && (a === undefined || f.account === a));

describe('net wages (must clear to zero)', () => {
  it('matches all net-wage lines of one run entry with one salary batch of their total (N:1)', () => {
    const b = new Payroll();
    const r1 = b.run('2025-03-25', [250_012, 310_045, 199_999]);
    const batch = b.batch('2025-03-24', r1.total);
    const { autoMatches, result } = run(b);
    const m = autoMatches.find((x) => x.account === NET)!;
    expect(m.method).toBe('payroll-batch');
    expect(m.lines.map((l) => l.key).sort()).toEqual([...r1.net.map((l) => l.key), batch.key].sort());
    expect(account(result, NET).clears).toBe(true);
    expect(account(result, NET).profile).toBe('nmbrs');
    expect(flagsOf(result, 'split-or-merged')).toEqual([]);
  });

  it('pays within −5…+10 days of the run: 5 before and 10 after match, 6 before or 11 after do not', () => {
    for (const [pay, matched] of [['2025-03-20', true], ['2025-03-19', false], ['2025-04-04', true], ['2025-04-05', false]] as const) {
      const b = new Payroll();
      const r1 = b.run('2025-03-25', [100_000, 200_000]);
      b.batch(pay, r1.total);
      expect(autoMatch(input(b.lines, { config: PAYROLL_CONFIG, period: APRIL })).length, pay).toBe(matched ? 1 : 0);
    }
  });

  it('pairs a single run line with its transfer (1:1), and one line paid in two transfers (1:N)', () => {
    const b = new Payroll();
    const r1 = b.run('2025-03-25', [312_345, 287_650, 250_000]);
    const t1 = b.transfer('2025-03-25', 312_345, 'A. DE VRIES', 'SAL-1001');
    const t2 = b.transfer('2025-03-25', 287_650, 'B. BAKKER', 'SAL-1002');
    const part1 = b.transfer('2025-03-26', 200_000, 'C. SMIT', 'SAL-1003-1');
    const part2 = b.transfer('2025-03-26', 50_000, 'C. SMIT', 'SAL-1003-2');
    const { autoMatches, result } = run(b);
    const byMethod = (m: string) => autoMatches.filter((x) => x.method === m).map((x) => x.lines.map((l) => l.key).sort());
    expect(byMethod('payroll-exact')).toEqual(expect.arrayContaining([[r1.net[0]!.key, t1.key].sort(), [r1.net[1]!.key, t2.key].sort()]));
    expect(byMethod('payroll-split')).toEqual([[r1.net[2]!.key, part1.key, part2.key].sort()]);
    expect(account(result, NET).clears).toBe(true);
  });

  it('two runs of the same total against one batch are ambiguous: a suggestion, never automatic', () => {
    const b = new Payroll();
    b.run('2025-03-25', [100_000, 50_000], { names: ['x', 'y'] });
    b.run('2025-03-26', [75_000, 75_000], { names: ['p', 'q'] });
    b.batch('2025-03-26', 150_000);
    const { autoMatches, result } = run(b);
    expect(autoMatches).toEqual([]);
    expect(result.matches.filter((m) => m.status === 'suggested' && m.method === 'payroll-batch')).toHaveLength(1);
  });

  it('a run posted twice: the first pairs with the batch, the copy stays open, one duplicate flag names both', () => {
    const b = new Payroll();
    const first = b.run('2025-03-25', [250_000, 125_000], { tax: 90_000 });
    const copy = b.run('2025-03-25', [250_000, 125_000], { tax: 90_000 });
    const batch = b.batch('2025-03-25', first.total);
    const { autoMatches, result } = run(b);
    expect(autoMatches.find((m) => m.account === NET)!.lines.map((l) => l.key).sort()).toEqual([...first.net.map((l) => l.key), batch.key].sort());
    expect(account(result, NET).openItems.map((o) => o.line.key).sort()).toEqual(copy.net.map((l) => l.key).sort());
    const dup = flagsOf(result, 'duplicate');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.account).toBe(NET);
    expect(dup[0]!.lines.sort()).toEqual([...first.net, ...copy.net].map((l) => l.key).sort());
    expect(dup[0]!.message.en).toContain('Payroll run posted twice');
    expect(dup[0]!.message.en).toContain(`LON ${copy.entryNo}`);
    // The copy is to be reversed, not waited for; its tax line is open as the duplicate it is.
    expect(flagsOf(result, 'missing-counterpart', NET)).toEqual([]);
    expect(account(result, TAX).openItems.find((o) => o.line.key === copy.tax!.key)!.flags).toContain('duplicate');
    // A month later the copy is still open and still flagged as the duplicate it is.
    const later = run(b, APRIL, '2025-05-20').result;
    expect(flagsOf(later, 'duplicate')).toHaveLength(1);
    expect(account(later, NET).openItems.map((o) => o.line.key).sort()).toEqual(copy.net.map((l) => l.key).sort());
  });

  it('a returned transfer (/RTRN/) reopens the net wage until the employee is paid again', () => {
    const b = new Payroll();
    const r1 = b.run('2025-03-25', [250_000, 180_055]);
    b.batch('2025-03-25', r1.total);
    const back = b.returned('2025-03-27', 180_055, 'K. DEKKER', 'AC04');
    const { result } = run(b);
    expect(account(result, NET).openItems.map((o) => o.line.key)).toEqual([back.key]);
    expect(account(result, NET).clears).toBe(false);
    const f = flagsOf(result, 'returned-payment', NET);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message.en).toContain('K. DEKKER');
    expect(f[0]!.message.en).toContain('account closed');
    expect(f[0]!.message.en).toContain('open again on 1610 until it is paid again');
    expect(flagsOf(result, 'missing-counterpart', NET)).toEqual([]);

    const again = b.transfer('2025-03-31', 180_055, 'K. DEKKER', 'SAL-AGAIN');
    const paid = run(b);
    expect(paid.autoMatches.some((m) => m.lines.map((l) => l.key).sort().join() === [back.key, again.key].sort().join())).toBe(true);
    expect(account(paid.result, NET).clears).toBe(true);
    expect(flagsOf(paid.result, 'returned-payment', NET)[0]!.severity).toBe('info');
  });

  it('a salary payment without a run is missing its counterpart', () => {
    const b = new Payroll();
    const advance = b.transfer('2025-03-12', 75_000, 'V. OORSCHOT', 'VOORSCHOT');
    const { result } = run(b);
    const f = flagsOf(result, 'missing-counterpart', NET);
    expect(f).toHaveLength(1);
    expect(f[0]!.lines).toEqual([advance.key]);
    expect(f[0]!.message.en).toContain('1 salary payment on 1610 without a payroll run line');
  });
});

describe('payroll tax and pension (clear to the liability not yet due)', () => {
  it('pairs all credits of a period with one payment after it (N:1), and expects the current period open', () => {
    const b = new Payroll();
    const march = b.run('2025-03-25', [200_000], { tax: 123_456 });
    const correction = b.run('2025-03-28', [10_000], { tax: 4_321 });
    const april = b.run('2025-04-25', [200_000], { tax: 120_000 });
    const pay = b.taxPayment('2025-04-18', 127_777);
    const { autoMatches, result } = run(b, APRIL, '2025-05-02');
    const m = autoMatches.find((x) => x.account === TAX)!;
    expect(m.method).toBe('period-total');
    expect(m.lines.map((l) => l.key).sort()).toEqual([march.tax!.key, correction.tax!.key, pay.key].sort());
    const tax = account(result, TAX);
    expect(tax.expectedKind).toBe('not-yet-due');
    expect(tax.expected).toBe(-120_000);
    expect(tax.closing).toBe(-120_000);
    expect(tax.difference).toBe(0);
    expect(tax.clears).toBe(true);
    expect(tax.openItems.map((o) => [o.line.key, o.reason])).toEqual([[april.tax!.key, 'not-yet-due']]);
    // Expected to be open: neither missing its payment nor "open too long".
    expect(result.flags.filter((f) => f.account === TAX)).toEqual([]);
  });

  it('a payment more than 45 days after the period does not pair; before it, older credits stop the account clearing', () => {
    const b = new Payroll();
    b.run('2025-02-25', [200_000], { tax: 50_000 });
    b.taxPayment('2025-04-15', 50_000); // 46 days after 28-02
    expect(run(b, APRIL).autoMatches.filter((m) => m.account === TAX)).toEqual([]);
    const { result } = run(b, MARCH, '2025-04-20');
    const tax = account(result, TAX);
    expect(tax.expected).toBe(0);
    expect(tax.clears).toBe(false);
    expect(tax.openItems.map((o) => o.reason)).toEqual([undefined]);
    expect(flagsOf(result, 'does-not-clear', TAX)[0]!.message.en).toContain('not yet due');
    expect(flagsOf(result, 'missing-counterpart', TAX)).toHaveLength(1);
  });

  it('a payment within € 1,00 of the period total is a suggestion with the difference, never automatic', () => {
    const b = new Payroll();
    const march = b.run('2025-03-25', [200_000], { tax: 2_345_678 });
    const pay = b.taxPayment('2025-04-20', 2_345_600);
    const { autoMatches, result } = run(b, APRIL);
    expect(autoMatches.filter((m) => m.account === TAX)).toEqual([]);
    const s = result.matches.find((m) => m.account === TAX && m.status === 'suggested')!;
    expect(s.method).toBe('period-difference');
    expect(s.difference).toBe(-78);
    expect(s.lines.sort()).toEqual([march.tax!.key, pay.key].sort());
    const f = flagsOf(result, 'amount-mismatch', TAX);
    expect(f).toHaveLength(1);
    expect(f[0]!.message.nl).toContain('verschillen € -0,78');
    expect(account(result, TAX).clears).toBe(false);
    expect(account(result, TAX).difference).toBe(-78);
  });

  it('more than € 1,00 off is no suggestion at all', () => {
    const b = new Payroll();
    b.run('2025-03-25', [200_000], { tax: 2_345_678 });
    b.taxPayment('2025-04-20', 2_345_577);
    expect(run(b, APRIL).result.matches.filter((m) => m.account === TAX)).toEqual([]);
  });

  it('a payment for a period without credits is flagged as such (not as missing its counterpart)', () => {
    const b = new Payroll();
    b.run('2025-04-25', [200_000], { pension: 30_000 });
    const early = b.taxPayment('2025-04-11', 28_000, '9999888877776666', PENSION);
    const { result } = run(b, APRIL, '2025-06-30');
    const f = flagsOf(result, 'payment-without-credits', PENSION);
    expect(f).toHaveLength(1);
    expect(f[0]!.lines).toEqual([early.key]);
    expect(f[0]!.message.en).toContain('02-2025 or 03-2025');
    expect(flagsOf(result, 'missing-counterpart', PENSION)).toEqual([]);
    expect(account(result, PENSION).expected).toBe(-30_000);
    expect(account(result, PENSION).difference).toBe(28_000);
  });

  it('the copy of a run posted twice is not part of the period total or of what is expected', () => {
    const b = new Payroll();
    const first = b.run('2025-03-25', [200_000], { tax: 90_000 });
    const copy = b.run('2025-03-25', [200_000], { tax: 90_000 });
    const inMarch = reconcileAdministration(input(b.lines, { config: PAYROLL_CONFIG, period: MARCH }));
    expect(account(inMarch, TAX).expected).toBe(-90_000);
    expect(account(inMarch, TAX).openItems.find((o) => o.line.key === copy.tax!.key)!.reason).toBeUndefined();
    const pay = b.taxPayment('2025-04-20', 90_000);
    const { autoMatches } = run(b, APRIL);
    expect(autoMatches.find((m) => m.account === TAX)!.lines.map((l) => l.key).sort()).toEqual([first.tax!.key, pay.key].sort());
  });

  it('a line from another journal is flagged and stops the account clearing', () => {
    const b = new Payroll();
    b.run('2025-03-25', [200_000], { tax: 50_000 });
    b.bank('1100', '2025-03-01', 1, 'feed'); // the bank feed journal is known from the bank account
    const mem = b.memorial(TAX, '2025-03-31', 15_000);
    const { result } = run(b);
    const f = flagsOf(result, 'unexpected-journal', TAX);
    expect(f).toHaveLength(1);
    expect(f[0]!.lines).toEqual([mem.key]);
    expect(account(result, TAX).clears).toBe(false);
    expect(account(result, TAX).difference).toBe(15_000);
  });
});
