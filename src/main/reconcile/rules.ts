// The generic "clearing rule set": which accounts must clear (or tie to an external balance),
// which journals may post to them, and the ordered passes that pair their lines. A profile
// (Moss, later Declaree/Nmbrs/Spend Cloud) is a function from its configuration (and the data,
// for discovered accounts) to one of these; the engine knows nothing about Moss.
import type { Cents } from '../../shared/money';
import type { AccountRole } from '../../shared/reconcile';

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
   * 'similar' (word overlap ≥ minSimilarity), 'no-conflict' (references shared or absent).
   */
  autoEvidence: 'invoice' | 'similar' | 'no-conflict';
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

export type MatchPass = ExactPass | SubsetPass | DifferencePass;

/** Names shown for the two sides in messages, e.g. "Moss-boeking" / "bankbetaling". */
export interface SideNames {
  left: { nl: string; en: string };
  right: { nl: string; en: string };
}

export interface ClearingAccountRule {
  account: string;
  role: AccountRole;
  /** 'zero': must clear to 0; 'external': must equal an externally reported balance (wallet). */
  expected: 'zero' | 'external';
  /** Journals that may post here; anything else is flagged. */
  allowedJournals: JournalSet;
  /** Accounts that tie to a balance keep no open items and have no passes. */
  tracksOpenItems: boolean;
  /** The two sides that pair: left = document side (purchase, Moss entry), right = settlement. */
  left: JournalSet;
  right: JournalSet;
  sideNames: SideNames;
  passes: readonly MatchPass[];
  /** Journals whose lines are checked for "exported twice" (same amount + date + description). */
  duplicateJournals: readonly string[];
  /** Check the same invoice id twice on one side (a creditor). */
  duplicateInvoices: boolean;
  /** An unpaired line older than this many days (as of today) lacks its counterpart. */
  missingCounterpartDays: number;
  openDaysThreshold: number;
}

export interface ClearingRuleSet {
  profile: string;
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
