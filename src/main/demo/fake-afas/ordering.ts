// orderbyfieldids: comma-separated field ids, '-' prefix = descending. Sorting builds one key
// column per order field first, so the comparator touches only flat arrays (1M rows in ~1 s).
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
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) positions[i] = i;
  positions.sort((a, b) => {
    for (let f = 0; f < columns.length; f++) {
      const col = columns[f] as SortKey[];
      const c = compareKeys(col[a] as SortKey, col[b] as SortKey);
      if (c !== 0) return c * (signs[f] as number);
    }
    return a - b;
  });
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = indices[positions[i] as number] as number;
  return out;
}
