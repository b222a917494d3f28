// Opening, movements, closing and the end-of-day balance for every day of the period.
import type { MutationLine } from '../../shared/domain';
import type { Cents } from '../../shared/money';
import { AGE_BUCKETS, type AgeBucket } from '../../shared/reconcile';
import { dateOfDay, type PeriodDays } from './dates';
import { tick } from './tick';

export interface Balances {
  opening: Cents;
  debit: Cents;
  credit: Cents;
  closing: Cents;
  lineCount: number;
  dailyBalances: { date: string; balance: Cents }[];
}

/** Lines after the period's last day are ignored; those before it make up the opening balance. */
export function accountBalances(lines: readonly MutationLine[], day: readonly number[], p: PeriodDays): Balances {
  const days = p.last - p.first + 1;
  const perDay = new Array<number>(days).fill(0);
  let opening = 0;
  let debit = 0;
  let credit = 0;
  let lineCount = 0;
  for (let j = 0; j < lines.length; j++) {
    tick();
    const l = lines[j]!;
    const d = day[j]!;
    if (d < p.first) opening += l.amount;
    else if (d <= p.last) {
      perDay[d - p.first]! += l.amount;
      debit += l.debit;
      credit += l.credit;
      lineCount++;
    }
  }
  const dailyBalances: { date: string; balance: Cents }[] = [];
  let running = opening;
  for (let i = 0; i < days; i++) {
    running += perDay[i]!;
    dailyBalances.push({ date: dateOfDay(p.first + i), balance: running });
  }
  return { opening, debit, credit, closing: running, lineCount, dailyBalances };
}

export function ageBucket(days: number): AgeBucket {
  if (days <= 30) return '0-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  if (days <= 180) return '91-180';
  return '180+';
}

export function emptyAging(): Record<AgeBucket, Cents> {
  const out = {} as Record<AgeBucket, Cents>;
  for (const b of AGE_BUCKETS) out[b] = 0;
  return out;
}
