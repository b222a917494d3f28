// A slice is one administration (unit) × one entry-date month: small enough that `skip` stays
// small, and the unit of change detection, staging and resume.
import type { Period } from '../../shared/domain';
import type { FilterGroups } from '../afas/types';

export interface MonthSlice {
  /** YYYY-MM */
  month: string;
  /** First day, YYYY-MM-DD */
  start: string;
  /** Last day, YYYY-MM-DD */
  end: string;
  /** First day of the next month, YYYY-MM-DD (exclusive upper bound for AFAS filters) */
  next: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function monthSlice(year: number, month: number): MonthSlice {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const ny = month === 12 ? year + 1 : year;
  const nm = month === 12 ? 1 : month + 1;
  return { month: `${year}-${pad(month)}`, start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(last)}`, next: `${ny}-${pad(nm)}-01` };
}

export function sliceOf(month: string): MonthSlice {
  return monthSlice(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

/** Months from..to inclusive; empty when to < from. */
export function monthsBetween(from: Period, to: Period): MonthSlice[] {
  const out: MonthSlice[] = [];
  let y = from.year;
  let m = from.month;
  while (y < to.year || (y === to.year && m <= to.month)) {
    out.push(monthSlice(y, m));
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** AFAS filter value for the start of a day: local time, no Z. */
export const dayStart = (date: string) => `${date}T00:00:00`;

/**
 * Lines of a unit in a month on any of the accounts: one OR group per account, each a complete
 * AND set (unit, date range, account), since AFAS has no IN operator.
 */
export function sliceFilter(unitId: number, slice: MonthSlice, accounts: readonly string[]): FilterGroups {
  return accounts.map((account) => [
    { fieldId: 'UnitId', operator: 1, value: String(unitId) },
    { fieldId: 'EntryDate', operator: 2, value: dayStart(slice.start) },
    { fieldId: 'EntryDate', operator: 5, value: dayStart(slice.next) },
    { fieldId: 'AccountNo', operator: 1, value: account },
  ]);
}

/** Keeps the query string under AFAS's ~2,049 characters: about 110 characters per OR group. */
export const ACCOUNTS_PER_REQUEST = 12;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Order that makes paging stable: the line's identity. */
export const LINE_ORDER = ['UnitId', 'JournalId', 'EntryNo', 'SeqNo'];

/** Today's date in Amsterdam (AFAS's local time), YYYY-MM-DD. */
export function amsterdamDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
