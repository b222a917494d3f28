// GetConnector query strings: ordering, paging, filters (AND within a group, OR between groups),
// and the helpers that keep a request inside AFAS's limits (query length, page weight, skip depth).
import type { FilterCondition, FilterGroups } from './types';

/** AFAS answers 404 when the query string after '?' is longer than this. */
export const MAX_QUERY_LENGTH = 2049;
/** Columns × rows per page stays under this (bigger pages end in "Out of String space"). */
export const MAX_CELLS_PER_PAGE = 150_000;
export const MAX_TAKE = 5_000;
/** Worst-case skip digits reserved when measuring a query (skip never goes past ~100,000). */
const SKIP_RESERVE = 999_999_999;

/** Rows per page for a connector with this many columns: columns × rows < 150,000, at most 5,000. */
export function pageSize(columns: number): number {
  const cols = Math.max(1, Math.floor(columns));
  return Math.max(1, Math.min(MAX_TAKE, Math.floor((MAX_CELLS_PER_PAGE - 1) / cols)));
}

/** Simple filters cannot carry ',' or ';' inside a value (they separate conditions and groups). */
function needsJson(groups: FilterGroups): boolean {
  return groups.some((g) => g.some((c) => /[,;]/.test(c.value) || /[,;]/.test(c.fieldId)));
}

/**
 * The filter part of a query: `filterfieldids=A,B;A&filtervalues=1,2;3&operatortypes=1,2;1`, or
 * `filterjson` when a value contains a separator. Empty groups are dropped.
 */
export function encodeFilters(groups: FilterGroups | undefined): string {
  const gs = (groups ?? []).filter((g) => g.length > 0);
  if (gs.length === 0) return '';
  if (needsJson(gs)) return `filterjson=${encodeURIComponent(JSON.stringify(filterJson(gs)))}`;
  const part = (pick: (c: FilterCondition) => string) => gs.map((g) => g.map((c) => encodeURIComponent(pick(c))).join(',')).join(';');
  return `filterfieldids=${part((c) => c.fieldId)}&filtervalues=${part((c) => c.value)}&operatortypes=${part((c) => String(c.operator))}`;
}

/** AFAS's JSON filter: fields inside a Filter are ANDed, Filters are ORed. */
export function filterJson(groups: FilterGroups): unknown {
  return {
    Filters: {
      Filter: groups.map((g, i) => ({
        '@FilterId': `Filter ${i + 1}`,
        Field: g.map((c) => ({ '@FieldId': c.fieldId, '@OperatorType': String(c.operator), '#text': c.value })),
      })),
    },
  };
}

export function encodeOrderBy(orderBy: string[]): string {
  return `orderbyfieldids=${orderBy.map((f) => encodeURIComponent(f)).join(',')}`;
}

/** The full query after '?'. */
export function buildQuery(p: { skip: number; take: number; orderBy: string[]; filters?: FilterGroups }): string {
  const filters = encodeFilters(p.filters);
  return `skip=${p.skip}&take=${p.take}&${encodeOrderBy(p.orderBy)}${filters ? `&${filters}` : ''}`;
}

/** Length of the longest query this request will send (largest skip and take). */
export function queryLength(orderBy: string[], filters?: FilterGroups): number {
  return buildQuery({ skip: SKIP_RESERVE, take: MAX_TAKE, orderBy, filters }).length;
}

/**
 * Splits a long IN-list (e.g. many AccountNo values) into several filter sets, each short enough
 * for one request. Each value becomes an OR-group `base AND field = value`; with several base
 * groups every base group is combined with every value. Run one getRows per returned set.
 */
export function splitInList(
  fieldId: string,
  values: string[],
  opts: { orderBy: string[]; base?: FilterGroups; maxQueryLength?: number },
): FilterGroups[] {
  const max = opts.maxQueryLength ?? MAX_QUERY_LENGTH;
  const base = opts.base && opts.base.some((g) => g.length > 0) ? opts.base.filter((g) => g.length > 0) : [[]];
  const groupsFor = (vs: string[]): FilterGroups => vs.flatMap((v) => base.map((b) => [...b, { fieldId, operator: 1 as const, value: v }]));
  const unique = [...new Set(values)];
  const sets: FilterGroups[] = [];
  let current: string[] = [];
  for (const v of unique) {
    const next = [...current, v];
    if (queryLength(opts.orderBy, groupsFor(next)) <= max) {
      current = next;
      continue;
    }
    if (current.length === 0) throw new RangeError(`Filter value too long for one AFAS request: ${fieldId}`);
    sets.push(groupsFor(current));
    current = [v];
    if (queryLength(opts.orderBy, groupsFor(current)) > max) throw new RangeError(`Filter value too long for one AFAS request: ${fieldId}`);
  }
  if (current.length > 0) sets.push(groupsFor(current));
  return sets;
}

export interface DateSlice {
  /** First day, YYYY-MM-DD (inclusive). */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(date: string): number {
  const m = ISO_DAY.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function dayText(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Entry-date ranges from `from` to `to` (inclusive) of at most `days` days, never crossing a month
 * boundary, so each slice's paging stays far from skip ~100,000 and lines up with AFAS periods.
 */
export function dateSlices(from: string, to: string, days = 7): DateSlice[] {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end < start) return [];
  const step = Math.max(1, Math.floor(days));
  const slices: DateSlice[] = [];
  let d = start;
  while (d <= end) {
    const date = new Date(d * DAY_MS);
    const monthEnd = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS - 1;
    const last = Math.min(end, monthEnd, d + step - 1);
    slices.push({ from: dayText(d), to: dayText(last) });
    d = last + 1;
  }
  return slices;
}

/** `field >= fromT00:00:00 AND field < (to+1)T00:00:00` (AFAS wants dates without Z). */
export function dateSliceConditions(slice: DateSlice, fieldId = 'EntryDate'): FilterCondition[] {
  return [
    { fieldId, operator: 2, value: `${slice.from}T00:00:00` },
    { fieldId, operator: 5, value: `${dayText(dayNumber(slice.to) + 1)}T00:00:00` },
  ];
}

/** Adds conditions to every OR-group (AND), e.g. a date slice on top of an account filter. */
export function andAll(groups: FilterGroups | undefined, conditions: FilterCondition[]): FilterGroups {
  const gs = groups && groups.some((g) => g.length > 0) ? groups.filter((g) => g.length > 0) : [[]];
  return gs.map((g) => [...g, ...conditions]);
}
