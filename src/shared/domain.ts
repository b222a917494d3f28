// Plain domain types shared by main, renderer, CLI and tests. No imports of electron, node or react.
import type { Cents } from './money';

export type Lang = 'nl' | 'en';
export type EnvironmentType = 'production' | 'test' | 'accept';

/** "UnitId/JournalId/EntryNo/SeqNo": how AFAS identifies one mutation line. */
export type LineKey = string;

/**
 * Joined, not concatenated: V8 keeps a concatenation of this length as a tree of string pieces
 * (~130 bytes in the heap, for the life of the line), a join as one flat string (~40 bytes).
 * A million lines hold a million keys.
 */
export function lineKey(unitId: number, journalId: string, entryNo: number, seqNo: number): LineKey {
  return [unitId, journalId, entryNo, seqNo].join('/');
}

/** One financial mutation line (Profit_Transactions_Allocated row), money in cents. */
export interface MutationLine {
  key: LineKey;
  unitId: number;
  journalId: string;
  entryNo: number;
  seqNo: number;
  year: number;
  period: number;
  accountNo: string;
  /** AFAS `Type` (kind of account); undocumented values, never relied on alone. */
  accountType: string | null;
  /** YYYY-MM-DD, Amsterdam local date (AFAS's trailing Z ignored). */
  entryDate: string;
  voucherDate: string | null;
  voucherNo: string | null;
  invoiceId: string | null;
  /** `Description` (description of the entry) */
  description: string | null;
  /** `Omschrijving` (line description) */
  lineDescription: string | null;
  debit: Cents;
  credit: Cents;
  /** debit - credit */
  amount: Cents;
  modified: string | null;
}

/** The Moss profile of one administration: which accounts must clear and where lines come from. */
export interface MossProfile {
  balanceAccount: string;
  cashInTransitAccount: string;
  defaultSupplier: string;
  purchaseJournal: string;
  bankJournal: string;
  bankAccounts: string[];
  /** Merchant creditors the Moss purchase journal also uses; found from the data when omitted. */
  merchantCreditors?: string[];
  /** Bank-feed payment may precede the Moss entry by 0..N days (default 5). */
  citWindowDays?: number;
  /** Open longer than this many days gets a flag (default 30). */
  openDaysThreshold?: number;
}

/**
 * The Nmbrs profile (payroll, seed 002): the journal Nmbrs posts its runs in, the liabilities the
 * runs credit and the bank accounts that pay them.
 */
export interface NmbrsProfile {
  journal: string;
  /** Te betalen nettolonen: must clear to zero against the salary payments. */
  netWagesAccount: string;
  /** Af te dragen loonheffing: clears to the current period's liability (not yet due). */
  payrollTaxAccount: string;
  /** Af te dragen pensioenpremies, when the company has a pension scheme. */
  pensionAccount?: string;
  bankAccounts: string[];
}

/**
 * The Declaree profile (expense claims, seed 001): every approved report credits the employee's
 * creditor in the Declaree journal (InvoiceId = the report number); the reimbursement debits it,
 * from the bank feed or from an AFAS payment order through payments in transit.
 */
export interface DeclareeProfile {
  journal: string;
  /** Betalingen onderweg: a payment order's credits against the bank's one debit for the order. */
  paymentsInTransitAccount: string;
  /** Bank ledger accounts of the feed; the other profiles' bank accounts when omitted. */
  bankAccounts?: string[];
  /** The employees' creditor numbers; every creditor credited from the Declaree journal when omitted. */
  employeeCreditors?: string[];
  /** A report younger than this many days at the period's end is not yet due (default 14). */
  paymentCycleDays?: number;
}

/**
 * The Spend Cloud profile (invoice processing, seed 004): invoices whose costs are spread over
 * periods pass through a transitory account (export logics 024/027/997 method 1) or AFAS's
 * deferrals module (997 method 2, its own suspense account). Each release carries the invoice's
 * VoucherNo; the account holds exactly the deferrals still to be released.
 */
export interface SpendCloudProfile {
  /** The journal Spend Cloud books its invoices (and their releases) in, e.g. INK. */
  journal: string;
  /** The transitory (deferrals) accounts, e.g. 24302. */
  transitoryAccounts: string[];
}

/** The clearing profiles an administration can run, each a key of AdministrationConfig. */
export const PROFILE_IDS = ['moss', 'nmbrs', 'declaree', 'spendcloud'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

/**
 * One administration and the profiles it runs: each key is optional, at least one is present.
 * The old shape `{ profile: 'moss', moss: {…} }` stays valid: `profile` only names a key that
 * must then be there.
 */
export interface AdministrationConfig {
  unitId: number;
  name?: string;
  profile?: ProfileId;
  moss?: MossProfile;
  nmbrs?: NmbrsProfile;
  declaree?: DeclareeProfile;
  spendcloud?: SpendCloudProfile;
}

/** The profiles the administration runs, in PROFILE_IDS order. */
export function profilesOf(config: AdministrationConfig): ProfileId[] {
  return PROFILE_IDS.filter((id) => config[id] !== undefined);
}

export interface EnvironmentConfig {
  number: string;
  type: EnvironmentType;
  /** Everything up to and including /ProfitRestServices; for proxies and tests. */
  baseUrl?: string;
}

export interface Period {
  year: number;
  /** 1..12 */
  month: number;
}

export function periodLabel(p: Period): string {
  return `${String(p.month).padStart(2, '0')}-${p.year}`; // AFAS shows MM-YYYY
}

export function periodId(p: Period): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}`; // YYYY-MM for files and CLI
}

export function parsePeriodId(text: string): Period | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text.trim());
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

export interface Bilingual {
  nl: string;
  en: string;
}

/** A structured error: never a stack, never a secret. */
export interface AppError {
  code: string;
  message: Bilingual;
  action?: Bilingual;
  /** AFAS profitLogReference or similar, for support. */
  reference?: string;
}
