// The JSON report of `kruispost reconcile` (shape documented in REPORT.md). Every amount is an exact
// decimal string with a dot (centsToDecimal): "1234.56", "-0.35". Never a token.
import { lineDisplayText, parseBankText } from '../../shared/bank-text';
import type { Bilingual, MutationLine, Period, ProfileId } from '../../shared/domain';
import { periodId } from '../../shared/domain';
import { centsToDecimal } from '../../shared/money';
import type { AccountRole, AdministrationResult, FlagCode, MatchStatus } from '../../shared/reconcile';
import type { RetryCounts } from '../../shared/views';

export const REPORT_VERSION = 1;

export interface ReportOpenItem {
  /** UnitId/JournalId/EntryNo/SeqNo */
  line: string;
  date: string;
  amount: string;
  /**
   * The controller's note, else the engine's reason ("not-yet-due": expected open, the period's own
   * payroll tax or pension; "not-fully-released" / "release-without-booking": a transitory
   * account's voucher that does not net to zero), else the flag codes (comma-separated), else "unmatched".
   */
  reason: string;
  ageDays: number;
  /** The line's invoice id (an expense report's number, a purchase's invoice), when it has one. */
  invoiceId?: string;
  flags: FlagCode[];
  note: string | null;
  /** The line's text; a SEPA structured bank text as counterparty · remittance. */
  description: string | null;
  /** Bank-feed lines with a SEPA structured text: who paid or was paid, and what for. */
  counterparty?: { name: string | null; iban: string | null };
  remittance?: string | null;
  /** Transitory accounts: the line's voucher and what that voucher does not net to over all dates. */
  voucherNo?: string;
  remainder?: string;
}

/** A transitory account's voucher that is open at the period's end (not fully released, or an orphan release). */
export interface ReportVoucher {
  voucherNo: string;
  status: string;
  bookedOn: string | null;
  invoiceId: string | null;
  description: string | null;
  booked: string;
  releasedThrough: string;
  toRelease: string;
  balance: string;
  remainder: string;
  firstRelease: string | null;
  lastRelease: string | null;
  flags: FlagCode[];
}

export interface ReportAccount {
  role: AccountRole;
  /** The clearing profile the account belongs to. */
  profile: ProfileId;
  account: string;
  name: string | null;
  opening: string;
  debit: string;
  credit: string;
  closing: string;
  /**
   * "0.00"; the wallet for mossBalance; the not-yet-due open items' sum for payrollTax and pension
   * (the period's own credits) and for employeeCreditor (reports within the payment cycle); minus the
   * releases still to come for transitory.
   */
  expected: string;
  /** employeeCreditor: a report younger than this many days at the period's end is not yet due. */
  paymentCycleDays?: number;
  difference: string;
  clears: boolean;
  status: string;
  lineCount: number;
  openItems: ReportOpenItem[];
  /** Transitory accounts only: how many vouchers the account holds at the period's end, and the open ones. */
  voucherCount?: number;
  openVouchers?: ReportVoucher[];
}

export interface ReportAdministration {
  unitId: number;
  name: string | null;
  clears: boolean;
  walletBalance: string | null;
  accounts: ReportAccount[];
  matchCounts: Record<MatchStatus, number>;
  flags: { code: FlagCode; severity: string; account: string; lines: string[]; message: Bilingual }[];
  workbook: string | null;
}

export interface Report {
  version: number;
  /** YYYY-MM */
  period: string;
  environment: string;
  generatedAt: string;
  clears: boolean;
  /** The sync this report was made after. */
  sync: { retries: RetryCounts };
  administrations: ReportAdministration[];
}

/** One administration's entry: built where the result is (the backend), so only this crosses. */
export function reportAdministration(r: AdministrationResult, walletBalance: number | null, workbook: string | null): ReportAdministration {
  return {
    unitId: r.unitId,
    name: r.name,
    clears: r.accounts.every((a) => a.clears),
    walletBalance: walletBalance === null ? null : centsToDecimal(walletBalance),
    accounts: r.accounts.map((a) => ({
      role: a.role,
      profile: a.profile ?? 'moss',
      account: a.account,
      name: a.name,
      opening: centsToDecimal(a.opening),
      debit: centsToDecimal(a.debit),
      credit: centsToDecimal(a.credit),
      closing: centsToDecimal(a.closing),
      expected: centsToDecimal(a.expected),
      ...(a.dueWithinDays !== undefined ? { paymentCycleDays: a.dueWithinDays } : {}),
      difference: centsToDecimal(a.difference),
      clears: a.clears,
      status: a.status,
      lineCount: a.lineCount,
      openItems: a.openItems.map((o) => ({
        line: o.line.key,
        date: o.line.entryDate,
        amount: centsToDecimal(o.line.amount),
        reason: o.note ?? o.reason ?? (o.flags.length > 0 ? o.flags.join(',') : 'unmatched'),
        ageDays: o.ageDays,
        ...(o.line.invoiceId ? { invoiceId: o.line.invoiceId } : {}),
        flags: o.flags,
        note: o.note,
        ...describe(o.line),
        ...(o.voucherNo !== undefined ? { voucherNo: o.voucherNo } : {}),
        ...(o.remainder !== undefined ? { remainder: centsToDecimal(o.remainder) } : {}),
      })),
      ...(a.openVouchers
        ? {
            voucherCount: a.voucherCount ?? 0,
            openVouchers: a.openVouchers.map((v) => ({
              voucherNo: v.voucherNo,
              status: v.status,
              bookedOn: v.bookedOn,
              invoiceId: v.invoiceId,
              description: v.description,
              booked: centsToDecimal(v.booked),
              releasedThrough: centsToDecimal(v.releasedThrough),
              toRelease: centsToDecimal(v.toRelease),
              balance: centsToDecimal(v.balance),
              remainder: centsToDecimal(v.remainder),
              firstRelease: v.firstRelease,
              lastRelease: v.lastRelease,
              flags: v.flags,
            })),
          }
        : {}),
    })),
    matchCounts: r.matchCounts,
    flags: r.flags.map((f) => ({ code: f.code, severity: f.severity, account: f.account, lines: f.lines, message: f.message })),
    workbook,
  };
}

export function buildReport(p: {
  period: Period;
  environment: string;
  generatedAt: string;
  administrations: ReportAdministration[];
  /** The AFAS client's retries during the sync, per connector and status. */
  retries?: RetryCounts;
}): Report {
  return {
    version: REPORT_VERSION,
    period: periodId(p.period),
    environment: p.environment,
    generatedAt: p.generatedAt,
    clears: p.administrations.every((a) => a.clears),
    sync: { retries: p.retries ?? {} },
    administrations: p.administrations,
  };
}

function describe(line: MutationLine): Pick<ReportOpenItem, 'description' | 'counterparty' | 'remittance'> {
  const raw = line.lineDescription ?? line.description;
  const sepa = parseBankText(raw);
  if (!sepa) return { description: raw };
  return {
    description: lineDisplayText(line),
    counterparty: { name: sepa.counterparty.name, iban: sepa.counterparty.iban },
    remittance: sepa.structuredReference ?? sepa.remittance,
  };
}
