// The Moss profile (seed 003) as a clearing rule set:
//   card transaction A: purchase journal  Dr expense / Cr supplier A
//                       bank journal      Dr supplier A / Cr Moss Balance A
//   top-up B:           Moss export       Dr Moss Balance B / Cr Cash in Transit B
//                       bank feed         Dr Cash in Transit B / Cr external bank B
// Supplier accounts (default + merchant creditors) and Cash in Transit must clear to zero; Moss
// Balance must equal the wallet balance Moss reports.
import type { AdministrationConfig, MossProfile, MutationLine } from '../../../shared/domain';
import type { ClearingAccountRule, ClearingRuleSet, JournalSet, MatchPass, SideNames } from '../rules';
import type { ProfileModule } from './module';

export const MOSS_DEFAULTS = {
  citWindowDays: 5,
  openDaysThreshold: 30,
  supplierWindowDays: 7,
  minSimilarity: 0.5,
  differenceCents: 500,
  differencePermille: 10,
  subsetMaxSize: 4,
  subsetMaxCandidates: 16,
  subsetIterationCap: 20_000,
  lateDays: 3,
} as const;

/** Optional knobs beyond MossProfile (the engine's defaults otherwise). */
export interface MossRuleOptions {
  /** Journals of the company's bank feed; derived from lines on profile.bankAccounts when omitted. */
  bankFeedJournals?: string[];
  supplierWindowDays?: number;
  differenceCents?: number;
  differencePermille?: number;
}

/**
 * Merchant creditors: accounts (not a ledger account of the profile) that carry lines from both
 * the Moss purchase journal and the Moss bank journal. AFAS puts the creditor number in AccountNo
 * on creditor lines, so the account type is not needed (and not trusted) for this.
 */
export function discoverMerchantCreditors(profile: MossProfile, lines: readonly MutationLine[]): string[] {
  return scan(profile, lines, false, true).merchants;
}

/** Journals of the bank feed: those that post to the external bank accounts (Moss's own excluded). */
export function deriveBankFeedJournals(profile: MossProfile, lines: readonly MutationLine[]): string[] {
  return scan(profile, lines, true, false).feed;
}

/** Both discoveries in one pass over the lines (a million lines are worth passing over once). */
function scan(profile: MossProfile, lines: readonly MutationLine[], wantFeed: boolean, wantMerchants: boolean): { feed: string[]; merchants: string[] } {
  const ledger = new Set([profile.balanceAccount, profile.cashInTransitAccount, profile.defaultSupplier, ...profile.bankAccounts]);
  const banks = new Set(profile.bankAccounts);
  const feed = new Set<string>();
  const inPurchase = new Set<string>();
  const inBank = new Set<string>();
  for (const l of lines) {
    if (!ledger.has(l.accountNo)) {
      if (!wantMerchants) continue;
      if (l.journalId === profile.purchaseJournal) inPurchase.add(l.accountNo);
      else if (l.journalId === profile.bankJournal) inBank.add(l.accountNo);
    } else if (wantFeed && banks.has(l.accountNo) && l.journalId !== profile.bankJournal && l.journalId !== profile.purchaseJournal) feed.add(l.journalId);
  }
  return { feed: [...feed].sort(), merchants: [...inPurchase].filter((a) => inBank.has(a)).sort() };
}

const SUPPLIER_SIDES: SideNames = {
  left: { nl: 'inkoopboeking', en: 'purchase entry' },
  right: { nl: 'betaling', en: 'payment' },
};
const CIT_SIDES: SideNames = {
  left: { nl: 'Moss-boeking', en: 'Moss entry' },
  right: { nl: 'bankbetaling', en: 'bank payment' },
};

export function mossRuleSet(profile: MossProfile, lines: readonly MutationLine[], options: MossRuleOptions = {}): ClearingRuleSet {
  const citDays = profile.citWindowDays ?? MOSS_DEFAULTS.citWindowDays;
  const openDays = profile.openDaysThreshold ?? MOSS_DEFAULTS.openDaysThreshold;
  const supplierDays = options.supplierWindowDays ?? MOSS_DEFAULTS.supplierWindowDays;
  const mossJournals = [profile.purchaseJournal, profile.bankJournal];
  const found = scan(profile, lines, options.bankFeedJournals === undefined, profile.merchantCreditors === undefined);
  const feed = options.bankFeedJournals ?? found.feed;
  // Without bank-account lines the feed journals are unknown: accept any non-Moss journal then.
  const feedSet: JournalSet = feed.length > 0 ? { only: feed } : { except: mossJournals };
  const citAllowed: JournalSet = feed.length > 0 ? { only: [profile.bankJournal, ...feed] } : { except: [profile.purchaseJournal] };

  const supplierPasses: MatchPass[] = [
    { kind: 'exact', method: 'invoice', key: 'invoice', window: null, autoEvidence: 'invoice' },
    {
      kind: 'exact',
      method: 'amount-date-text',
      key: 'amount',
      window: { min: -supplierDays, max: supplierDays },
      autoEvidence: 'similar',
      minSimilarity: MOSS_DEFAULTS.minSimilarity,
    },
  ];
  const supplier = (account: string, role: 'defaultSupplier' | 'creditor'): ClearingAccountRule => ({
    account,
    role,
    profile: 'moss',
    expected: 'zero',
    allowedJournals: { only: mossJournals },
    tracksOpenItems: true,
    left: { only: [profile.purchaseJournal] },
    right: { only: [profile.bankJournal] },
    sideNames: SUPPLIER_SIDES,
    passes: supplierPasses,
    duplicateJournals: mossJournals,
    duplicateInvoices: true,
    missingCounterpartDays: supplierDays,
    openDaysThreshold: openDays,
  });
  const citWindow = { min: 0, max: citDays };
  const merchants = (profile.merchantCreditors ?? found.merchants).filter(
    (a) => a !== profile.defaultSupplier,
  );

  return {
    profiles: ['moss'],
    accounts: [
      {
        account: profile.balanceAccount,
        role: 'mossBalance',
        profile: 'moss',
        expected: 'external',
        allowedJournals: { only: [profile.bankJournal] },
        tracksOpenItems: false,
        left: { only: [profile.bankJournal] },
        right: { only: [] },
        sideNames: CIT_SIDES,
        passes: [],
        duplicateJournals: [profile.bankJournal],
        duplicateInvoices: false,
        missingCounterpartDays: citDays,
        openDaysThreshold: openDays,
      },
      {
        account: profile.cashInTransitAccount,
        role: 'cashInTransit',
        profile: 'moss',
        expected: 'zero',
        allowedJournals: citAllowed,
        tracksOpenItems: true,
        left: { only: [profile.bankJournal] },
        right: feedSet,
        sideNames: CIT_SIDES,
        passes: [
          { kind: 'exact', method: 'cit-exact', key: 'amount', window: citWindow, autoEvidence: 'no-conflict' },
          {
            kind: 'subset',
            method: 'cit-subset',
            window: citWindow,
            maxSize: MOSS_DEFAULTS.subsetMaxSize,
            maxCandidates: MOSS_DEFAULTS.subsetMaxCandidates,
            iterationCap: MOSS_DEFAULTS.subsetIterationCap,
          },
          {
            kind: 'difference',
            method: 'amount-difference',
            window: citWindow,
            toleranceCents: options.differenceCents ?? MOSS_DEFAULTS.differenceCents,
            tolerancePermille: options.differencePermille ?? MOSS_DEFAULTS.differencePermille,
          },
        ],
        duplicateJournals: [profile.bankJournal],
        duplicateInvoices: false,
        missingCounterpartDays: citDays,
        openDaysThreshold: openDays,
      },
      supplier(profile.defaultSupplier, 'defaultSupplier'),
      ...merchants.map((m) => supplier(m, 'creditor')),
    ],
    tieOut: {
      account: profile.balanceAccount,
      journal: profile.bankJournal,
      topUpRoles: ['cashInTransit'],
      spendRoles: ['defaultSupplier', 'creditor'],
      lateDays: MOSS_DEFAULTS.lateDays,
    },
  };
}

const mossOf = (c: AdministrationConfig): MossProfile => {
  if (!c.moss) throw new Error('moss profile not configured'); // callers check configured first
  return c.moss;
};

export const mossModule: ProfileModule = {
  id: 'moss',
  syncAccounts(config) {
    const m = mossOf(config);
    return [m.balanceAccount, m.cashInTransitAccount, m.defaultSupplier, ...m.bankAccounts, ...(m.merchantCreditors ?? [])];
  },
  claimedAccounts(config) {
    const m = mossOf(config);
    return [
      { field: 'moss.balanceAccount', account: m.balanceAccount },
      { field: 'moss.cashInTransitAccount', account: m.cashInTransitAccount },
      { field: 'moss.defaultSupplier', account: m.defaultSupplier },
      ...(m.merchantCreditors ?? []).map((account, i) => ({ field: `moss.merchantCreditors[${i}]`, account })),
    ];
  },
  creditorDiscoveryJournal: (config) => (mossOf(config).merchantCreditors === undefined ? mossOf(config).purchaseJournal : null),
  rules(config, lines, options) {
    const r = mossRuleSet(mossOf(config), lines, options);
    return { accounts: [...r.accounts], tieOut: r.tieOut };
  },
};
