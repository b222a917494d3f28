// The working set of one account: its lines with day numbers and side, sorted by (day, key), and
// the proposals the passes make over them.
import type { MutationLine } from '../../shared/domain';
import type { Cents } from '../../shared/money';
import type { MatchEvidence } from '../../shared/reconcile';
import { referenceTokens, wordTokens } from './text';

export const LEFT = 0;
export const RIGHT = 1;
export type Side = typeof LEFT | typeof RIGHT;

export interface Item {
  line: MutationLine;
  day: number;
  side: Side;
  /** Consumed by a proposal in this run. */
  taken: boolean;
  words?: Set<string>;
  refs?: Set<string>;
}

export function words(item: Item): Set<string> {
  return (item.words ??= wordTokens(item.line));
}

export function refs(item: Item): Set<string> {
  return (item.refs ??= referenceTokens(item.line));
}

export function makeItem(line: MutationLine, side: Side, day: number): Item {
  // All fields from the start: one object shape for every item.
  return { line, day, side, taken: false, words: undefined, refs: undefined };
}

/** Total order by content (not input order): day, then the line's AFAS identity. */
export function byDayThenKey(a: Item, b: Item): number {
  return (
    a.day - b.day ||
    a.line.entryNo - b.line.entryNo ||
    a.line.seqNo - b.line.seqNo ||
    (a.line.key < b.line.key ? -1 : a.line.key > b.line.key ? 1 : 0)
  );
}

export type ProposalKind = 'exact' | 'subset' | 'difference' | 'batch' | 'period' | 'reference';

export interface Proposal {
  items: Item[];
  method: string;
  kind: ProposalKind;
  difference: Cents;
  evidence: MatchEvidence;
  /** Exact and unambiguous: autoMatch may confirm it. */
  auto: boolean;
}

/** Open items of an account per side, each in byDayThenKey order. */
export interface Sides {
  left: Item[];
  right: Item[];
}

/** Items of both sides, day-sorted; consumed ones carry `taken`. */
export interface Pool {
  left: Item[];
  right: Item[];
  /** Some search stopped at its cap: a later run on fewer lines might decide differently. */
  capped: boolean;
}

/** First index in a day-sorted array with day ≥ d. */
export function lowerBound(items: readonly Item[], d: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.day < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
