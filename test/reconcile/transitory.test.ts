// The Spend Cloud rule set (profiles.md, transitory): lines grouped by VoucherNo; `expected` =
// minus the lines dated after the period; every voucher nets to zero over all dates, else its
// lines through the period are open (`not-fully-released`, with the remainder); orphans; flags.
import { describe, expect, it } from 'vitest';
import { reconcileAdministration } from '../../src/main/reconcile';
import type { AccountResult, AdministrationResult, Flag } from '../../src/shared/reconcile';
import { input } from './fixtures';
import { Invoices, SPENDCLOUD_CONFIG, TRANS } from './transitory-fixtures';

const MARCH = { year: 2025, month: 3 };
const run = (b: Invoices, period = MARCH) => reconcileAdministration(input(b.lines, { config: SPENDCLOUD_CONFIG, period, today: '2025-04-10' }));
const account = (r: AdministrationResult): AccountResult => r.accounts.find((x) => x.account === TRANS)!;
const flagsOf = (r: AdministrationResult, code: Flag['code']) => r.flags.filter((f) => f.code === code);
const sum = (ls: { amount: number }[]) => ls.reduce((s, l) => s + l.amount, 0);

describe('transitory account ties to the releases still to come', () => {
  it('expected = minus the lines after the period; a fully scheduled invoice clears', () => {
    const b = new Invoices();
    const inv = b.invoice('2025-01-15', 120_000, 12);
    const r = run(b);
    const a = account(r);
    const future = inv.releases.filter((l) => l.entryDate > '2025-03-31');
    expect(a.profile).toBe('spendcloud');
    expect(a.role).toBe('transitory');
    expect(a.expectedKind).toBe('unreleased');
    expect(a.expected).toBe(-sum(future));
    expect(a.closing).toBe(120_000 - 3 * 10_000);
    expect(a.difference).toBe(0);
    expect(a.clears).toBe(true);
    expect(a.openItems).toEqual([]);
    expect(a.openVouchers).toEqual([]);
    expect(a.voucherCount).toBe(1);
    expect(r.flags).toEqual([]);
  });

  it('counts only vouchers on the account at the period end; one released before the period is history', () => {
    const b = new Invoices();
    b.invoice('2024-10-10', 30_000, 3); // Oct–Dec 2024: released before March
    const live = b.invoice('2025-02-03', 60_000, 6);
    b.invoice('2025-04-02', 90_000, 3); // booked after March: not on the account yet
    const a = account(run(b));
    expect(a.voucherCount).toBe(1);
    expect(a.expected).toBe(-sum(live.releases.filter((l) => l.entryDate > '2025-03-31')));
    expect(a.clears).toBe(true);
  });

  it('a credit note (booking credits the account) ties the same way with the signs reversed', () => {
    const b = new Invoices();
    const inv = b.invoice('2025-02-10', -40_000, 4);
    const a = account(run(b));
    expect(a.closing).toBe(-20_000);
    expect(a.expected).toBe(-sum(inv.releases.slice(2)));
    expect(a.clears).toBe(true);
  });
});

describe('vouchers that do not net to zero are open and stop the account from clearing', () => {
  it('a release missing: the voucher\'s lines through the period are open with the remainder, and the gap is named', () => {
    const b = new Invoices();
    const ok = b.invoice('2025-01-15', 60_000, 6);
    const bad = b.booking('2025-01-20', 60_000);
    for (const i of [0, 1, 3, 4, 5]) b.release(bad.voucherNo, `2025-0${i + 1}-01`, 10_000); // no release in March
    const r = run(b);
    const a = account(r);
    expect(a.clears).toBe(false);
    expect(a.difference).toBe(10_000);
    expect(a.openVouchers!.map((v) => [v.voucherNo, v.status, v.remainder])).toEqual([[bad.voucherNo, 'not-fully-released', 10_000]]);
    expect(a.openItems.every((o) => o.reason === 'not-fully-released' && o.voucherNo === bad.voucherNo && o.remainder === 10_000)).toBe(true);
    expect(a.openItems.map((o) => o.line.entryDate)).toEqual(['2025-01-01', '2025-01-20', '2025-02-01']);
    const f = flagsOf(r, 'not-fully-released');
    expect(f).toHaveLength(1);
    expect(f[0]!.message.nl).toContain('geen vrijval in 03-2025');
    expect(f[0]!.message.en).toContain('remainder €100.00');
    expect(f[0]!.message.nl).toContain('vrijgevallen € 500,00');
    expect(flagsOf(r, 'does-not-clear')).toHaveLength(1);
    expect(ok.releases).toHaveLength(6);
  });

  it('a booking never released is open in full', () => {
    const b = new Invoices();
    const v = b.booking('2025-02-12', 24_000);
    const r = run(b);
    expect(account(r).openVouchers![0]).toMatchObject({ voucherNo: v.voucherNo, booked: 24_000, releasedThrough: 0, toRelease: 0, remainder: 24_000, releaseCount: 0 });
    expect(flagsOf(r, 'not-fully-released')[0]!.message.en).toContain('never released');
    expect(flagsOf(r, 'not-fully-released')[0]!.message.nl).toContain('is op 12-02-2025 geboekt'); // dd-mm-jjjj
  });

  it('a release booked twice: flagged with both entries, the copy named for reversal', () => {
    const b = new Invoices();
    const inv = b.invoice('2025-01-15', 30_000, 3);
    const copy = b.release(inv.voucherNo, '2025-02-01', 10_000);
    const r = run(b);
    const a = account(r);
    expect(a.openVouchers![0]!.remainder).toBe(-10_000);
    expect(a.difference).toBe(-10_000);
    const f = flagsOf(r, 'release-twice');
    expect(f).toHaveLength(1);
    expect(f[0]!.lines.sort()).toEqual([inv.releases[1]!.key, copy.key].sort());
    expect(f[0]!.message.en).toContain(`Reverse INK ${copy.entryNo}`);
    expect(f[0]!.message.nl).toContain('er valt € 100,00 te veel vrij');
    expect(flagsOf(r, 'not-fully-released')).toEqual([]);
  });

  it('a release whose voucher has no booking is an orphan', () => {
    const b = new Invoices();
    b.invoice('2025-01-15', 30_000, 3);
    const orphan = b.release('99999', '2025-03-01', 5_000);
    const r = run(b);
    const a = account(r);
    expect(a.clears).toBe(false);
    expect(a.openItems.map((o) => [o.line.key, o.reason, o.remainder])).toEqual([[orphan.key, 'release-without-booking', -5_000]]);
    expect(a.openVouchers![0]!.status).toBe('release-without-booking');
    expect(flagsOf(r, 'release-without-booking')[0]!.lines).toEqual([orphan.key]);
  });

  it('a remainder of a few cents is rounding: a correction is suggested, the account still does not clear', () => {
    const b = new Invoices();
    const inv = b.invoice('2025-01-15', 100_000, 3, { parts: [33_333, 33_333, 33_333] });
    const r = run(b);
    const a = account(r);
    expect(a.clears).toBe(false);
    expect(a.difference).toBe(1);
    const f = flagsOf(r, 'rounding-remainder');
    expect(f).toHaveLength(1);
    expect(f[0]!.message.nl).toContain('€ -0,01');
    expect(f[0]!.message.nl).toContain(`boekstuk ${inv.voucherNo} in periode 03-2025`);
    expect(flagsOf(r, 'not-fully-released')).toEqual([]);
  });

  it('a remainder above the rounding threshold is not rounding', () => {
    const b = new Invoices();
    b.invoice('2025-01-15', 100_000, 3, { parts: [33_000, 33_000, 33_000] });
    const r = run(b);
    expect(flagsOf(r, 'rounding-remainder')).toEqual([]);
    expect(flagsOf(r, 'not-fully-released')).toHaveLength(1);
  });
});

describe('other flags', () => {
  it('a release in a period before the invoice was booked is flagged, even when the voucher nets to zero', () => {
    const b = new Invoices();
    const v = b.booking('2025-02-20', 30_000);
    const early = b.release(v.voucherNo, '2025-01-01', 10_000);
    b.release(v.voucherNo, '2025-02-01', 10_000);
    b.release(v.voucherNo, '2025-03-01', 10_000);
    const r = run(b);
    expect(account(r).clears).toBe(true);
    const f = flagsOf(r, 'release-before-booking');
    expect(f.map((x) => x.lines)).toEqual([[early.key]]);
    expect(f[0]!.message.nl).toContain('01-2025');
  });

  it('a line from another journal on the transitory account is flagged', () => {
    const b = new Invoices();
    const inv = b.invoice('2025-01-15', 30_000, 3);
    const foreign = b.release(inv.voucherNo, '2025-03-15', 1_000, 'MEM');
    b.booking('2025-03-16', 1_000, inv.voucherNo, 'MEM');
    const r = run(b);
    const f = flagsOf(r, 'unexpected-journal');
    expect(f).toHaveLength(1);
    expect(f[0]!.lines).toContain(foreign.key);
    expect(account(r).clears).toBe(true);
  });

  it('the same lines at a later period: what was still to come is now released', () => {
    const b = new Invoices();
    b.invoice('2025-01-15', 120_000, 12);
    const june = account(run(b, { year: 2025, month: 6 }));
    expect(june.closing).toBe(60_000);
    expect(june.expected).toBe(60_000);
    expect(june.clears).toBe(true);
  });
});

describe('with the other profiles', () => {
  it('adds the transitory accounts after Moss and Nmbrs, fetches their lines after the period, and refuses one claimed twice', async () => {
    const { buildRuleSet, lookaheadAccountsOf, accountConflicts, syncAccountsOf } = await import('../../src/main/reconcile/profiles');
    const { PROFILE } = await import('./fixtures');
    const { NMBRS } = await import('./payroll-fixtures');
    const all = { unitId: 1, moss: PROFILE, nmbrs: NMBRS, spendcloud: { journal: 'INK', transitoryAccounts: [TRANS, '24303'] } };
    const rules = buildRuleSet(all, []);
    expect(rules.profiles).toEqual(['moss', 'nmbrs', 'spendcloud']);
    expect(rules.accounts.slice(-2).map((a) => [a.profile, a.role, a.account, a.expected])).toEqual([
      ['spendcloud', 'transitory', TRANS, 'unreleased'],
      ['spendcloud', 'transitory', '24303', 'unreleased'],
    ]);
    expect(lookaheadAccountsOf(all)).toEqual([TRANS, '24303']);
    expect(syncAccountsOf(all)).toEqual(expect.arrayContaining([TRANS, '24303', PROFILE.cashInTransitAccount]));
    expect(lookaheadAccountsOf({ unitId: 1, moss: PROFILE })).toEqual([]);
    expect(accountConflicts({ ...all, spendcloud: { journal: 'INK', transitoryAccounts: [NMBRS.netWagesAccount] } })).toEqual([
      { account: NMBRS.netWagesAccount, fields: ['nmbrs.netWagesAccount', 'spendcloud.transitoryAccounts[0]'] },
    ]);
  });
});
