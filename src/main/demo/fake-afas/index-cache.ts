// The filtered + sorted row index per (connector, filter, order), so paging 1M rows costs one
// sort and then only slices; and each field's comparable keys per connector, so a new filter
// compares ready keys instead of normalising every row's dates and texts again. Dropped whenever the environment changes through the tracked
// environment; a hit is also re-checked against the rows array's identity and length, so pushes
// and splices on the caller's own (untracked) environment object are seen too.
import { compileFilter, filterCacheKey, type ColumnKeys, type Groups } from './filters';
import { sortIndices, type OrderField } from './ordering';
import type { FakeConnector, FakeDataType } from './types';
import { rowKey, type SortKey } from './values';

const MAX_ENTRIES = 64;

export class IndexCache {
  private entries = new Map<string, { index: Int32Array; rows: unknown[]; length: number; fields: unknown }>();
  private columns = new Map<string, { rows: unknown[]; length: number; keys: SortKey[] }>();

  clear(): void {
    this.entries.clear();
    this.columns.clear();
  }

  private columnKeys(connectorId: string, connector: FakeConnector): ColumnKeys {
    return (fieldId: string, type: FakeDataType) => {
      const id = `${connectorId}\u0000${fieldId}\u0000${type}`;
      const rows = connector.rows;
      const hit = this.columns.get(id);
      if (hit && hit.rows === rows && hit.length === rows.length) return hit.keys;
      const keys = new Array<SortKey>(rows.length);
      for (let i = 0; i < rows.length; i++) keys[i] = rowKey((rows[i] as Record<string, unknown>)[fieldId], type);
      this.columns.set(id, { rows, length: rows.length, keys });
      return keys;
    };
  }

  get(connectorId: string, connector: FakeConnector, groups: Groups, order: OrderField[]): Int32Array {
    const key = `${connectorId}\u0000${filterCacheKey(groups)}\u0000${order.map((o) => (o.desc ? '-' : '') + o.id).join(',')}`;
    const hit = this.entries.get(key);
    if (hit && hit.rows === connector.rows && hit.length === connector.rows.length && hit.fields === connector.fields) return hit.index;
    this.entries.delete(key);
    const keys = this.columnKeys(connectorId, connector);
    const index = sortIndices(this.filter(connector, groups, keys), connector.rows, order, connector.fields, keys);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { index, rows: connector.rows, length: connector.rows.length, fields: connector.fields });
    return index;
  }

  private filter(connector: FakeConnector, groups: Groups, keys: ColumnKeys): Int32Array {
    const rows = connector.rows;
    const predicate = compileFilter(groups, connector.fields, keys);
    if (!predicate) {
      const all = new Int32Array(rows.length);
      for (let i = 0; i < rows.length; i++) all[i] = i;
      return all;
    }
    const hits: number[] = [];
    for (let i = 0; i < rows.length; i++) if (predicate(rows[i] as Record<string, unknown>, i)) hits.push(i);
    return Int32Array.from(hits);
  }
}
