// One administration, several profiles: the rule set is every profile's rules together (Moss
// first), the sync fetches every profile's accounts once, the old Moss-only shape stays valid,
// and a clearing account claimed twice is refused.
import { describe, expect, it } from 'vitest';
import { accountConflicts, buildRuleSet, reconcileWithAutoMatch, syncAccountsOf } from '../../src/main/reconcile';
import type { AdministrationConfig } from '../../src/shared/domain';
import { isAppFailure } from '../../src/shared/errors';
import { CIT, CONFIG, input, PROFILE } from './fixtures';
import { NET, NMBRS, Payroll, TAX } from './payroll-fixtures';

const BOTH: AdministrationConfig = { unitId: 1, moss: PROFILE, nmbrs: { ...NMBRS, bankAccounts: ['1100'] } };

describe('an administration with several profiles', () => {
  it('combines the rule sets: Moss first, then Nmbrs, each account with its profile and role', () => {
    const rules = buildRuleSet(BOTH, []);
    expect(rules.profiles).toEqual(['moss', 'nmbrs']);
    expect(rules.accounts.map((a) => [a.profile, a.role, a.account])).toEqual([
      ['moss', 'mossBalance', PROFILE.balanceAccount],
      ['moss', 'cashInTransit', PROFILE.cashInTransitAccount],
      ['moss', 'defaultSupplier', PROFILE.defaultSupplier],
      ['nmbrs', 'netWages', NET],
      ['nmbrs', 'payrollTax', TAX],
      ['nmbrs', 'pension', NMBRS.pensionAccount],
    ]);
    expect(rules.tieOut?.account).toBe(PROFILE.balanceAccount);
    // Without a pension account there is no pension rule.
    const { pensionAccount: _, ...noPension } = NMBRS;
    expect(buildRuleSet({ unitId: 1, nmbrs: noPension }, []).accounts.map((a) => a.role)).toEqual(['netWages', 'payrollTax']);
  });

  it('the old shape { profile: "moss", moss } builds the same Moss rules as { moss }', () => {
    expect(buildRuleSet(CONFIG, [])).toEqual(buildRuleSet({ unitId: 1, moss: PROFILE }, []));
  });

  it('refuses an administration without a profile, or one whose "profile" names a missing key', () => {
    for (const bad of [{ unitId: 3 }, { unitId: 3, profile: 'nmbrs', moss: PROFILE }] as AdministrationConfig[]) {
      try {
        buildRuleSet(bad, []);
        expect.unreachable();
      } catch (e) {
        expect(isAppFailure(e) && e.appError.code).toBe('unknown-profile');
      }
    }
  });

  it('syncs every profile’s accounts and bank accounts, a shared bank account once', () => {
    expect(syncAccountsOf(BOTH)).toEqual([PROFILE.balanceAccount, PROFILE.cashInTransitAccount, PROFILE.defaultSupplier, '1100', NET, TAX, NMBRS.pensionAccount]);
  });

  it('names a clearing account claimed by two profiles (bank accounts may be shared)', () => {
    expect(accountConflicts(BOTH)).toEqual([]);
    expect(accountConflicts({ ...BOTH, nmbrs: { ...NMBRS, netWagesAccount: CIT } })).toEqual([{ account: CIT, fields: ['moss.cashInTransitAccount', 'nmbrs.netWagesAccount'] }]);
  });

  it('reconciles Moss and payroll together, each as it would alone, on one bank account', () => {
    const b = new Payroll();
    const t = b.topUp('2025-03-10', '2025-03-08', 500_000);
    const r1 = b.run('2025-03-25', [250_000, 125_000], { tax: 90_000 });
    b.batch('2025-03-25', r1.total);
    const lines = b.lines;
    const both = reconcileWithAutoMatch(input(lines, { config: BOTH })).result;
    const mossOnly = reconcileWithAutoMatch(input(lines, { config: { unitId: 1, moss: PROFILE } })).result;
    const payOnly = reconcileWithAutoMatch(input(lines, { config: { unitId: 1, nmbrs: BOTH.nmbrs! } })).result;
    const strip = (a: { account: string; closing: number; openItems: { line: { key: string } }[]; clears: boolean }) => ({ account: a.account, closing: a.closing, open: a.openItems.map((o) => o.line.key), clears: a.clears });
    expect(both.accounts.map(strip)).toEqual([...mossOnly.accounts, ...payOnly.accounts].map(strip));
    expect(both.accounts.find((a) => a.account === CIT)!.clears).toBe(true);
    expect(both.accounts.find((a) => a.account === NET)!.clears).toBe(true);
    expect(both.matches.some((m) => m.lines.includes(t.bank.key))).toBe(true);
  });
});
