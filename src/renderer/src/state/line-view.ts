// Pure: which match each line is in (from the result), and the filtered, sorted two sides.
import type { Lang, LineKey } from '../../../shared/domain';
import { parseEuroInput } from '../../../shared/money';
import type { AdministrationResult, MatchGroup } from '../../../shared/reconcile';
import { parseDayInput } from './day-input';
import type { ViewLine } from './line-columns';
import type { Filters, SortKey } from './matching';

/** The group a line is in, as the result has it (difference, reason, who and when included). */
export type LineMatch = MatchGroup;

/** Confirmed and stale beat suggested: a line shows the strongest claim on it. */
export function matchIndex(result: AdministrationResult | null, account: string): Map<LineKey, LineMatch> {
  const index = new Map<LineKey, LineMatch>();
  if (!result) return index;
  for (const m of result.matches) {
    if (m.account !== account) continue;
    for (const key of m.lines) {
      const had = index.get(key);
      if (!had || had.status === 'suggested') index.set(key, m);
    }
  }
  return index;
}

export interface Sides {
  debit: ViewLine[];
  credit: ViewLine[];
  total: number;
}

/**
 * Sorting 100,000 lines is the expensive part: done once per (lines, sort), not per decision. Main
 * sends lines in (date, key) order, so the default sort costs nothing.
 */
export function sortLines(lines: ViewLine[], sort: { key: SortKey; dir: 1 | -1 }): ViewLine[] {
  if (sort.key === 'entryDate' && sort.dir === 1) return lines;
  return [...lines].sort(comparer(sort.key, sort.dir));
}

/** Linear: filters the already sorted lines into the debit and credit side. */
/** `only`: the lines a flag named; they are shown whatever else the filters say (matched or not). */
export function buildSides(sorted: ViewLine[], f: Filters, matches: Map<LineKey, LineMatch>, lang: Lang, only: ReadonlySet<LineKey> | null = null): Sides {
  let amount: number | null = null;
  if (f.amount.trim()) {
    try {
      amount = Math.abs(parseEuroInput(f.amount, lang));
    } catch {
      amount = -1; // nothing matches an unreadable amount
    }
  }
  const text = f.text.trim().toLowerCase();
  // An unreadable date filters nothing (the field says it is invalid).
  const from = parseDayInput(f.from) || '';
  const to = parseDayInput(f.to) || '';
  const keep = (l: ViewLine) => {
    if (only) return only.has(l.key);
    if (!f.showMatched && matches.get(l.key)?.status === 'confirmed') return false;
    if (from && l.entryDate < from) return false;
    if (to && l.entryDate > to) return false;
    if (amount !== null && Math.abs(l.amount) !== amount) return false;
    if (text) {
      const hay = `${l.text} ${l.voucher} ${l.journalId} ${l.entryNo}`.toLowerCase();
      if (!hay.includes(text)) return false;
    }
    return true;
  };
  const debit: ViewLine[] = [];
  const credit: ViewLine[] = [];
  for (const l of sorted) if (keep(l)) (l.amount >= 0 ? debit : credit).push(l);
  return { debit, credit, total: sorted.length };
}

function comparer(key: SortKey, dir: 1 | -1): (a: ViewLine, b: ViewLine) => number {
  const tie = (a: ViewLine, b: ViewLine) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  if (key === 'amount') return (a, b) => (Math.abs(a.amount) - Math.abs(b.amount)) * dir || tie(a, b);
  return (a, b) => {
    const field = key === 'voucherNo' ? 'voucher' : key === 'description' ? 'text' : key;
    const x = a[field];
    const y = b[field];
    return (x < y ? -1 : x > y ? 1 : 0) * dir || tie(a, b);
  };
}

export function sumSelected(lines: ViewLine[], selected: Set<LineKey>): number {
  if (selected.size === 0) return 0;
  let sum = 0;
  for (const l of lines) if (selected.has(l.key)) sum += l.amount;
  return sum;
}
