// The Declaree rule set, pass by pass and flag by flag (profiles.md): employee creditors clear
// against reimbursements (report number in the payment text + exact amount first, then creditor +
// amount within 0…45 days, several reports in one transfer N:1), reports within the payment cycle
// are expected open (not-yet-due); payments in transit clear per payment order against the bank's
// one debit within 0…5 days; returns reopen, numbers twice, payments without a report, overdue
// reports and foreign journals are flagged.
import { describe, expect, it } from 'vitest';
import { autoMatch, reconcileWithAutoMatch } from '../../src/main/reconcile';
import { buildRuleSet } from '../../src/main/reconcile/profiles';
import type { AccountResult, AdministrationResult, Flag } from '../../src/shared/reconcile';
import { input } from './fixtures';
import { Claims, DECLAREE, DECLAREE_CONFIG, E1, E2, E3, PIT } from './declaree-fixtures';

const MARCH = { year: 2025, month: 3 };
const run = (b: Claims, o: { period?: typeof MARCH; today?: string; config?: typeof DECLAREE_CONFIG } = {}) =>
  reconcileWithAutoMatch({ ...input(b.lines, { config: o.config ?? DECLAREE_CONFIG, period: o.period ?? MARCH, today: o.today ?? '2025-05-20' }) });
const account = (r: AdministrationResult, a: string): AccountResult => r.accounts.find((x) => x.account === a)!;
const flagsOf = (r: AdministrationResult, code: Flag['code'], a?: string) => r.flags.filter((f) => f.code === code && (a === undefined || f.account === a));
const keys = (ls: { key: string }[]) => ls.map((l) => l.key).sort();

describe('employee creditors', () => {
  it('are the creditors credited from the Declaree journal, or the configured ones', () => {
    const b = new Claims();
    b.report(E1, '2025-03-03', 12_345, 'R-1001');
    b.report(E2, '2025-03-04', 5_000, 'R-1002');
    b.memorial(E3, '2025-03-05', -700); // a credit, but not from Declaree
    const found = buildRuleSet(DECLAREE_CONFIG, b.lines).accounts.filter((a) => a.role === 'employeeCreditor').map((a) => a.account);
    expect(found).toEqual([E1, E2]);
    const configured = buildRuleSet({ ...DECLAREE_CONFIG, declaree: { ...DECLAREE, employeeCreditors: [E3] } }, b.lines).accounts.filter((a) => a.role === 'employeeCreditor');
    expect(configured.map((a) => a.account)).toEqual([E3]);
  });
});

describe('reimbursement on the creditor', () => {
  it('pairs on the report number in the payment text with the exact amount, before the amount alone', () => {
    const b = new Claims();
    const first = b.report(E1, '2025-03-03', 8_000, 'R-2001');
    const second = b.report(E1, '2025-03-04', 8_000, 'R-2002');
    const pay = b.transfer(E1, '2025-03-10', 8_000, 'Declaratie R-2002');
    const { autoMatches, result } = run(b);
    const m = autoMatches.filter((x) => x.account === E1);
    expect(m).toHaveLength(1);
    expect(m[0]!.method).toBe('report-number');
    expect(keys(m[0]!.lines)).toEqual(keys([second, pay]));
    expect(account(result, E1).openItems.map((o) => o.line.key)).toEqual([first.key]);
  });

  it('a number in the text with another amount is no reference match', () => {
    const b = new Claims();
    b.report(E1, '2025-03-03', 8_000, 'R-2001');
    b.transfer(E1, '2025-03-10', 7_999, 'Declaratie R-2001');
    expect(autoMatch(input(b.lines, { config: DECLAREE_CONFIG, period: MARCH })).filter((m) => m.method === 'report-number')).toEqual([]);
  });

  it('without a number pairs creditor + amount paid 0…45 days after the report, not before, not later', () => {
    for (const [pay, matched] of [['2025-03-03', true], ['2025-04-17', true], ['2025-04-18', false], ['2025-03-02', false]] as const) {
      const b = new Claims();
      b.report(E1, '2025-03-03', 4_321, 'R-3001');
      b.transfer(E1, pay, 4_321, 'Onkostenvergoeding');
      const m = autoMatch(input(b.lines, { config: DECLAREE_CONFIG, period: { year: 2025, month: 4 } }));
      expect(m.filter((x) => x.method === 'report-amount').length, pay).toBe(matched ? 1 : 0);
    }
  });

  it('one transfer naming several reports pays them together (N:1), and without names by subset-sum', () => {
    const b = new Claims();
    const r1 = b.report(E1, '2025-03-03', 1_250, 'R-4001');
    const r2 = b.report(E1, '2025-03-05', 3_475, 'R-4002');
    const named = b.transfer(E1, '2025-03-12', 4_725, 'Declaraties R-4001, R-4002');
    const r3 = b.report(E2, '2025-03-03', 2_000, 'R-4003');
    const r4 = b.report(E2, '2025-03-04', 6_010, 'R-4004');
    const plain = b.transfer(E2, '2025-03-14', 8_010, 'Onkosten maart');
    const { autoMatches, result } = run(b);
    const of = (a: string) => autoMatches.find((x) => x.account === a)!;
    expect(of(E1).method).toBe('report-number');
    expect(keys(of(E1).lines)).toEqual(keys([r1, r2, named]));
    expect(of(E2).method).toBe('report-combined');
    expect(keys(of(E2).lines)).toEqual(keys([r3, r4, plain]));
    expect(account(result, E1).clears && account(result, E2).clears).toBe(true);
  });
});

describe('payment cycle (not-yet-due)', () => {
  it('reports younger than paymentCycleDays at period end are expected open; older ones stop the creditor', () => {
    const b = new Claims();
    const young = b.report(E1, '2025-03-18', 2_500, 'R-5001'); // 13 days before 31 March
    const old = b.report(E2, '2025-03-17', 3_500, 'R-5002'); // 14 days
    const { result } = run(b, { today: '2025-04-02' });
    const c1 = account(result, E1);
    expect(c1.expected).toBe(young.amount);
    expect(c1.clears).toBe(true);
    expect(c1.dueWithinDays).toBe(14);
    expect(c1.openItems[0]!.reason).toBe('not-yet-due');
    const c2 = account(result, E2);
    expect(c2.expected).toBe(0);
    expect(c2.clears).toBe(false);
    expect(c2.difference).toBe(old.amount);
    // Unpaid past its cycle: flagged as a report without reimbursement.
    const missing = flagsOf(result, 'missing-counterpart', E2);
    expect(missing).toHaveLength(1);
    expect(missing[0]!.lines).toEqual([old.key]);
    expect(missing[0]!.message.en).toContain('expense report');
    expect(flagsOf(result, 'missing-counterpart', E1)).toEqual([]);
    // It does not tie out: the flag names the report that stops it (so "Toon" shows it), in counted words.
    const tie = flagsOf(result, 'does-not-clear', E2);
    expect(tie).toHaveLength(1);
    expect(tie[0]!.lines).toEqual([old.key]);
    expect(tie[0]!.message.nl).toContain('declaraties jonger dan 14 dagen');
    expect(tie[0]!.message.nl).toContain('; 1 andere open post (');
    expect(tie[0]!.message.en).toContain('; 1 other open item (');
    expect(tie[0]!.message.nl).not.toMatch(/\((en|s)\)|samen/);
  });

  it('follows a configured paymentCycleDays', () => {
    const b = new Claims();
    b.report(E1, '2025-03-12', 2_500, 'R-5003'); // 19 days before 31 March
    const config = { ...DECLAREE_CONFIG, declaree: { ...DECLAREE, paymentCycleDays: 20 } };
    expect(account(run(b, { config }).result, E1).clears).toBe(true);
    expect(account(run(b).result, E1).clears).toBe(false);
  });
});

describe('payment orders through payments in transit', () => {
  it('pays each creditor by the order line and clears the order against the bank debit 0…5 days later', () => {
    const b = new Claims();
    const r1 = b.report(E1, '2025-03-03', 4_000, 'R-6001');
    const r2 = b.report(E2, '2025-03-04', 6_500, 'R-6002');
    const r3 = b.report(E2, '2025-03-05', 1_500, 'R-6003');
    const o = b.order('2025-03-10', [
      { creditor: E1, amount: 4_000, number: 'R-6001' },
      { creditor: E2, amount: 6_500, number: 'R-6002' },
      { creditor: E2, amount: 1_500, number: 'R-6003' },
    ]);
    const debit = b.orderDebit('2025-03-15', o.total, 'BTO-1', 3);
    const { autoMatches, result } = run(b);
    const transit = autoMatches.filter((m) => m.account === PIT);
    expect(transit).toHaveLength(1);
    expect(transit[0]!.method).toBe('payment-order');
    expect(keys(transit[0]!.lines)).toEqual(keys([...o.lines.map((l) => l.transit), debit]));
    expect(autoMatches.filter((m) => m.account === E2).map((m) => keys(m.lines))).toEqual(
      expect.arrayContaining([keys([r2, o.lines[1]!.creditor]), keys([r3, o.lines[2]!.creditor])]),
    );
    expect(keys(autoMatches.find((m) => m.account === E1)!.lines)).toEqual(keys([r1, o.lines[0]!.creditor]));
    for (const a of [PIT, E1, E2]) expect(account(result, a).clears, a).toBe(true);
    expect(account(result, PIT).role).toBe('paymentsInTransit');
  });

  it('a bank debit 6 days after the order is not matched', () => {
    const b = new Claims();
    const o = b.order('2025-03-10', [{ creditor: E1, amount: 4_000, number: 'R-6101' }, { creditor: E2, amount: 500, number: 'R-6102' }]);
    b.orderDebit('2025-03-16', o.total, 'BTO-2', 2);
    expect(autoMatch(input(b.lines, { config: DECLAREE_CONFIG, period: MARCH })).filter((m) => m.account === PIT)).toEqual([]);
  });
});

describe('flags', () => {
  it('a returned transfer reopens the report until it is paid again', () => {
    const b = new Claims();
    const r = b.report(E1, '2025-03-03', 9_900, 'R-7001');
    b.transfer(E1, '2025-03-07', 9_900, 'Declaratie R-7001');
    const ret = b.returned(E1, '2025-03-11', 9_900, 'Declaratie R-7001');
    const open = run(b).result;
    expect(account(open, E1).clears).toBe(false);
    expect(account(open, E1).openItems.map((o) => o.line.key)).toEqual([ret.key]);
    const f = flagsOf(open, 'returned-payment', E1);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message.nl).toContain('teruggestort');
    const again = b.transfer(E1, '2025-03-20', 9_900, 'Declaratie R-7001 opnieuw');
    const paid = run(b).result;
    expect(account(paid, E1).clears).toBe(true);
    expect(flagsOf(paid, 'returned-payment', E1)[0]!.severity).toBe('info');
    expect(paid.matches.some((m) => m.lines.includes(again.key) && m.lines.includes(ret.key))).toBe(true);
    expect(r.invoiceId).toBe('R-7001');
  });

  it('a report exported twice on one creditor: the first is paid, the copy stays open and is flagged', () => {
    const b = new Claims();
    const first = b.report(E1, '2025-03-03', 2_222, 'R-8001');
    const copy = b.report(E1, '2025-03-04', 2_222, 'R-8001');
    const pay = b.transfer(E1, '2025-03-10', 2_222, 'Declaratie R-8001');
    const { autoMatches, result } = run(b);
    expect(keys(autoMatches.find((m) => m.account === E1)!.lines)).toEqual(keys([first, pay]));
    const c = account(result, E1);
    expect(c.openItems.map((o) => o.line.key)).toEqual([copy.key]);
    expect(c.openItems[0]!.flags).toContain('duplicate');
    expect(c.expected).toBe(0); // a copy is no liability
    const dup = flagsOf(result, 'duplicate', E1);
    expect(dup).toHaveLength(1);
    expect(dup[0]!.lines.sort()).toEqual(keys([first, copy]));
  });

  it('one report number on two creditors is flagged once, naming both', () => {
    const b = new Claims();
    const wrong = b.report(E1, '2025-03-03', 3_300, 'R-8101');
    const right = b.report(E2, '2025-03-05', 3_300, 'R-8101');
    const { result } = run(b);
    const dup = flagsOf(result, 'duplicate');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.lines.sort()).toEqual(keys([wrong, right]));
    expect(dup[0]!.message.en).toContain(E1);
    expect(dup[0]!.message.en).toContain(E2);
  });

  it('a payment without a report and a line from another journal are flagged', () => {
    const b = new Claims();
    const lone = b.transfer(E1, '2025-03-05', 15_000, 'Voorschot');
    const mem = b.memorial(E1, '2025-03-28', -1_000);
    // E1 has no Declaree credit, so it is an employee creditor only when configured.
    const { result } = run(b, { config: { ...DECLAREE_CONFIG, declaree: { ...DECLAREE, employeeCreditors: [E1] } } });
    const missing = flagsOf(result, 'missing-counterpart', E1);
    expect(missing.flatMap((f) => f.lines)).toContain(lone.key);
    expect(missing.find((f) => f.lines.includes(lone.key))!.message.en).toContain('reimbursement');
    const foreign = flagsOf(result, 'unexpected-journal', E1);
    expect(foreign).toHaveLength(1);
    expect(foreign[0]!.lines).toEqual([mem.key]);
  });
});
