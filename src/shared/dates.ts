// Dates are Amsterdam-local calendar dates as 'YYYY-MM-DD' strings; arithmetic in whole days (UTC
// noon avoids DST edges). Display: nl 31-03-2025, en 31-03-2025 too (controllers read dd-mm-yyyy).

export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : isoDate;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real day of the Gregorian calendar: 2024-02-29 is, 2025-02-30 and 2025-13-45 are not. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (MONTH_DAYS[month - 1] as number) + (leap ? 1 : 0);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((dayNumber(toIso) - dayNumber(fromIso)));
}

export function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return Math.floor(Date.UTC(y!, m! - 1, d!, 12) / 86_400_000);
}

export function addDays(isoDate: string, days: number): string {
  const t = new Date((dayNumber(isoDate) + days) * 86_400_000 + 43_200_000);
  return t.toISOString().slice(0, 10);
}

export function periodBounds(p: { year: number; month: number }): { first: string; last: string } {
  const first = `${p.year}-${String(p.month).padStart(2, '0')}-01`;
  const lastDay = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return { first, last: `${p.year}-${String(p.month).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}` };
}
