// Fallback Profit_Transactions_Allocated row → MutationLine parser, used until the AFAS client's
// own parser is injected. Money via toCents (exact); AFAS's trailing Z on dates is ignored.
import { lineKey, type MutationLine } from '../../shared/domain';
import { toCents } from '../../shared/money';
import type { AfasRow } from '../afas/types';

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const date = (v: unknown): string | null => (typeof v === 'string' && v.length >= 10 ? v.slice(0, 10) : null);
const int = (v: unknown, field: string): number => {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n)) throw new RangeError(`Row field ${field} is not an integer: ${JSON.stringify(v)}`);
  return n;
};
const cents = (v: unknown): number => (v === null || v === undefined || v === '' ? 0 : toCents(v as number | string));

export function parseMutationRow(row: AfasRow): MutationLine {
  const unitId = int(row.UnitId, 'UnitId');
  const journalId = text(row.JournalId);
  const entryDate = date(row.EntryDate);
  if (journalId === null || entryDate === null) throw new RangeError('Row lacks JournalId or EntryDate');
  const entryNo = int(row.EntryNo, 'EntryNo');
  const seqNo = int(row.SeqNo, 'SeqNo');
  const debit = cents(row.AmtDebit);
  const credit = cents(row.AmtCredit);
  return {
    key: lineKey(unitId, journalId, entryNo, seqNo),
    unitId,
    journalId,
    entryNo,
    seqNo,
    year: int(row.Year, 'Year'),
    period: int(row.Period, 'Period'),
    accountNo: text(row.AccountNo) ?? '',
    accountType: text(row.Type),
    entryDate,
    voucherDate: date(row.VoucherDate),
    voucherNo: text(row.VoucherNo),
    invoiceId: text(row.InvoiceId),
    description: text(row.Description),
    lineDescription: text(row.Omschrijving),
    debit,
    credit,
    amount: debit - credit,
    modified: text(row.Modified),
  };
}
