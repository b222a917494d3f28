// The Spend Cloud profile (invoice processing, seed 004; profiles.md) as clearing rules. Invoices
// with a cost period spread over months pass through a transitory account (export logics 024/027
// and 997 method 1) or AFAS's deferrals module (997 method 2, its own suspense account): at
// booking the account receives the deferred amount, then one release per cost period moves it
// out, each dated in its period and carrying the invoice's VoucherNo. Releases for future periods
// exist in AFAS already, so the sync fetches these accounts' lines after the period too.
import type { AdministrationConfig, SpendCloudProfile } from '../../../shared/domain';
import type { ClearingAccountRule, SideNames } from '../rules';
import type { ProfileModule, ProfileRules } from './module';

export const SPENDCLOUD_DEFAULTS = {
  /** A voucher's remainder up to € 0,10 is a rounding of the period amounts (a correction is suggested). */
  roundingCents: 10,
  /** How far after the period the sync looks for releases. */
  lookaheadMonths: 36,
} as const;

const SIDES: SideNames = {
  left: { nl: 'boeking', en: 'booking' },
  right: { nl: 'vrijval', en: 'release' },
};

export function spendCloudRules(profile: SpendCloudProfile): ProfileRules {
  const own = [profile.journal];
  const accounts: ClearingAccountRule[] = profile.transitoryAccounts.map((account) => ({
    account,
    role: 'transitory',
    profile: 'spendcloud',
    expected: 'unreleased',
    allowedJournals: { only: own },
    // Open items are the lines of the vouchers that do not net to zero (transitory.ts): no passes pair lines here.
    tracksOpenItems: true,
    left: { only: own },
    right: { only: own },
    sideNames: SIDES,
    passes: [],
    duplicateJournals: [],
    duplicateInvoices: false,
    missingCounterpartDays: 0,
    openDaysThreshold: 0,
    voucherRoundingCents: SPENDCLOUD_DEFAULTS.roundingCents,
  }));
  return { accounts, tieOut: null };
}

const spendCloudOf = (c: AdministrationConfig): SpendCloudProfile => {
  if (!c.spendcloud) throw new Error('spendcloud profile not configured'); // callers check configured first
  return c.spendcloud;
};

export const spendCloudModule: ProfileModule = {
  id: 'spendcloud',
  syncAccounts: (config) => spendCloudOf(config).transitoryAccounts,
  claimedAccounts: (config) => spendCloudOf(config).transitoryAccounts.map((account, i) => ({ field: `spendcloud.transitoryAccounts[${i}]`, account })),
  creditorDiscoveryJournal: () => null,
  lookaheadAccounts: (config) => spendCloudOf(config).transitoryAccounts,
  rules: (config) => spendCloudRules(spendCloudOf(config)),
};
