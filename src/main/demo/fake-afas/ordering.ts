// orderbyfieldids: comma-separated field ids, '-' prefix = descending. Sorting builds one key
// column per order field first, so the comparator touches only flat arrays (1M rows in ~1 s), and
// groups rows by the first field's key so most of the ordering is one pass.
import { fieldNotFound, type ColumnKeys } from './filters';
import type { FakeField } from './types';
import { compareKeys, rowKey, type SortKey } from './values';

export interface OrderField {
  id: string;
  desc: boolean;
}

export function parseOrder(text: string | null, fieldList: FakeField[]): OrderField[] {
  if (text === null || text.trim() === '') return [];
  const known = new Set(fieldList.map((f) => f.id));
  return text.split(',').map((part) => {
    const p = part.trim();
    const desc = p.startsWith('-');
    const id = desc ? p.slice(1) : p;
    if (!known.has(id)) throw fieldNotFound(id);
    return { id, desc };
  });
}

/** Sorts `indices` (into `rows`) by `order`; ties keep their incoming order. `columnKeys`: cached keys by row. */
export function sortIndices(indices: Int32Array, rows: Record<string, unknown>[], order: OrderField[], fieldList: FakeField[], columnKeys?: ColumnKeys): Int32Array {
  if (order.length === 0) return indices;
  const types = new Map(fieldList.map((f) => [f.id, f.dataType]));
  const n = indices.length;
  const columns: SortKey[][] = order.map((o) => {
    const type = types.get(o.id) ?? 'string';
    const cached = columnKeys?.(o.id, type);
    const col = new Array<SortKey>(n);
    if (cached && cached.length === rows.length) for (let i = 0; i < n; i++) col[i] = cached[indices[i] as number] as SortKey;
    else for (let i = 0; i < n; i++) col[i] = rowKey(rows[indices[i] as number]?.[o.id], type);
    return col;
  });
  const signs = order.map((o) => (o.desc ? -1 : 1));
  // Grouped by the first field's key (accounts, journals, dates: few distinct values), the groups
  // in its order; rows within a group compared on the other fields only, ties in incoming order.
  const lead = columns[0] as SortKey[];
  const groups = new Map<SortKey, number[]>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(lead[i] as SortKey);
    if (g) g.push(i);
    else groups.set(lead[i] as SortKey, [i]);
  }
  const rest = (a: number, b: number) => {
    for (let f = 1; f < columns.length; f++) {
      const col = columns[f] as SortKey[];
      const c = compareKeys(col[a] as SortKey, col[b] as SortKey);
      if (c !== 0) return c * (signs[f] as number);
    }
    return a - b;
  };
  const positions = new Int32Array(n);
  let p = 0;
  for (const key of [...groups.keys()].sort((a, b) => compareKeys(a, b) * (signs[0] as number))) {
    const g = groups.get(key)!;
    if (columns.length > 1 && g.length > 1) g.sort(rest);
    for (const i of g) positions[p++] = i;
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = indices[positions[i] as number] as number;
  return out;
}
