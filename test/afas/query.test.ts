import { describe, expect, it } from 'vitest';
import { andAll, buildQuery, dateSliceConditions, dateSlices, encodeFilters, MAX_QUERY_LENGTH, pageSize, queryLength, splitInList } from '../../src/main/afas/query';
import type { FilterOperator } from '../../src/main/afas/types';

describe('pageSize', () => {
  it('keeps columns × rows under 150,000 and at most 5,000 rows', () => {
    expect(pageSize(26)).toBe(5000);
    expect(pageSize(40)).toBe(3749);
    expect(pageSize(150)).toBe(999);
    expect(pageSize(200_000)).toBe(1);
    for (const c of [1, 7, 26, 31, 50, 99, 1000]) expect(pageSize(c) * c).toBeLessThan(150_000);
  });
});

describe('encodeFilters', () => {
  it('encodes AND with "," and OR groups with ";" in all three lists', () => {
    const q = encodeFilters([
      [
        { fieldId: 'UnitId', operator: 1, value: '1' },
        { fieldId: 'EntryDate', operator: 2, value: '2025-04-01T00:00:00' },
      ],
      [{ fieldId: 'AccountNo', operator: 10, value: '12' }],
    ]);
    expect(q).toBe('filterfieldids=UnitId,EntryDate;AccountNo&filtervalues=1,2025-04-01T00%3A00%3A00;12&operatortypes=1,2;10');
    const p = new URLSearchParams(q);
    expect(p.get('filtervalues')).toBe('1,2025-04-01T00:00:00;12');
  });

  it('encodes every operator 1..15, with an (empty) value also for 8 and 9', () => {
    for (let op = 1; op <= 15; op++) {
      const p = new URLSearchParams(encodeFilters([[{ fieldId: 'Omschrijving', operator: op as FilterOperator, value: op === 8 || op === 9 ? '' : 'Moss & co' }]]));
      expect(p.get('operatortypes')).toBe(String(op));
      expect(p.get('filterfieldids')).toBe('Omschrijving');
      expect(p.get('filtervalues')).toBe(op === 8 || op === 9 ? '' : 'Moss & co');
    }
  });

  it('falls back to filterjson when a value holds a separator', () => {
    const p = new URLSearchParams(encodeFilters([[{ fieldId: 'Omschrijving', operator: 6, value: 'a,b;c' }], [{ fieldId: 'UnitId', operator: 1, value: '2' }]]));
    expect(p.get('filterfieldids')).toBeNull();
    expect(JSON.parse(p.get('filterjson') as string)).toEqual({
      Filters: {
        Filter: [
          { '@FilterId': 'Filter 1', Field: [{ '@FieldId': 'Omschrijving', '@OperatorType': '6', '#text': 'a,b;c' }] },
          { '@FilterId': 'Filter 2', Field: [{ '@FieldId': 'UnitId', '@OperatorType': '1', '#text': '2' }] },
        ],
      },
    });
  });

  it('builds the whole query with descending order fields', () => {
    expect(buildQuery({ skip: 10, take: 5, orderBy: ['UnitId', '-EntryNo'] })).toBe('skip=10&take=5&orderbyfieldids=UnitId,-EntryNo');
    expect(encodeFilters([[]])).toBe('');
  });
});

describe('splitInList', () => {
  it('splits many AccountNo values over requests that each stay under 2,049 characters', () => {
    const accounts = Array.from({ length: 600 }, (_, i) => String(100000 + i));
    const base = [[{ fieldId: 'UnitId', operator: 1 as const, value: '1' }, ...dateSliceConditions({ from: '2025-04-01', to: '2025-04-30' })]];
    const orderBy = ['UnitId', 'JournalId', 'EntryNo', 'SeqNo'];
    const sets = splitInList('AccountNo', accounts, { orderBy, base });
    expect(sets.length).toBeGreaterThan(5);
    const seen: string[] = [];
    for (const set of sets) {
      expect(queryLength(orderBy, set)).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      for (const group of set) {
        expect(group.slice(0, 3)).toEqual(base[0]);
        expect(group).toHaveLength(4);
        seen.push(group[3]!.value);
      }
    }
    expect(seen).toEqual(accounts); // every value exactly once, in order
    expect(splitInList('AccountNo', ['1', '1', '2'], { orderBy })).toEqual([[[{ fieldId: 'AccountNo', operator: 1, value: '1' }], [{ fieldId: 'AccountNo', operator: 1, value: '2' }]]]);
    expect(() => splitInList('AccountNo', ['x'.repeat(3000)], { orderBy })).toThrow(RangeError);
  });
});

describe('dateSlices', () => {
  it('covers the range without gaps or overlap, never crossing a month', () => {
    const slices = dateSlices('2025-01-25', '2025-03-03', 7);
    expect(slices).toEqual([
      { from: '2025-01-25', to: '2025-01-31' },
      { from: '2025-02-01', to: '2025-02-07' },
      { from: '2025-02-08', to: '2025-02-14' },
      { from: '2025-02-15', to: '2025-02-21' },
      { from: '2025-02-22', to: '2025-02-28' },
      { from: '2025-03-01', to: '2025-03-03' },
    ]);
    expect(dateSlices('2025-03-02', '2025-03-01')).toEqual([]);
    expect(dateSliceConditions({ from: '2025-02-22', to: '2025-02-28' })).toEqual([
      { fieldId: 'EntryDate', operator: 2, value: '2025-02-22T00:00:00' },
      { fieldId: 'EntryDate', operator: 5, value: '2025-03-01T00:00:00' },
    ]);
    expect(andAll([[{ fieldId: 'A', operator: 1, value: '1' }], [{ fieldId: 'A', operator: 1, value: '2' }]], [{ fieldId: 'B', operator: 9, value: '' }])).toEqual([
      [{ fieldId: 'A', operator: 1, value: '1' }, { fieldId: 'B', operator: 9, value: '' }],
      [{ fieldId: 'A', operator: 1, value: '2' }, { fieldId: 'B', operator: 9, value: '' }],
    ]);
  });
});
