// The demo's journal entries before they become AFAS rows: what each line is for, so the truth
// (which lines clear with which, which stay open and why) is known by construction.
import type { Cents } from '../../../shared/money';

export type PlantedProblem =
  | 'bank-without-moss'
  | 'moss-without-bank'
  | 'split-top-up'
  | 'fee-difference'
  | 'exported-twice'
  /** The later of two identical entries (a payment, purchase or top-up Moss exported twice). */
  | 'duplicate-export'
  | 'payment-not-exported'
  | 'unexpected-journal'
  | 'wallet-difference'
  // Payroll (Nmbrs):
  /** The copy of a payroll run Nmbrs posted twice. */
  | 'run-posted-twice'
  /** A salary payment (an advance) with no run line behind it. */
  | 'payment-without-run'
  /** A salary transfer the employee's bank returned (/RTRN/), not paid again yet. */
  | 'returned-transfer'
  /** A tax payment rounded to whole euros: a rounding suggestion, not an automatic match. */
  | 'tax-rounding'
  /** A pension premium collected for a period without pension credits. */
  | 'payment-without-credits'
  /** A correction posted onto a payroll liability from the memorial journal. */
  | 'payroll-other-journal'
  // Expense claims (Declaree):
  /** The copy of a report Declaree exported twice onto one creditor (same number and amount). */
  | 'report-exported-twice'
  /** A report booked on the wrong employee's creditor (and then on the right one, same number). */
  | 'report-wrong-creditor'
  /** A report older than the payment cycle that nobody paid. */
  | 'report-unpaid'
  /** A reimbursement the employee's bank returned (/RTRN/); paid again the next month. */
  | 'reimbursement-returned'
  /** A transfer onto an employee creditor with no report behind it (an advance). */
  | 'payment-without-report'
  /** A report paid by the payment order and again by a direct transfer: the second payment. */
  | 'paid-twice'
  /** A correction posted onto an employee creditor from the memorial journal. */
  | 'declaree-other-journal'
  /** A payment order whose bank debit never came (the bank rejected the batch). */
  | 'order-not-executed'
  // Transitory account (Spend Cloud):
  /** An invoice whose release for one cost period is missing. */
  | 'release-missing'
  /** An invoice with one period's release booked twice. */
  | 'release-twice'
  /** An invoice booked on the transitory account whose period distribution was never exported. */
  | 'never-released'
  /** An invoice released in equal parts that leave a cent (rounding). */
  | 'release-rounding'
  /** A release whose invoice (voucher) has no booking on the account. */
  | 'release-without-booking'
  /** A release dated in a period before the invoice's booking (nets to zero). */
  | 'release-before-booking'
  /** Part of a release booked by hand in the memorial journal (nets to zero). */
  | 'transitory-other-journal';

export interface DraftLine {
  account: string;
  creditor: boolean;
  debit: Cents;
  credit: Cents;
  text: string;
  vatCode?: string | null;
  vatAmt?: Cents | null;
  costCentre?: string | null;
  /**
   * Lines sharing a group clear each other once all of them are booked (a card transaction on its
   * supplier, a top-up on Cash in Transit). Absent = not on a clearing account.
   */
  group?: string;
  /** The line stays open: the planted problem explains why. */
  problem?: PlantedProblem;
  /** Both lines of an entry Moss exported twice (kept and copy): one duplicate flag names them. */
  doubleExport?: string;
  /** The line's own invoice id (a payment order's line names the report it pays); else the entry's. */
  invoiceId?: string | null;
}

export interface DraftEntry {
  unitId: number;
  journalId: string;
  /** YYYY-MM-DD */
  date: string;
  invoiceId: string | null;
  description: string;
  lines: DraftLine[];
  /** Old AFAS habit on memorial and bank-feed lines: the empty amount side is null, not 0. */
  nullZeroSide?: boolean;
  mossRef?: string | null;
  /** The entry's VoucherNo when it is not its own number (a release carries its invoice's). */
  voucherNo?: string;
  /**
   * When AFAS created it (YYYY-MM-DD), when not the day after its date: the release entries of
   * future periods are created with their invoice, so no Modified lies in the future.
   */
  createdOn?: string;
}
