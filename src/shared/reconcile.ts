// What the reconciliation engine produces and what it needs from the store. Consumed by the UI,
// the workbook writer and the CLI report; extend with optional fields, do not break.
import type { Bilingual, LineKey, MutationLine, Period, ProfileId } from './domain';
import type { Cents } from './money';

export const ACCOUNT_ROLES = [
  'mossBalance',
  'cashInTransit',
  'defaultSupplier',
  'creditor',
  'netWages',
  'payrollTax',
  'pension',
  'employeeCreditor',
  'paymentsInTransit',
  'transitory',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/**
 * What an account's balance is compared with: 0; an external balance (the Moss wallet); the
 * liability not yet due: the period's own (payroll taxes, pension, paid after the period ends), or
 * the documents still within their payment cycle (expense reports, see dueWithinDays); or the
 * deferrals still to be released after the period (a transitory account, Spend Cloud).
 */
export type ExpectedKind = 'zero' | 'external' | 'not-yet-due' | 'unreleased';

/**
 * Why an item is open when the reason is known: 'not-yet-due' is expected to be open (counted in
 * `expected`, it does not stop the account from clearing); 'not-fully-released' (a voucher on a
 * transitory account whose lines do not net to zero over all dates) and 'release-without-booking'
 * (a release whose voucher has no booking) are reconciling items that do.
 */
export type OpenItemReason = 'not-yet-due' | 'not-fully-released' | 'release-without-booking';
export const AGE_BUCKETS = ['0-30', '31-60', '61-90', '91-180', '180+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export type FlagCode =
  | 'open-too-long'
  | 'amount-mismatch'
  | 'duplicate'
  | 'split-or-merged'
  | 'unexpected-journal'
  | 'stale-match'
  | 'does-not-clear'
  | 'wallet-difference'
  | 'missing-counterpart'
  | 'returned-payment'
  | 'payment-without-credits'
  // Transitory account (Spend Cloud): per voucher.
  | 'not-fully-released'
  | 'release-twice'
  | 'release-before-booking'
  | 'release-without-booking'
  | 'rounding-remainder';

export interface Flag {
  code: FlagCode;
  severity: 'info' | 'warning' | 'error';
  account: string;
  lines: LineKey[];
  message: Bilingual;
}

export type MatchStatus = 'suggested' | 'confirmed' | 'stale';

/** Why a suggestion matches: shown as amount ✓ date ✓ reference ✓. */
export interface MatchEvidence {
  amount: boolean;
  date: boolean;
  reference: boolean;
}

export interface MatchGroup {
  id: string;
  unitId: number;
  account: string;
  lines: LineKey[];
  status: MatchStatus;
  /** e.g. 'invoice', 'amount-date-text', 'cit-exact', 'cit-subset', 'amount-difference', 'manual' */
  method: string;
  /** Sum of the lines; 0 unless matched with a stated difference. */
  difference: Cents;
  reason: string | null;
  evidence: MatchEvidence;
  confirmedBy: string | null;
  confirmedAt: string | null;
  /** Stale only: what changed since the match was made. */
  staleReason?: Bilingual;
  /** A confirmed match at a difference: what kind of reconciling item the difference is. */
  category?: ItemCategory | null;
  /** For a difference "to book": the entry that clears it in AFAS. */
  correction?: CorrectionEntry | null;
}

/**
 * What a reconciling item is (the leadsheet's categories): a counterpart that is still to come,
 * a fee or rounding to book, an error to correct in AFAS, still being investigated, or written off
 * within the account's tolerance.
 */
export const ITEM_CATEGORIES = ['timing', 'to-book', 'correct-in-afas', 'investigating', 'write-off'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

/** One line of a proposed correction entry (journal entry) the controller can book in AFAS. */
export interface CorrectionLine {
  account: string;
  debit: Cents;
  credit: Cents;
  description: string;
}

export interface CorrectionEntry {
  lines: CorrectionLine[];
}

/** The controller's explanation of an open item or a match difference. */
export interface Categorisation {
  category: ItemCategory;
  reason: string;
  correction: CorrectionEntry | null;
  by: string;
  at: string;
}

/**
 * An amount that explains (part of) the gap between closing and expected: an open item, or the
 * difference a match was confirmed at. Only categorised items are subtracted from the gap.
 */
export interface ReconcilingItem {
  /** 'voucher': a transitory account's open voucher (its lines through the period; amount: its remainder). */
  kind: 'open-item' | 'match-difference' | 'voucher';
  account: string;
  /** The open item's line, the match's lines, or the voucher's lines through the period. */
  lines: LineKey[];
  matchId: string | null;
  amount: Cents;
  /** Null: not categorised yet (part of the unexplained difference). */
  categorisation: Categorisation | null;
  /** Kind 'voucher': its VoucherNo. */
  voucherNo?: string;
}

/** |difference| up to max(cents, permille/1000 × |largest amount|) is within tolerance. */
export interface Tolerance {
  cents: Cents;
  permille: number;
}

export interface OpenItem {
  line: MutationLine;
  ageDays: number;
  bucket: AgeBucket;
  flags: FlagCode[];
  note: string | null;
  /** The controller's category and reason for it (optional in results made before categories). */
  categorisation?: Categorisation | null;
  /** Set when the item is expected to be open ('not-yet-due': counted in `expected`), or why it is a reconciling item. */
  reason?: OpenItemReason;
  /** Transitory account: the line's voucher and what that voucher does not net to over all dates. */
  voucherNo?: string;
  remainder?: Cents;
}

/**
 * One voucher (invoice) on a transitory account as of the period's end: what was booked, what was
 * released through the period and what is still to be released after it (negative for deferred
 * costs), and what the lines do not net to over all dates (0 when fully released).
 */
export interface VoucherSummary {
  voucherNo: string;
  /** 'releasing': nets to zero, releases still to come; 'released': nets to zero, none to come. */
  status: 'releasing' | 'released' | 'not-fully-released' | 'release-without-booking';
  /** Date of the first booking line (null for an orphan). */
  bookedOn: string | null;
  /** Sum of the booking lines (all dates). */
  booked: Cents;
  /** Sum of the release lines dated on or before the period's last day. */
  releasedThrough: Cents;
  /** Sum of all lines dated after the period (releases still to come; a booking there too). */
  toRelease: Cents;
  /** What the account holds for the voucher at the period's end (its lines through the period). */
  balance: Cents;
  /** Sum of all the voucher's lines over all dates: 0 when fully released. */
  remainder: Cents;
  /** YYYY-MM of the first and last release (null without releases). */
  firstRelease: string | null;
  lastRelease: string | null;
  releaseCount: number;
  lineCount: number;
  /** Invoice id and text of the booking (or the first line). */
  invoiceId: string | null;
  description: string | null;
  flags: FlagCode[];
  /** Its lines on the account, all dates (the schedule's per-period releases; the voucher view's expand). */
  lines: VoucherLineView[];
}

/** One line of a voucher, as the schedule and the voucher view show it. */
export interface VoucherLineView {
  key: LineKey;
  entryDate: string;
  journalId: string;
  entryNo: number;
  amount: Cents;
  /** A booking line (the deferral), else a release. */
  booking: boolean;
  description: string | null;
}

export interface SignOffEntry {
  by: string;
  at: string;
}

export interface SignOffRejection {
  by: string;
  at: string;
  comment: string;
}

export interface SignOffState {
  preparer: SignOffEntry | null;
  reviewer: SignOffEntry | null;
  suspended: boolean;
  suspendedReason: Bilingual | null;
  /** The reviewer's latest rejection since the account was last prepared: it is open again. */
  rejected?: SignOffRejection | null;
}

/**
 * Whether the account clears: never replaced by its sign-off (SignOffState stands next to it).
 * 'not-fetched': the period has not been fetched from AFAS, so there is nothing to judge;
 * 'awaiting-balance': the account ties to an external balance (the Moss wallet) not entered yet.
 */
export type AccountStatus = 'clears' | 'does-not-clear' | 'not-fetched' | 'awaiting-balance';

export interface AccountResult {
  role: AccountRole;
  /** The profile whose rule set this account belongs to. */
  profile?: ProfileId;
  /** What `expected` is (0 when absent). */
  expectedKind?: ExpectedKind;
  /**
   * With expectedKind 'not-yet-due': set when not-yet-due means "younger than this many days at
   * the period's end" (an expense report within its payment cycle), absent for the period's own.
   */
  dueWithinDays?: number;
  account: string;
  name: string | null;
  opening: Cents;
  debit: Cents;
  credit: Cents;
  closing: Cents;
  /**
   * 0; the wallet balance for the Moss Balance account (when entered); or, for payroll taxes and
   * pension, the sum of the period's own credits; for an employee creditor, of the reports within
   * their payment cycle (the open items with reason 'not-yet-due').
   */
  expected: Cents;
  difference: Cents;
  clears: boolean;
  status: AccountStatus;
  lineCount: number;
  openItems: OpenItem[];
  agingTotals: Record<AgeBucket, Cents>;
  /** End-of-day balance for each day of the period (YYYY-MM-DD). */
  dailyBalances: { date: string; balance: Cents }[];
  signOff: SignOffState;
  /** Open items and match differences that explain the gap, categorised or not. */
  reconcilingItems?: ReconcilingItem[];
  /** Sum of the categorised reconciling items. */
  categorised?: Cents;
  /** closing − expected − categorised: the number a reviewer signs. Null while nothing can be judged. */
  unexplained?: Cents | null;
  tolerance?: Tolerance;
  /**
   * Transitory accounts: the vouchers that are open at the period's end (not fully released, or a
   * release without its booking), and how many vouchers the account holds then (getVouchers lists them).
   */
  openVouchers?: VoucherSummary[];
  voucherCount?: number;
  /** Transitory accounts: every voucher on the account at the period's end (open ones included), in booking order. */
  vouchers?: VoucherSummary[];
}

/** Moss Balance: opening + topUps − spend + refunds + other = closing (spend positive). */
export interface Rollforward {
  opening: Cents;
  topUps: Cents;
  spend: Cents;
  refunds: Cents;
  other: Cents;
  closing: Cents;
  wallet: Cents | null;
  difference: Cents | null;
  likelyCauses: Bilingual[];
}

export interface AdministrationResult {
  unitId: number;
  name: string | null;
  period: Period;
  accounts: AccountResult[];
  matches: MatchGroup[];
  flags: Flag[];
  rollforward: Rollforward;
  matchCounts: Record<MatchStatus, number>;
  /** False when the period was never fetched from AFAS: the figures are empty, not zero. */
  fetched?: boolean;
}

// ---- What the store keeps of the controller's work (input to the engine) ----

export interface StoredMatch {
  id: string;
  unitId: number;
  account: string;
  /** Snapshot of each line's amount when matched: a change makes the match stale. */
  lines: { key: LineKey; amount: Cents }[];
  method: string;
  difference: Cents;
  reason: string | null;
  evidence: MatchEvidence;
  by: string;
  at: string;
  category?: ItemCategory | null;
  correction?: CorrectionEntry | null;
}

export interface StoredNote {
  unitId: number;
  lineKey: LineKey;
  text: string;
  by: string;
  at: string;
}

export interface StoredSignOff {
  unitId: number;
  account: string;
  /** YYYY-MM */
  period: string;
  role: 'preparer' | 'reviewer';
  by: string;
  at: string;
  /** What was signed: a change suspends the sign-off. */
  snapshot: { closing: Cents; openItems: number };
}

/** The controller's category for an open item's line. */
export interface StoredCategorisation extends Categorisation {
  unitId: number;
  lineKey: LineKey;
}

export interface StoredRejection {
  unitId: number;
  account: string;
  /** YYYY-MM */
  period: string;
  by: string;
  at: string;
  comment: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  by: string;
  action: string;
  unitId: number | null;
  account: string | null;
  detail: string;
  reason: string | null;
}
