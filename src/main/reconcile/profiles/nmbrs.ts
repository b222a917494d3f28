// The Nmbrs profile (payroll, seed 002; profiles.md) as clearing rules. Each payroll run posts one
// entry in the payroll journal that credits
//   net wages payable   — paid by the bank, usually one SEPA batch (PREF) for the whole run,
//                         sometimes one transfer per employee: must clear to zero;
//   payroll tax payable — paid to the Belastingdienst in one debit after the tax period ends,
//   pension payable       due by the end of the next month: clears to the period's own credits.
import type { AdministrationConfig, MutationLine, NmbrsProfile } from '../../../shared/domain';
import type { ClearingAccountRule, EntryNames, MatchPass, SideNames } from '../rules';
import { bankFeedJournals, feedSides } from './bank-feed';
import type { ProfileModule, ProfileRules } from './module';

export const NMBRS_DEFAULTS = {
  /** A salary payment lies 5 days before to 10 days after the run's date. */
  paidBeforeDays: 5,
  paidAfterDays: 10,
  /** A period's tax is paid within 45 days after the period's last day. */
  taxDaysAfter: 45,
  /** A tax payment this close to the period's total is a rounding suggestion (€ 1,00). */
  roundingCents: 100,
  subsetMaxSize: 4,
  subsetMaxCandidates: 16,
  subsetIterationCap: 20_000,
  openDaysThreshold: 30,
} as const;

const RUN: EntryNames = { nl: 'loonrun', en: 'payroll run' };
const NET_SIDES: SideNames = {
  left: { nl: 'loonrunregel', en: 'payroll run line' },
  right: { nl: 'salarisbetaling', en: 'salary payment' },
};
const TAX_SIDES: SideNames = {
  left: { nl: 'loonheffingsregel', en: 'payroll tax line' },
  right: { nl: 'afdracht', en: 'tax payment' },
};
const PENSION_SIDES: SideNames = {
  left: { nl: 'premieregel', en: 'pension premium line' },
  right: { nl: 'premiebetaling', en: 'premium payment' },
};

export function nmbrsRules(profile: NmbrsProfile, lines: readonly MutationLine[]): ProfileRules {
  const d = NMBRS_DEFAULTS;
  const own = [profile.journal];
  const { settlement, allowed } = feedSides(bankFeedJournals(lines, profile.bankAccounts, own), own);
  // offset = run day − payment day: paid up to 5 days before (+5) or 10 days after (−10) the run.
  const window = { min: -d.paidAfterDays, max: d.paidBeforeDays };
  const base = {
    profile: 'nmbrs' as const,
    allowedJournals: allowed,
    tracksOpenItems: true,
    left: { only: own },
    right: settlement,
    entryNames: RUN,
    duplicateJournals: own,
    duplicateInvoices: false,
    openDaysThreshold: d.openDaysThreshold,
  };
  const netPasses: MatchPass[] = [
    { kind: 'batch', method: 'payroll-batch', window, minLines: 2 },
    { kind: 'exact', method: 'payroll-exact', key: 'amount', window, autoEvidence: 'unique' },
    { kind: 'subset', method: 'payroll-split', window, maxSize: d.subsetMaxSize, maxCandidates: d.subsetMaxCandidates, iterationCap: d.subsetIterationCap },
  ];
  const periodPasses: MatchPass[] = [
    { kind: 'period', method: 'period-total', maxDaysAfter: d.taxDaysAfter, toleranceCents: d.roundingCents, differenceMethod: 'period-difference' },
  ];
  const byPeriod = (account: string, role: 'payrollTax' | 'pension', sideNames: SideNames): ClearingAccountRule => ({
    ...base,
    account,
    role,
    expected: 'not-yet-due',
    sideNames,
    passes: periodPasses,
    missingCounterpartDays: d.taxDaysAfter,
  });
  const accounts: ClearingAccountRule[] = [
    { ...base, account: profile.netWagesAccount, role: 'netWages', expected: 'zero', sideNames: NET_SIDES, returnsReopen: true, passes: netPasses, missingCounterpartDays: d.paidAfterDays },
    byPeriod(profile.payrollTaxAccount, 'payrollTax', TAX_SIDES),
  ];
  if (profile.pensionAccount) accounts.push(byPeriod(profile.pensionAccount, 'pension', PENSION_SIDES));
  return { accounts, tieOut: null };
}

const nmbrsOf = (c: AdministrationConfig): NmbrsProfile => {
  if (!c.nmbrs) throw new Error('nmbrs profile not configured'); // callers check configured first
  return c.nmbrs;
};

export const nmbrsModule: ProfileModule = {
  id: 'nmbrs',
  syncAccounts(config) {
    const n = nmbrsOf(config);
    return [n.netWagesAccount, n.payrollTaxAccount, ...(n.pensionAccount ? [n.pensionAccount] : []), ...n.bankAccounts];
  },
  claimedAccounts(config) {
    const n = nmbrsOf(config);
    return [
      { field: 'nmbrs.netWagesAccount', account: n.netWagesAccount },
      { field: 'nmbrs.payrollTaxAccount', account: n.payrollTaxAccount },
      ...(n.pensionAccount ? [{ field: 'nmbrs.pensionAccount', account: n.pensionAccount }] : []),
    ];
  },
  creditorDiscoveryJournal: () => null,
  rules: (config, lines) => nmbrsRules(nmbrsOf(config), lines),
};
