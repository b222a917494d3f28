// The generic "clearing rule set": which accounts must clear (or tie to an external balance, or
// to the liability not yet due), which journals may post to them, and the ordered passes that
// pair their lines. A profile (Moss, Nmbrs, later Declaree/Spend Cloud) is a function from its
// configuration (and the data, for discovered accounts) to part of one; an administration that
// runs several profiles gets their parts together. The engine knows no profile by name.
import type { ProfileId } from '../../shared/domain';
import type { Cents } from '../../shared/money';
import type { AccountRole, ExpectedKind } from '../../shared/reconcile';

/** Which journals a line may come from. `except` = every journal but these. */
export type JournalSet = { only: readonly string[] } | { except: readonly string[] };

export function inJournalSet(set: JournalSet, journal: string): boolean {
  return 'only' in set ? set.only.includes(journal) : !set.except.includes(journal);
}

/**
 * Date window between the two sides: offset = left day − right day must lie in [min, max].
 * e.g. bank feed (right) 0..5 days before the Moss entry (left) = { min: 0, max: 5 }.
 */
export interface DateWindow {
  min: number;
  max: number;
}

/** One-to-one, exact opposite amounts. */
export interface ExactPass {
  kind: 'exact';
  method: string;
  /** Require equal invoice ids (pass key), no date window needed. */
  key: 'invoice' | 'amount';
  window: DateWindow | null;
  /**
   * What the text must show for an automatic match: 'invoice' (the key is the evidence),
   * 'similar' (word overlap ≥ minSimilarity), 'no-conflict' (references shared or absent),
   * 'unique' (nothing: the amount, unique both ways in the window, is the evidence — a payroll
   * journal's line texts share no reference with the bank's end-to-end ids).
   */
  autoEvidence: 'invoice' | 'similar' | 'no-conflict' | 'unique';
  minSimilarity?: number;
}

/** One-to-many and many-to-one by bounded subset-sum (GnuCash autoclear). */
export interface SubsetPass {
  kind: 'subset';
  method: string;
  window: DateWindow;
  /** Most lines on the "many" side. */
  maxSize: number;
  /** More candidates than this in the window: too ambiguous to search. */
  maxCandidates: number;
  /** Search nodes per anchor before giving up (ambiguous). */
  iterationCap: number;
}

/** Near amounts (fee, rounding): suggestions only, never automatic. */
export interface DifferencePass {
  kind: 'difference';
  method: string;
  window: DateWindow;
  /** |difference| ≤ max(toleranceCents, tolerancePermille/1000 × |amount|). */
  toleranceCents: Cents;
  tolerancePermille: number;
}

/**
 * Many-to-one per entry: all open document-side lines of one entry (a payroll run: one net-wage
 * line per employee) against one settlement line of their total (the salary batch).
 */
export interface BatchPass {
  kind: 'batch';
  method: string;
  /** offset = entry day − settlement day. */
  window: DateWindow;
  /** Entries with fewer open lines are left to the 1:1 pass. */
  minLines: number;
}

/**
 * Many-to-one per period: all document-side lines of one AFAS period (Year/Period) against one
 * settlement dated after the period's last day (a tax return paid the next month). A settlement
 * within `toleranceCents` of the total is a suggestion showing the difference, never automatic.
 */
export interface PeriodPass {
  kind: 'period';
  method: string;
  /** The settlement is dated 1..maxDaysAfter days after the period's last day. */
  maxDaysAfter: number;
  toleranceCents: Cents;
  /** Method of a near (rounding) suggestion. */
  differenceMethod: string;
}

/**
 * The document's number in the settlement: a document-side line's invoice id (an expense report's
 * number) found in a settlement's invoice id or text (REMI, EREF, a payment order's invoice id),
 * with the exact opposite amount; one settlement naming several documents pays them together (N:1).
 * Per number the settlements pay the documents in date order (a returned transfer, which names the
 * number too, is paid again by the next settlement naming it).
 */
export interface ReferencePass {
  kind: 'reference';
  method: string;
  /** Numbers shorter than this (letters and digits) are not looked for in texts. */
  minLength: number;
}

export type MatchPass = ExactPass | SubsetPass | DifferencePass | BatchPass | PeriodPass | ReferencePass;

/** Names shown for the two sides in messages, e.g. "Moss-boeking" / "bankbetaling". */
export interface SideNames {
  left: { nl: string; en: string };
  right: { nl: string; en: string };
}

/** How an open document-side item of the rule is named in messages ("loonrun" / "payroll run"). */
export interface EntryNames {
  nl: string;
  en: string;
}

export interface ClearingAccountRule {
  account: string;
  role: AccountRole;
  profile: ProfileId;
  /**
   * 'zero': must clear to 0; 'external': must equal an externally reported balance (wallet);
   * 'not-yet-due': must equal the document-side lines not yet due: those of the period itself
   * (paid after it ends), or with dueWithinDays those younger than that at the period's end;
   * 'unreleased': must equal minus the lines dated after the period, grouped by voucher (a
   * transitory account: what is still to be released), every voucher netting to zero over all dates.
   */
  expected: ExpectedKind;
  /** Not yet due = period end − entry date < this many days (an expense report's payment cycle). */
  dueWithinDays?: number;
  /** Journals that may post here; anything else is flagged. */
  allowedJournals: JournalSet;
  /** Accounts that tie to a balance keep no open items and have no passes. */
  tracksOpenItems: boolean;
  /** The two sides that pair: left = document side (purchase, Moss entry), right = settlement. */
  left: JournalSet;
  right: JournalSet;
  sideNames: SideNames;
  /** Set when an entry on the document side is a run (payroll), for the duplicate message. */
  entryNames?: EntryNames;
  /**
   * A returned transfer on the settlement side (SEPA /RTRN/, a credit back on the account) reopens
   * what it paid: it counts on the document side until the payee is paid again, and is flagged.
   */
  returnsReopen?: boolean;
  passes: readonly MatchPass[];
  /** Journals whose lines are checked for "exported twice" (same amount + date + description). */
  duplicateJournals: readonly string[];
  /** Check the same invoice id twice on one side (a creditor). */
  duplicateInvoices: boolean;
  /**
   * A later document-side line with the same invoice id and amount is a copy of the first (a
   * report exported twice): set aside by the passes, not part of the liability, not "missing".
   */
  invoiceCopies?: boolean;
  /**
   * Accounts with the same scope share their invoice ids: one on two of them (a report booked on
   * two employees' creditors) is flagged as a duplicate.
   */
  invoiceScope?: string;
  /** An unpaired line older than this many days (as of today) lacks its counterpart. */
  missingCounterpartDays: number;
  openDaysThreshold: number;
  /**
   * Transitory accounts (expected 'unreleased'): a voucher's remainder up to this many cents is a
   * rounding of the period amounts, for which a correction is suggested.
   */
  voucherRoundingCents?: Cents;
}

export interface ClearingRuleSet {
  /** The profiles the rule set was built from, in order. */
  profiles: readonly ProfileId[];
  accounts: readonly ClearingAccountRule[];
  tieOut: TieOutRule | null;
}

/**
 * Roll-forward of the account that ties to an external balance: its lines in `journal` are
 * classified by what else their entry touches (a top-up entry also hits cash in transit, a card
 * payment also hits a supplier).
 */
export interface TieOutRule {
  account: string;
  journal: string;
  topUpRoles: readonly AccountRole[];
  spendRoles: readonly AccountRole[];
  /** Card transactions dated this many days before period end are likely still in flight. */
  lateDays: number;
}
