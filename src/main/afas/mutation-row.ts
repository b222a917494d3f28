// A Profit_Transactions_Allocated row → MutationLine: exact cents, Amsterdam-local dates, nulls
// tolerated, unknown extra fields ignored. Field ids as in AFAS's OpenAPI description.
import { isCalendarDate } from '../../shared/dates';
import { lineKey, type MutationLine } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { toCents, type Cents } from '../../shared/money';
import type { AfasRow } from './types';

/** The field ids this module reads (also what a custom connector must provide, or map). */
export const MUTATION_FIELDS = [
  'UnitId',
  'JournalId',
  'EntryNo',
  'SeqNo',
  'Year',
  'Period',
  'AccountNo',
  'Type',
  'EntryDate',
  'VoucherDate',
  'VoucherNo',
  'InvoiceId',
  'Description',
  'Omschrijving',
  'AmtDebit',
  'AmtCredit',
  'Modified',
] as const;

/** Order that pages Profit_Transactions_Allocated without gaps: the line's identity. */
export const MUTATION_ORDER = ['UnitId', 'JournalId', 'EntryNo', 'SeqNo'];

const SHAPE_20 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Two ASCII digits at i as a number (the shape was checked by a regex first). */
const two = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/** The calendar day exists and the time (if any) is a time of day: 2025-02-30 and T25:00 are not. */
function realMoment(s: string, time: boolean, h = 11, m = 14, sec = 17): boolean {
  const year = two(s, 0) * 100 + two(s, 2);
  if (!isCalendarDate(year, two(s, 5), two(s, 8))) return false;
  return !time || (two(s, h) < 24 && two(s, m) < 60 && (sec < 0 || two(s, sec) < 60));
}

/** The date part of an AFAS date or date-time, or null when it is absent, malformed or not a real moment. */
function dateMatch(value: unknown): RegExpExecArray | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  const m = DATE.exec(v);
  if (!m) return null;
  const hasTime = m[4] !== undefined;
  // Positions in the trimmed text: "YYYY-MM-DDTHH:MM:SS"; seconds are optional.
  return realMoment(v, hasTime, 11, 14, m[6] !== undefined ? 17 : -1) ? m : null;
}

/**
 * AFAS writes "2025-04-30T00:00:00Z" but means Amsterdam local time: the Z is dropped, never
 * converted (converting would move midnight entries to the previous day). → "2025-04-30".
 * An impossible date (2025-13-45, 2025-02-30) is null, like a malformed one.
 */
export function parseAfasDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // Fast path for AFAS's own shape "YYYY-MM-DDT00:00:00Z" (millions of rows per sync).
  if (value.length === 20 && value.charCodeAt(10) === 84 && SHAPE_20.test(value)) return realMoment(value, true) ? value.slice(0, 10) : null;
  const m = dateMatch(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Date and time as AFAS meant them (local, Z dropped): "2025-04-30T13:05:00". */
export function parseAfasDateTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (value.length === 20 && value.charCodeAt(10) === 84 && SHAPE_20.test(value)) return realMoment(value, true) ? value.slice(0, 19) : null;
  const m = dateMatch(value);
  if (!m) return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
}

/** Absent (null, undefined, '') is null; present but not a real date is a refused row. */
function optionalDate<T>(value: unknown, field: string, row: AfasRow, parse: (v: unknown) => T | null): T | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = parse(value);
  if (parsed === null) throw invalid(field, row);
  return parsed;
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = typeof value === 'string' ? value : String(value);
  return s === '' ? null : s;
}

/** Only safe integers: 1e21 would key as "1e+21" and 2^53+1 reads as 2^53, colliding with it. */
function int(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^-?\d{1,16}$/.test(value.trim())) {
    const n = Number(value.trim());
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

/** null/absent → 0; numbers through their shortest decimal text, so 0.29 is 29 cents exactly. */
function cents(value: unknown, field: string, row: AfasRow): Cents {
  if (value === null || value === undefined || value === '') return 0;
  if (typeof value !== 'number' && typeof value !== 'string') throw invalid(field, row);
  if (typeof value === 'number') {
    // Fast path for the common case, a number with at most two decimals. The candidate c comes
    // from a float product, but it is only accepted when c / 100 (one correctly rounded division)
    // is the very same double: then the decimal c/100 reads back as `value`, i.e. `value` IS that
    // amount, and c is exact. Below 10^12 euros a double is finer than a cent by far, so no other
    // two-decimal amount reads back as it. Anything else (1.005, 1e-7, huge) takes the text path.
    const c = Math.round(value * 100);
    if (c / 100 === value && c < 1e14 && c > -1e14) return c === 0 ? 0 : c;
  }
  try {
    return toCents(value);
  } catch {
    throw invalid(field, row);
  }
}

function invalid(field: string, row: AfasRow): AppFailure {
  const where = [row.UnitId, row.JournalId, row.EntryNo, row.SeqNo].map((v) => (v === undefined || v === null ? '?' : String(v))).join('/');
  return new AppFailure(
    'afas.row_invalid',
    {
      nl: `Een mutatieregel uit AFAS (${where}) heeft geen geldige waarde in veld ${field}.`,
      en: `A mutation line from AFAS (${where}) has no valid value in field ${field}.`,
    },
    {
      nl: 'Gebruikt u een aangepaste GetConnector, controleer dan de veldkoppeling in de instellingen (het veld moet hetzelfde type hebben als in Profit_Transactions_Allocated).',
      en: 'With a customised GetConnector, check the field mapping in the settings (the field must have the same type as in Profit_Transactions_Allocated).',
    },
  );
}

export function toMutationLine(row: AfasRow): MutationLine {
  const unitId = int(row.UnitId);
  const journalId = text(row.JournalId);
  const entryNo = int(row.EntryNo);
  const seqNo = int(row.SeqNo);
  const year = int(row.Year);
  const period = int(row.Period);
  const accountNo = text(row.AccountNo);
  const entryDate = parseAfasDate(row.EntryDate);
  if (unitId === null) throw invalid('UnitId', row);
  if (journalId === null) throw invalid('JournalId', row);
  if (entryNo === null) throw invalid('EntryNo', row);
  if (seqNo === null) throw invalid('SeqNo', row);
  if (year === null) throw invalid('Year', row);
  if (period === null) throw invalid('Period', row);
  if (accountNo === null) throw invalid('AccountNo', row);
  if (entryDate === null) throw invalid('EntryDate', row);
  const debit = cents(row.AmtDebit, 'AmtDebit', row);
  const credit = cents(row.AmtCredit, 'AmtCredit', row);
  return {
    key: lineKey(unitId, journalId, entryNo, seqNo),
    unitId,
    journalId,
    entryNo,
    seqNo,
    year,
    period,
    accountNo,
    accountType: text(row.Type),
    entryDate,
    voucherDate: optionalDate(row.VoucherDate, 'VoucherDate', row, parseAfasDate),
    voucherNo: text(row.VoucherNo),
    invoiceId: text(row.InvoiceId),
    description: text(row.Description),
    lineDescription: text(row.Omschrijving),
    debit,
    credit,
    amount: debit - credit,
    modified: optionalDate(row.Modified, 'Modified', row, parseAfasDateTime),
  };
}
