// The filtered + sorted row index per (connector, filter, order), so paging 1M rows costs one
// sort and then only slices; and each field's comparable keys per connector, so a new filter
// compares ready keys instead of normalising every row's dates and texts again. Dropped whenever the environment changes through the tracked
// environment; a hit is also re-checked against the rows array's identity and length, so pushes
// and splices on the caller's own (untracked) environment object are seen too.
import { compileGroups, filterCacheKey, type ColumnKeys, type CompiledGroup, type Groups } from './filters';
import { sortIndices, type OrderField } from './ordering';
import type { FakeConnector, FakeDataType } from './types';
import { compareKeys, filterKey, rowKey, type SortKey } from './values';

const MAX_ENTRIES = 64;
/** Fewer rows than this are scanned: sorting them would cost more than it saves. */
const SEEK_FROM = 256;

type Equality = CompiledGroup['equalities'][number];

export class IndexCache {
  private entries = new Map<string, { index: Int32Array; rows: unknown[]; length: number; fields: unknown }>();
  private columns = new Map<string, { rows: unknown[]; length: number; keys: SortKey[] }>();
  private positions = new Map<string, { rows: unknown[]; length: number; byKey: Map<SortKey, number[]> }>();
  private seeks = new Map<string, { rows: unknown[]; length: number; byKey: Map<SortKey, Int32Array> }>();

  /** What indexes were built (connector, fields, keys), kept across clear() for rebuild(). */
  private built = new Map<string, () => void>();

  clear(): void {
    this.entries.clear();
    this.columns.clear();
    this.positions.clear();
    this.seeks.clear();
  }

  /**
   * Builds again every key column and row index built before the last clear() (not the answers
   * of queries), for the connectors as they are now: what a database does to its indexes on a
   * write. Otherwise the next request rebuilds them, and a benchmark counts that as the reader's.
   */
  rebuild(connectors: Readonly<Record<string, FakeConnector>>): void {
    this.connectors = connectors;
    for (const build of this.built.values()) build();
  }

  private connectors: Readonly<Record<string, FakeConnector>> = {};

  /** Remembers how to build an index of a connector again (by its id: the object may be replaced). */
  private remember(id: string, connectorId: string, build: (connector: FakeConnector) => void): void {
    if (this.built.has(id)) return;
    this.built.set(id, () => {
      const connector = this.connectors[connectorId];
      if (connector) build(connector);
    });
  }

  /** Rows by their key of one field, in row order: an equality condition looks its rows up. */
  private rowsWith(connectorId: string, connector: FakeConnector, keys: ColumnKeys, fieldId: string, type: FakeDataType): Map<SortKey, number[]> {
    const id = `${connectorId}\u0000${fieldId}\u0000${type}`;
    this.remember(`p\u0000${id}`, connectorId, (c) => void this.rowsWith(connectorId, c, this.columnKeys(connectorId, c), fieldId, type));
    const rows = connector.rows;
    const hit = this.positions.get(id);
    if (hit && hit.rows === rows && hit.length === rows.length) return hit.byKey;
    const column = keys(fieldId, type);
    const byKey = new Map<SortKey, number[]>();
    for (let i = 0; i < column.length; i++) {
      const k = column[i] as SortKey;
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
    this.positions.set(id, { rows, length: rows.length, byKey });
    return byKey;
  }

  /**
   * The rows holding one key of an equality field, sorted by another field (ties in row order): an
   * index on (equality field, range field), as a database keeps one, so "this account in this
   * month" reads the month's stretch instead of the account's whole history.
   */
  private rowsWithSorted(connectorId: string, connector: FakeConnector, keys: ColumnKeys, eq: Equality, by: { fieldId: string; type: FakeDataType }): Int32Array {
    const id = `${connectorId}\u0000${eq.fieldId}\u0000${eq.type}\u0000${by.fieldId}\u0000${by.type}`;
    const rows = connector.rows;
    let hit = this.seeks.get(id);
    if (!hit || hit.rows !== rows || hit.length !== rows.length) this.seeks.set(id, (hit = { rows, length: rows.length, byKey: new Map() }));
    let sorted = hit.byKey.get(eq.key);
    this.remember(`s\u0000${id}\u0000${String(eq.key)}`, connectorId, (c) => void this.rowsWithSorted(connectorId, c, this.columnKeys(connectorId, c), eq, by));
    if (sorted === undefined) {
      sorted = byKeyInRowOrder(this.rowsWith(connectorId, connector, keys, eq.fieldId, eq.type).get(eq.key) ?? [], keys(by.fieldId, by.type));
      hit.byKey.set(eq.key, sorted);
    }
    return sorted;
  }

  private columnKeys(connectorId: string, connector: FakeConnector): ColumnKeys {
    return (fieldId: string, type: FakeDataType) => {
      const id = `${connectorId}\u0000${fieldId}\u0000${type}`;
      this.remember(`c\u0000${id}`, connectorId, (c) => void this.columnKeys(connectorId, c)(fieldId, type));
      const rows = connector.rows;
      const hit = this.columns.get(id);
      if (hit && hit.rows === rows && hit.length === rows.length) return hit.keys;
      const keys = new Array<SortKey>(rows.length);
      for (let i = 0; i < rows.length; i++) keys[i] = rowKey((rows[i] as Record<string, unknown>)[fieldId], type);
      this.columns.set(id, { rows, length: rows.length, keys });
      return keys;
    };
  }

  /** `first`: only the first this many rows in order are wanted (a probe): picked, not sorted, not kept. */
  get(connectorId: string, connector: FakeConnector, groups: Groups, order: OrderField[], first?: number): Int32Array {
    // A range on the field the rows are ordered by (a skip scan: "the next account after X"):
    // a stretch of the index of the rest of the filter, found by binary search, as a database does.
    const seek = rangeOnOrder(groups, order, connector);
    if (seek) {
      const base = this.get(connectorId, connector, seek.rest, order);
      const column = this.columnKeys(connectorId, connector)(order[0]!.id, seek.type);
      return stretch(base, column, seek.ranges);
    }
    const key = `${connectorId}\u0000${filterCacheKey(groups)}\u0000${order.map((o) => (o.desc ? '-' : '') + o.id).join(',')}`;
    const hit = this.entries.get(key);
    if (hit && hit.rows === connector.rows && hit.length === connector.rows.length && hit.fields === connector.fields) return hit.index;
    const keys = this.columnKeys(connectorId, connector);
    if (first !== undefined) return firstInOrder(this.filter(connectorId, connector, groups, keys), connector, order, first, keys);
    this.entries.delete(key);
    const index = sortIndices(this.filter(connectorId, connector, groups, keys), connector.rows, order, connector.fields, keys);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { index, rows: connector.rows, length: connector.rows.length, fields: connector.fields });
    return index;
  }

  /**
   * The rows that pass, in row order. A group with an equality condition only looks at the rows
   * holding that value (the rarest of its equalities), as a database index would; the others scan.
   */
  private filter(connectorId: string, connector: FakeConnector, groups: Groups, keys: ColumnKeys): Int32Array {
    const rows = connector.rows;
    const all = () => {
      const out = new Int32Array(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = i;
      return out;
    };
    if (groups.length === 0) return all();
    const hit = new Uint8Array(rows.length);
    for (const g of compileGroups(groups, connector.fields, keys)) {
      let candidates: ArrayLike<number> | null = null;
      let rarest: Equality | null = null;
      for (const e of g.equalities) {
        const list = this.rowsWith(connectorId, connector, keys, e.fieldId, e.type).get(e.key) ?? [];
        if (candidates === null || list.length < candidates.length) {
          candidates = list;
          rarest = e;
        }
      }
      // With a range too: only the stretch of the rarest equality's rows that the range allows.
      // Every condition is still checked on each of them (the stretch only leaves out non-matches).
      const range = g.ranges.find((r) => r.fieldId !== rarest?.fieldId);
      if (rarest && range && candidates !== null && candidates.length > SEEK_FROM) {
        const sorted = this.rowsWithSorted(connectorId, connector, keys, rarest, range);
        candidates = stretch(sorted, keys(range.fieldId, range.type), g.ranges.filter((r) => r.fieldId === range.fieldId));
      }
      const scan = candidates ?? all();
      for (let j = 0; j < scan.length; j++) {
        const i = scan[j] as number;
        if (hit[i] === 0 && g.predicate(rows[i] as Record<string, unknown>, i)) hit[i] = 1;
      }
    }
    let n = 0;
    for (let i = 0; i < hit.length; i++) n += hit[i] as number;
    const out = new Int32Array(n);
    for (let i = 0, k = 0; i < hit.length; i++) if (hit[i] === 1) out[k++] = i;
    return out;
  }
}

/**
 * `rows` (ascending) sorted by their keys in `column`, ties in row order: grouped by key, then the
 * distinct keys sorted. Dates, accounts and journals have few distinct values, so this is one pass
 * and a small sort, where comparing rows sorts 600,000 of them in a second.
 */
function byKeyInRowOrder(rows: readonly number[], column: readonly SortKey[]): Int32Array {
  const groups = new Map<SortKey, number[]>();
  for (const i of rows) {
    const k = column[i] as SortKey;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  const out = new Int32Array(rows.length);
  let p = 0;
  for (const k of [...groups.keys()].sort(compareKeys)) for (const i of groups.get(k)!) out[p++] = i;
  return out;
}

/** The first `n` of `indices` in `order` (ties by row order), by one pass that keeps n candidates. */
function firstInOrder(indices: Int32Array, connector: FakeConnector, order: OrderField[], n: number, keys: ColumnKeys): Int32Array {
  const types = new Map(connector.fields.map((f) => [f.id, f.dataType]));
  const columns = order.map((o) => ({ keys: keys(o.id, types.get(o.id) ?? 'string'), sign: o.desc ? -1 : 1 }));
  const before = (a: number, b: number) => {
    for (const c of columns) {
      const d = compareKeys(c.keys[a] as SortKey, c.keys[b] as SortKey);
      if (d !== 0) return d * c.sign < 0;
    }
    return a < b;
  };
  const best: number[] = [];
  for (const i of indices) {
    if (best.length === n && !before(i, best[n - 1]!)) continue;
    let at = best.length === n ? n - 1 : best.length;
    while (at > 0 && before(i, best[at - 1]!)) at--;
    best.splice(at, 0, i);
    if (best.length > n) best.pop();
  }
  return Int32Array.from(best);
}

interface Range {
  operator: 2 | 3 | 4 | 5;
  key: SortKey;
}

/** One AND group with range conditions on the first (ascending) order field: those, and the rest. */
function rangeOnOrder(groups: Groups, order: OrderField[], connector: FakeConnector): { rest: Groups; ranges: Range[]; type: FakeDataType } | null {
  const lead = order[0];
  if (groups.length !== 1 || !lead || lead.desc) return null;
  const field = connector.fields.find((f) => f.id === lead.id);
  if (!field) return null;
  const isRange = (c: Groups[number][number]) => c.fieldId === lead.id && c.operator >= 2 && c.operator <= 5;
  const group = groups[0]!;
  const ranges: Range[] = [];
  for (const c of group.filter(isRange)) {
    const key = filterKey(c.value, field.dataType);
    if (key === undefined || key === null) return null; // the filter reports or matches nothing: the plain path decides
    ranges.push({ operator: c.operator as Range['operator'], key });
  }
  if (ranges.length === 0) return null;
  return { rest: [group.filter((c) => !isRange(c))], ranges, type: field.dataType };
}

/** The part of `index` (sorted ascending by `column`, nulls first) whose keys meet every range. */
function stretch(index: Int32Array, column: readonly SortKey[], ranges: Range[]): Int32Array {
  const at = (p: number) => column[index[p]!] as SortKey;
  // First position where `ok` holds, for an `ok` that is false then true along the index.
  const first = (ok: (k: SortKey) => boolean) => {
    let lo = 0;
    let hi = index.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ok(at(mid))) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  let from = first((k) => k !== null);
  let to = index.length;
  for (const r of ranges) {
    if (r.operator === 2) from = Math.max(from, first((k) => k !== null && compareKeys(k, r.key) >= 0));
    if (r.operator === 4) from = Math.max(from, first((k) => k !== null && compareKeys(k, r.key) > 0));
    if (r.operator === 3) to = Math.min(to, first((k) => k !== null && compareKeys(k, r.key) > 0));
    if (r.operator === 5) to = Math.min(to, first((k) => k !== null && compareKeys(k, r.key) >= 0));
  }
  return from < to ? index.subarray(from, to) : new Int32Array(0);
}
