// An in-memory AfasClient that honours what the real one promises: ordering (with '-' for
// descending), filter groups (AND within, OR across), paging by take (stop at the first short
// page), abort. It records every page request so tests can count refetches.
import type { AfasClient, AfasRow, FilterCondition, GetRowsOptions } from '../../src/main/afas/types';

export interface RequestLog {
  connector: string;
  filters: GetRowsOptions['filters'];
  skip: number;
  take: number;
}

const cmpValue = (v: unknown): string | number => (typeof v === 'number' ? v : typeof v === 'string' ? v.replace(/Z$/, '') : v === null || v === undefined ? '' : String(v));

function compare(a: unknown, b: unknown): number {
  const x = cmpValue(a);
  const y = cmpValue(b);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}

function matches(row: AfasRow, c: FilterCondition): boolean {
  const v = row[c.fieldId];
  const target = typeof v === 'number' ? Number(c.value) : c.value;
  const d = compare(v, target);
  switch (c.operator) {
    case 1: return d === 0;
    case 2: return d >= 0;
    case 3: return d <= 0;
    case 4: return d > 0;
    case 5: return d < 0;
    case 7: return d !== 0;
    default: throw new Error(`operator ${c.operator} not supported by the double`);
  }
}

export class MemoryAfas implements AfasClient {
  readonly data = new Map<string, AfasRow[]>();
  readonly log: RequestLog[] = [];
  /** Called before each page is served (tests use it to abort or fail mid-sync). */
  beforePage?: (req: RequestLog) => void | Promise<void>;

  set(connector: string, rows: AfasRow[]): void {
    this.data.set(connector, rows);
  }

  rows(connector: string): AfasRow[] {
    return this.data.get(connector) ?? [];
  }

  requests(connector: string, predicate?: (r: RequestLog) => boolean): number {
    return this.log.filter((r) => r.connector === connector && (!predicate || predicate(r))).length;
  }

  async *getRows(connector: string, o: GetRowsOptions): AsyncIterable<AfasRow[]> {
    if (o.orderBy.length === 0) throw new Error('orderBy required');
    const take = Math.min(o.take ?? 100, o.limit ?? Infinity);
    const all = this.rows(connector)
      .filter((row) => !o.filters || o.filters.length === 0 || o.filters.some((g) => g.every((c) => matches(row, c))))
      .sort((a, b) => {
        for (const f of o.orderBy) {
          const desc = f.startsWith('-');
          const d = compare(a[desc ? f.slice(1) : f], b[desc ? f.slice(1) : f]);
          if (d !== 0) return desc ? -d : d;
        }
        return 0;
      });
    for (let skip = 0; ; skip += take) {
      o.signal?.throwIfAborted();
      const req = { connector, filters: o.filters, skip, take };
      this.log.push(req);
      await this.beforePage?.(req);
      o.signal?.throwIfAborted();
      await new Promise((r) => setImmediate(r));
      const page = all.slice(skip, skip + take).map((r) => ({ ...r }));
      o.onPage?.({ rows: page.length, skip });
      yield page;
      if (page.length < take) return;
    }
  }

  async metaInfo() {
    return { getConnectors: [...this.data.keys()].map((id) => ({ id, description: id })), updateConnectors: [], info: null };
  }
  async connectorFields() {
    return [];
  }
  async profitVersion() {
    return 'memory';
  }
  async close() {}
}
