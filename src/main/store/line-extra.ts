// What a stored mutation line keeps of its AFAS row besides its columns: every field the columns do
// not hold (DimAx1..5, VatCode, Created, unknown extras), plus any mapped field whose value the
// columns cannot give back exactly ('' text, a date with a time of day, an amount sent as text).
// restoreRow(columns, extra) is the AFAS row again, so audit and re-parsing lose nothing, while a
// row stores ~130 bytes instead of ~500 and skips a full JSON.stringify. A full raw row (as stored
// before schema 7) is a valid extra as well: its fields simply win.
// Not kept: the order of the fields, and the difference between an absent mapped field and null.
import type { MutationLine } from '../../shared/domain';
import type { AfasRow } from '../afas/types';
import type { LineRow } from './lines';

const MAPPED = new Set([
  'UnitId', 'JournalId', 'EntryNo', 'SeqNo', 'Year', 'Period', 'AccountNo', 'Type', 'EntryDate', 'VoucherDate',
  'VoucherNo', 'InvoiceId', 'Description', 'Omschrijving', 'AmtDebit', 'AmtCredit', 'Modified',
]);

/** AFAS's own form of a date column ("2025-04-30" → "2025-04-30T00:00:00Z"). */
const afasDate = (d: string | null): string | null => (d === null ? null : `${d}T00:00:00Z`);
const afasDateTime = (d: string | null): string | null => (d === null ? null : `${d}Z`);

/** The columns' values in AFAS's own shape, field by field. */
function fromColumns(l: LineRow): AfasRow {
  return {
    UnitId: l.unit_id,
    JournalId: l.journal_id,
    EntryNo: l.entry_no,
    SeqNo: l.seq_no,
    Year: l.year,
    Period: l.period,
    AccountNo: l.account_no,
    Type: l.account_type,
    EntryDate: afasDate(l.entry_date),
    VoucherDate: afasDate(l.voucher_date),
    VoucherNo: l.voucher_no,
    InvoiceId: l.invoice_id,
    Description: l.description,
    Omschrijving: l.line_description,
    AmtDebit: l.debit / 100,
    AmtCredit: l.credit / 100,
    Modified: afasDateTime(l.modified),
  };
}

/** The extra JSON of `row`, parsed as `line`. */
export function lineExtra(row: AfasRow, line: MutationLine): string {
  return JSON.stringify(extraFields(row, line));
}

/** The extra of `row`, parsed as `line`, as an object (a sync writes it inside its batch JSON). */
export function extraFields(row: AfasRow, line: MutationLine): AfasRow {
  const extra: AfasRow = {};
  for (const k in row) if (!MAPPED.has(k)) extra[k] = row[k];
  // Mapped fields, kept only where the column does not give the value back (integer cents / 100
  // is the double nearest the decimal, so an amount sent as a number compares equal).
  if (row.UnitId !== line.unitId) extra.UnitId = row.UnitId;
  if (row.JournalId !== line.journalId) extra.JournalId = row.JournalId;
  if (row.EntryNo !== line.entryNo) extra.EntryNo = row.EntryNo;
  if (row.SeqNo !== line.seqNo) extra.SeqNo = row.SeqNo;
  if (row.Year !== line.year) extra.Year = row.Year;
  if (row.Period !== line.period) extra.Period = row.Period;
  if (row.AccountNo !== line.accountNo) extra.AccountNo = row.AccountNo;
  if (row.Type !== line.accountType) extra.Type = row.Type;
  if (row.EntryDate !== afasDate(line.entryDate)) extra.EntryDate = row.EntryDate;
  if (row.VoucherDate !== afasDate(line.voucherDate)) extra.VoucherDate = row.VoucherDate;
  if (row.VoucherNo !== line.voucherNo) extra.VoucherNo = row.VoucherNo;
  if (row.InvoiceId !== line.invoiceId) extra.InvoiceId = row.InvoiceId;
  if (row.Description !== line.description) extra.Description = row.Description;
  if (row.Omschrijving !== line.lineDescription) extra.Omschrijving = row.Omschrijving;
  if (row.AmtDebit !== line.debit / 100) extra.AmtDebit = row.AmtDebit;
  if (row.AmtCredit !== line.credit / 100) extra.AmtCredit = row.AmtCredit;
  if (row.Modified !== afasDateTime(line.modified)) extra.Modified = row.Modified;
  return extra;
}

/** The AFAS row a stored line came from: its columns in AFAS's shape, overridden by its extra. */
export function restoreRow(columns: LineRow, extra: string): AfasRow {
  return { ...fromColumns(columns), ...(JSON.parse(extra) as AfasRow) };
}
