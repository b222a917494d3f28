// Pure: a match group read as a batch — one line on one side against many on the other (a salary
// batch against a run's net-wage lines, a tax payment against a period's credits).
import type { ViewLine } from './line-columns';

export interface BatchView {
  one: ViewLine;
  many: ViewLine[];
  /** "LON 700006", one per entry of the many side, in order. */
  entries: string[];
  from: string;
  to: string;
  total: number;
  /** Sum of the whole group (0, or the stated difference). */
  sum: number;
}

/** The group as a batch, or null when it is not one (fewer than three lines, or many on both sides). */
export function batchOf(lines: readonly ViewLine[]): BatchView | null {
  if (lines.length < 3) return null;
  const debit = lines.filter((l) => l.amount >= 0);
  const credit = lines.filter((l) => l.amount < 0);
  const [one, many] = debit.length === 1 && credit.length >= 2 ? [debit[0]!, credit] : credit.length === 1 && debit.length >= 2 ? [credit[0]!, debit] : [null, []];
  if (!one) return null;
  const sorted = [...many].sort((a, b) => (a.entryDate < b.entryDate ? -1 : a.entryDate > b.entryDate ? 1 : a.key < b.key ? -1 : 1));
  const entries = [...new Set(sorted.map((l) => `${l.journalId} ${l.entryNo}`))];
  const total = sorted.reduce((s, l) => s + l.amount, 0);
  return { one, many: sorted, entries, from: sorted[0]!.entryDate, to: sorted[sorted.length - 1]!.entryDate, total, sum: total + one.amount };
}

/**
 * The open lines of the focused line's entry on this account (a run's lines), when more than one.
 * `lines` come from main in (entry date, key) order and an entry's lines share its date: only that
 * day is scanned (a 100,000-line account stays quick on every click).
 */
export function entryLines(lines: readonly ViewLine[], focus: Pick<ViewLine, 'entryDate' | 'journalId' | 'entryNo'>, isMatched: (key: string) => boolean): ViewLine[] {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines[mid]!.entryDate < focus.entryDate) lo = mid + 1;
    else hi = mid;
  }
  const same: ViewLine[] = [];
  for (let i = lo; i < lines.length && lines[i]!.entryDate === focus.entryDate; i++) {
    const l = lines[i]!;
    if (l.journalId === focus.journalId && l.entryNo === focus.entryNo && !isMatched(l.key)) same.push(l);
  }
  return same.length > 1 ? same : [];
}
