// The Declaree profile (expense claims, seed 001; profiles.md) as clearing rules. Each approved
// report credits the employee's creditor in the Declaree journal (InvoiceId = report number);
//   employee creditor  — paid by a direct transfer from the bank feed, or by an AFAS payment order
//                        (Dr creditor / Cr payments in transit): clears to zero, except the reports
//                        still within their payment cycle (not-yet-due);
//   payments in transit — the order's credit lines against the bank's ONE debit for the order,
//                        0…5 days later: must clear to zero.
import type { AdministrationConfig, DeclareeProfile, MutationLine } from '../../../shared/domain';
import type { ClearingAccountRule, JournalSet, MatchPass, SideNames } from '../rules';
import { bankFeedJournals } from './bank-feed';
import type { ProfileModule, ProfileRules } from './module';

export const DECLAREE_DEFAULTS = {
  /** A report younger than this at the period's end is within its payment cycle. */
  paymentCycleDays: 14,
  /** A reimbursement is paid 0…45 days after the report. */
  paidWithinDays: 45,
  /** The bank executes a payment order 0…5 days after it is made. */
  orderDays: 5,
  /** Report numbers shorter than this are not looked for in payment texts. */
  referenceMinLength: 3,
  subsetMaxSize: 4,
  subsetMaxCandidates: 16,
  subsetIterationCap: 20_000,
  openDaysThreshold: 30,
} as const;

const CREDITOR_SIDES: SideNames = {
  left: { nl: 'declaratie', en: 'expense report' },
  right: { nl: 'vergoeding', en: 'reimbursement' },
};
const TRANSIT_SIDES: SideNames = {
  left: { nl: 'betaalopdrachtregel', en: 'payment order line' },
  right: { nl: 'bankafschrijving', en: 'bank debit' },
};

/** The bank accounts of the feed: Declaree's own, else those of the other profiles. */
export function declareeBankAccounts(config: AdministrationConfig): string[] {
  const own = config.declaree?.bankAccounts;
  if (own && own.length > 0) return own;
  return [...new Set([...(config.moss?.bankAccounts ?? []), ...(config.nmbrs?.bankAccounts ?? [])])];
}

/**
 * Employee creditors: the configured ones, else every account with a credit from the Declaree
 * journal (only creditors are synced from it, and its debits are expenses and VAT).
 */
export function employeeCreditorsOf(profile: DeclareeProfile, lines: readonly MutationLine[], exclude: ReadonlySet<string>): string[] {
  if (profile.employeeCreditors) return [...profile.employeeCreditors];
  const found = new Set<string>();
  for (const l of lines) if (l.journalId === profile.journal && l.amount < 0 && !exclude.has(l.accountNo)) found.add(l.accountNo);
  return [...found].sort();
}

/** Journals of payment orders: those posting to payments in transit other than the feed. */
function orderJournals(profile: DeclareeProfile, lines: readonly MutationLine[], feed: readonly string[]): string[] {
  const out = new Set<string>();
  for (const l of lines) if (l.accountNo === profile.paymentsInTransitAccount && !feed.includes(l.journalId) && l.journalId !== profile.journal) out.add(l.journalId);
  return [...out].sort();
}

export function declareeRules(config: AdministrationConfig, lines: readonly MutationLine[]): ProfileRules {
  const profile = config.declaree!;
  const d = DECLAREE_DEFAULTS;
  const banks = declareeBankAccounts(config);
  const own = [profile.journal];
  const feed = bankFeedJournals(lines, banks, own);
  const orders = orderJournals(profile, lines, feed);
  const payers = [...feed, ...orders];
  // Without bank or order lines synced the paying journals are unknown: any but Declaree's then.
  const settlement: JournalSet = payers.length > 0 ? { only: payers } : { except: own };
  const allowed: JournalSet = payers.length > 0 ? { only: [...own, ...payers] } : { except: [] };
  // offset = report day − payment day: paid on the report's day up to 45 days later.
  const paid = { min: -d.paidWithinDays, max: 0 };
  const cycle = profile.paymentCycleDays ?? d.paymentCycleDays;
  const creditorPasses: MatchPass[] = [
    { kind: 'reference', method: 'report-number', minLength: d.referenceMinLength },
    { kind: 'exact', method: 'report-amount', key: 'amount', window: paid, autoEvidence: 'unique' },
    { kind: 'subset', method: 'report-combined', window: paid, maxSize: d.subsetMaxSize, maxCandidates: d.subsetMaxCandidates, iterationCap: d.subsetIterationCap },
  ];
  const exclude = new Set([profile.paymentsInTransitAccount, ...banks]);
  const creditor = (account: string): ClearingAccountRule => ({
    account,
    role: 'employeeCreditor',
    profile: 'declaree',
    expected: 'not-yet-due',
    dueWithinDays: cycle,
    allowedJournals: allowed,
    tracksOpenItems: true,
    left: { only: own },
    right: settlement,
    sideNames: CREDITOR_SIDES,
    returnsReopen: true,
    passes: creditorPasses,
    duplicateJournals: [],
    duplicateInvoices: true,
    invoiceCopies: true,
    invoiceScope: 'declaree',
    missingCounterpartDays: cycle,
    openDaysThreshold: d.openDaysThreshold,
  });
  // offset = order day − bank day: the bank debits the order 0…5 days after it.
  const orderWindow = { min: -d.orderDays, max: 0 };
  const transit: ClearingAccountRule = {
    account: profile.paymentsInTransitAccount,
    role: 'paymentsInTransit',
    profile: 'declaree',
    expected: 'zero',
    allowedJournals: feed.length > 0 && orders.length > 0 ? { only: [...orders, ...feed] } : { except: [] },
    tracksOpenItems: true,
    left: feed.length > 0 ? { except: feed } : { only: orders },
    right: feed.length > 0 ? { only: feed } : { except: orders },
    sideNames: TRANSIT_SIDES,
    returnsReopen: true,
    passes: [
      { kind: 'batch', method: 'payment-order', window: orderWindow, minLines: 1 },
      { kind: 'exact', method: 'payment-order-exact', key: 'amount', window: orderWindow, autoEvidence: 'unique' },
    ],
    duplicateJournals: orders,
    duplicateInvoices: false,
    missingCounterpartDays: d.orderDays,
    openDaysThreshold: d.openDaysThreshold,
  };
  return { accounts: [transit, ...employeeCreditorsOf(profile, lines, exclude).map(creditor)], tieOut: null };
}

const declareeOf = (c: AdministrationConfig): DeclareeProfile => {
  if (!c.declaree) throw new Error('declaree profile not configured'); // callers check configured first
  return c.declaree;
};

export const declareeModule: ProfileModule = {
  id: 'declaree',
  syncAccounts(config) {
    const p = declareeOf(config);
    return [p.paymentsInTransitAccount, ...declareeBankAccounts(config), ...(p.employeeCreditors ?? [])];
  },
  claimedAccounts(config) {
    const p = declareeOf(config);
    return [
      { field: 'declaree.paymentsInTransitAccount', account: p.paymentsInTransitAccount },
      ...(p.employeeCreditors ?? []).map((account, i) => ({ field: `declaree.employeeCreditors[${i}]`, account })),
    ];
  },
  creditorDiscoveryJournal: (config) => (declareeOf(config).employeeCreditors === undefined ? declareeOf(config).journal : null),
  rules(config, lines) {
    declareeOf(config);
    return declareeRules(config, lines);
  },
};
