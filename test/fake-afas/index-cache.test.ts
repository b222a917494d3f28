// The fake's row index answers exactly what a plain scan of every row answers: equalities looked up,
// an equality with a range read as a stretch of its rows sorted by the range field, on random rows
// and random OR groups of equality and range conditions (dates, numbers, texts, nulls); and again
// after a row changed and the indexes were rebuilt for it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFilter, type Condition } from '../../src/main/demo/fake-afas/filters';
import { IndexCache } from '../../src/main/demo/fake-afas/index-cache';
import { sortIndices, type OrderField } from '../../src/main/demo/fake-afas/ordering';
import type { FakeConnector, FakeField } from '../../src/main/demo/fake-afas/types';

const FIELDS: FakeField[] = [
  { id: 'Account', dataType: 'string', label: 'Account' },
  { id: 'Day', dataType: 'date', label: 'Day' },
  { id: 'No', dataType: 'int', label: 'No' },
];

const account = fc.constantFrom('1100', '2100', '700123');
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2025-03-${String(d).padStart(2, '0')}T00:00:00`);
const no = fc.integer({ min: 1, max: 40 });
const row = fc.record({ Account: fc.option(account, { nil: null }), Day: fc.option(day, { nil: null }), No: fc.option(no, { nil: null }) });

const condition: fc.Arbitrary<Condition> = fc.oneof(
  account.map((v) => ({ fieldId: 'Account', operator: 1, value: v })),
  fc.tuple(fc.constantFrom(2, 3, 4, 5), day).map(([operator, value]) => ({ fieldId: 'Day', operator, value })),
  fc.tuple(fc.constantFrom(1, 2, 3, 4, 5), no).map(([operator, value]) => ({ fieldId: 'No', operator, value: String(value) })),
);
const groups = fc.array(fc.array(condition, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });
const ORDER: OrderField[] = [{ id: 'No', desc: false }, { id: 'Day', desc: true }];

function scan(connector: FakeConnector, g: Condition[][]): number[] {
  const p = compileFilter(g, connector.fields)!;
  const hits = Int32Array.from(connector.rows.flatMap((r, i) => (p(r, i) ? [i] : [])));
  return [...sortIndices(hits, connector.rows, ORDER, connector.fields)];
}

describe('fake AFAS row index', () => {
  it('finds exactly the rows a scan finds, in the same order, also when the index is reused', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1400, maxLength: 2400 }), fc.array(groups, { minLength: 1, maxLength: 4 }), row, fc.nat(), (rows, queries, changed, at) => {
        const connector: FakeConnector = { fields: FIELDS, rows };
        const cache = new IndexCache();
        for (const g of queries) expect([...cache.get('T', connector, g, ORDER)]).toEqual(scan(connector, g));
        // A row changed (as the tracked environment reports it), the indexes maintained at once.
        rows[at % rows.length] = changed;
        cache.clear();
        cache.rebuild({ T: connector });
        for (const g of queries) expect([...cache.get('T', connector, g, ORDER)]).toEqual(scan(connector, g));
      }),
      { numRuns: 100, endOnFailure: true }, // shrinking thousands of rows takes minutes; the seed reproduces a failure
    );
  });
});
