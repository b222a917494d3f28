// Period helpers for the picker: MM-YYYY in, Period out.
import type { Period } from '../../../shared/domain';

export function parsePeriodLabel(text: string): Period | null {
  const m = /^\s*(0?[1-9]|1[0-2])\s*[-/]\s*(\d{4})\s*$/.exec(text);
  return m ? { month: Number(m[1]), year: Number(m[2]) } : null;
}

export function shiftPeriod(p: Period, months: number): Period {
  const index = p.year * 12 + (p.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The month a controller closes by default: the previous calendar month (until main suggests one). */
export function defaultPeriod(today = new Date()): Period {
  return shiftPeriod({ year: today.getFullYear(), month: today.getMonth() + 1 }, -1);
}
