// AFAS periods of lines, and which periods a settlement can pay: a period's liability is paid in
// one payment after the period's last day, within a number of days (payroll taxes: 45).
import type { MutationLine, Period } from '../../shared/domain';
import { dayNumber, periodDays } from './dates';

/** The line's AFAS period (Year/Period); an opening or closing period (0, 13+) by its entry date. */
export function linePeriod(line: Pick<MutationLine, 'year' | 'period' | 'entryDate'>): Period {
  if (line.period >= 1 && line.period <= 12 && line.year > 0) return { year: line.year, month: line.period };
  return { year: Number(line.entryDate.slice(0, 4)), month: Number(line.entryDate.slice(5, 7)) };
}

export const periodKey = (p: Period): string => `${p.year}-${String(p.month).padStart(2, '0')}`;

/** Periods whose last day lies 1..maxDaysAfter days before `day`: those a payment on `day` can pay. */
export function periodsPaidOn(day: number, maxDaysAfter: number): Period[] {
  const out: Period[] = [];
  const from = dateParts(day - maxDaysAfter);
  for (let p = { year: from.year, month: from.month }; ; p = next(p)) {
    const last = periodDays(p).last;
    if (last >= day) break;
    if (last >= day - maxDaysAfter) out.push(p);
  }
  return out;
}

function next(p: Period): Period {
  return p.month === 12 ? { year: p.year + 1, month: 1 } : { year: p.year, month: p.month + 1 };
}

function dateParts(day: number): Period {
  // The month containing `day`: step from a first guess (days are ~30.44 per month).
  let p: Period = { year: 1970 + Math.floor(day / 365.2425), month: 1 };
  while (periodDays(p).first > day) p = p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 };
  while (periodDays(p).last < day) p = next(p);
  return p;
}

export { dayNumber };
