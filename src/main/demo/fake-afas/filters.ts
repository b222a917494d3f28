// GetConnector filters: filterfieldids/filtervalues/operatortypes (',' = AND, ';' = next OR-group)
// or filterjson ({"Filters":{"Filter":[{"@FilterId","Field":[{"@FieldId","@OperatorType","#text"}]}]}},
// fields AND, filters OR). Compiled once per distinct filter into a row predicate.
import { FakeAfasError } from './errors';
import type { FakeField } from './types';
import { compareKeys, filterKey, rowKey, rowText, type SortKey } from './values';

export interface Condition {
  fieldId: string;
  operator: number;
  value: string;
}
/** Conditions in a group are ANDed; groups are ORed. Empty = no filter. */
export type Groups = Condition[][];

function splitGroups(text: string): string[][] {
  return text.split(';').map((g) => g.split(','));
}

export function parseFilterParams(params: URLSearchParams): Groups {
  const json = params.get('filterjson');
  if (json !== null && json !== '') return parseFilterJson(json);
  const ids = params.get('filterfieldids');
  if (ids === null || ids === '') return [];
  const idGroups = splitGroups(ids);
  const valueGroups = splitGroups(params.get('filtervalues') ?? '');
  const opGroups = splitGroups(params.get('operatortypes') ?? '');
  if (valueGroups.length !== idGroups.length || opGroups.length !== idGroups.length) {
    throw new FakeAfasError('The number of filter fields, values and operator types does not match.');
  }
  return idGroups.map((idGroup, g) => {
    const values = valueGroups[g] ?? [];
    const ops = opGroups[g] ?? [];
    if (values.length !== idGroup.length || ops.length !== idGroup.length) {
      throw new FakeAfasError('The number of filter fields, values and operator types does not match.');
    }
    return idGroup.map((fieldId, i) => ({ fieldId: fieldId.trim(), value: values[i] ?? '', operator: parseOperator(ops[i] ?? '') }));
  });
}

function parseOperator(text: string): number {
  const op = Number(text.trim());
  if (!Number.isInteger(op) || op < 1 || op > 15) throw new FakeAfasError(`Invalid operator type '${text}'.`);
  return op;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function parseFilterJson(json: string): Groups {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new FakeAfasError('The filterjson parameter is not valid JSON.');
  }
  const filters = (doc as { Filters?: { Filter?: unknown } } | null)?.Filters?.Filter;
  if (filters === undefined) throw new FakeAfasError('The filterjson parameter has no Filters.Filter.');
  return asArray(filters).map((filter) =>
    asArray((filter as { Field?: unknown }).Field).map((f) => {
      const field = f as Record<string, unknown>;
      const value = field['#text'];
      return {
        fieldId: String(field['@FieldId'] ?? ''),
        operator: parseOperator(String(field['@OperatorType'] ?? '')),
        value: value === undefined || value === null ? '' : String(value),
      };
    }),
  );
}

/** A stable text form of the filter, for the index cache. */
export function filterCacheKey(groups: Groups): string {
  return JSON.stringify(groups.map((g) => g.map((c) => [c.fieldId, c.operator, c.value])));
}

/** `i`: the row's position in the connector's rows (keys of a column are looked up by it). */
export type RowPredicate = (row: Record<string, unknown>, i: number) => boolean;

/** Every row's comparable key of one field, by row position (computed once per field, not per query). */
export type ColumnKeys = (fieldId: string, type: FakeField['dataType']) => readonly SortKey[];

const keysOnTheFly: ColumnKeys = () => [];

export function fieldNotFound(id: string): FakeAfasError {
  return new FakeAfasError(`Connector field '${id}' not found`);
}

function compileCondition(c: Condition, fields: Map<string, FakeField>, stringFields: string[], columnKeys: ColumnKeys): RowPredicate {
  const field = fields.get(c.fieldId);
  if (!field) throw fieldNotFound(c.fieldId);
  const id = field.id;
  const type = field.dataType;
  const text = c.value.toLowerCase();
  const textOf = (row: Record<string, unknown>): string | null => rowText(row[id], type);
  const keys = columnKeys(id, type);
  const keyOf = keys.length > 0 ? (row: Record<string, unknown>, i: number) => keys[i] as SortKey : (row: Record<string, unknown>) => rowKey(row[id], type);
  const needKey = (): SortKey => {
    const key = filterKey(c.value, type);
    if (key === undefined) throw new FakeAfasError(`Invalid filter value '${c.value}' for field '${id}'.`);
    return key;
  };
  const cmp = (want: (order: number) => boolean): RowPredicate => {
    const key = needKey();
    if (key === null) return () => false;
    return (row, i) => {
      const k = keyOf(row, i);
      return k !== null && want(compareKeys(k, key));
    };
  };
  switch (c.operator) {
    case 1: {
      const key = needKey();
      return (row, i) => keyOf(row, i) === key;
    }
    case 2:
      return cmp((o) => o >= 0);
    case 3:
      return cmp((o) => o <= 0);
    case 4:
      return cmp((o) => o > 0);
    case 5:
      return cmp((o) => o < 0);
    case 6:
      return (row) => textOf(row)?.includes(text) ?? false;
    case 7: {
      const key = needKey();
      return (row, i) => keyOf(row, i) !== key;
    }
    case 8:
      return (row) => textOf(row) === null;
    case 9:
      return (row) => textOf(row) !== null;
    case 10:
      return (row) => textOf(row)?.startsWith(text) ?? false;
    case 11:
      return (row) => !(textOf(row)?.includes(text) ?? false);
    case 12:
      return (row) => !(textOf(row)?.startsWith(text) ?? false);
    case 13:
      return (row) => textOf(row)?.endsWith(text) ?? false;
    case 14:
      return (row) => !(textOf(row)?.endsWith(text) ?? false);
    default:
      // 15 quick filter: Profit searches the row's text columns; we take "contains" over all of them.
      return (row) =>
        stringFields.some((f) => {
          const v = row[f];
          return v !== null && v !== undefined && String(v).toLowerCase().includes(text);
        });
  }
}

export function compileFilter(groups: Groups, fieldList: FakeField[], columnKeys: ColumnKeys = keysOnTheFly): RowPredicate | null {
  if (groups.length === 0) return null;
  const compiled = compileGroups(groups, fieldList, columnKeys).map((g) => g.predicate);
  return (row, i) => compiled.some((p) => p(row, i));
}

/** One OR group: its predicate, and its equality and range conditions (rows can be looked up by them). */
export interface CompiledGroup {
  predicate: RowPredicate;
  equalities: { fieldId: string; type: FakeField['dataType']; key: SortKey }[];
  /** >=, <=, >, < with a comparable value. */
  ranges: { fieldId: string; type: FakeField['dataType']; operator: 2 | 3 | 4 | 5; key: SortKey }[];
}

export function compileGroups(groups: Groups, fieldList: FakeField[], columnKeys: ColumnKeys = keysOnTheFly): CompiledGroup[] {
  const fields = new Map(fieldList.map((f) => [f.id, f]));
  const stringFields = fieldList.filter((f) => f.dataType === 'string').map((f) => f.id);
  return groups.map((g) => {
    // Equalities first: they turn most rows away with one comparison.
    const ordered = [...g].sort((a, b) => Number(b.operator === 1) - Number(a.operator === 1));
    const ps = ordered.map((c) => compileCondition(c, fields, stringFields, columnKeys));
    const equalities = ordered
      .filter((c) => c.operator === 1 && fields.has(c.fieldId))
      .map((c) => {
        const f = fields.get(c.fieldId)!;
        return { fieldId: f.id, type: f.dataType, key: filterKey(c.value, f.dataType) ?? null };
      });
    const ranges: CompiledGroup['ranges'] = [];
    for (const c of ordered) {
      const f = fields.get(c.fieldId);
      const key = f && c.operator >= 2 && c.operator <= 5 ? filterKey(c.value, f.dataType) : undefined;
      // A value that matches nothing (null key) is the predicate's to decide.
      if (f && key !== undefined && key !== null) ranges.push({ fieldId: f.id, type: f.dataType, operator: c.operator as 2 | 3 | 4 | 5, key });
    }
    return { predicate: (row, i) => ps.every((p) => p(row, i)), equalities, ranges };
  });
}
