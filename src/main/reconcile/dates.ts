// Calendar arithmetic on YYYY-MM-DD strings as integer day numbers (days since 1970-01-01).
// No Date objects: dates are AFAS local dates and must never shift with a time zone.
import type { Period } from '../../shared/domain';

const cache = new Map<string, number>();

/** Day number of a YYYY-MM-DD date (proleptic Gregorian, Howard Hinnant's days_from_civil). */
export function dayNumber(date: string): number {
  // Fast path, run for every line: exactly YYYY-MM-DD in ASCII digits, computed without a lookup.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y0 = digits(date, 0, 4);
    const m = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (y0 > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) return civilDays(y0, m, d);
  }
  const hit = cache.get(date);
  if (hit !== undefined) return hit;
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (!(y0 > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) throw new RangeError(`Not a date: ${date}`);
  const days = civilDays(y0, m, d);
  if (cache.size > 100_000) cache.clear();
  cache.set(date, days);
  return days;
}

/** The decimal number in s[from, to), or -1 when a character is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function civilDays(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** YYYY-MM-DD of a day number (civil_from_days). */
export function dateOfDay(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface PeriodDays {
  first: number;
  last: number;
  firstDate: string;
  lastDate: string;
}

export function periodDays(p: Period): PeriodDays {
  const mm = String(p.month).padStart(2, '0');
  const first = dayNumber(`${p.year}-${mm}-01`);
  const next = p.month === 12 ? `${p.year + 1}-01-01` : `${p.year}-${String(p.month + 1).padStart(2, '0')}-01`;
  const last = dayNumber(next) - 1;
  return { first, last, firstDate: dateOfDay(first), lastDate: dateOfDay(last) };
}
