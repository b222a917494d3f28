// How Profit compares values: numbers numerically, dates chronologically (the trailing Z is not
// UTC, it is Amsterdam local time, so it is ignored), strings case-insensitively.
import type { FakeDataType } from './types';

export type SortKey = number | string | null;

/** Normalises a date value ('2025-04-30T00:00:00Z', '2025-04-30') to 'YYYY-MM-DDTHH:mm:ss[.fff]'. */
export function normalizeDate(value: string): string {
  let s = value.trim();
  if (s.endsWith('Z') || s.endsWith('z')) s = s.slice(0, -1);
  if (s.length === 10) s += 'T00:00:00';
  return s.replace(' ', 'T');
}

function isEmpty(raw: unknown): boolean {
  return raw === null || raw === undefined || raw === '';
}

/** The comparable key of a stored row value; null for empty. */
export function rowKey(raw: unknown, type: FakeDataType): SortKey {
  if (isEmpty(raw)) return null;
  switch (type) {
    case 'int':
    case 'decimal': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      return Number.isNaN(n) ? null : n;
    }
    case 'boolean':
      return raw === true || raw === 'true' || raw === 1 || raw === '1' || raw === -1 ? 1 : 0;
    case 'date':
      return normalizeDate(String(raw));
    default:
      return String(raw).toLowerCase();
  }
}

/** The comparable key of a filter value, or undefined when it cannot be one of `type`. */
export function filterKey(value: string, type: FakeDataType): SortKey | undefined {
  if (value === '') return null;
  switch (type) {
    case 'int':
    case 'decimal': {
      const n = Number(value.replace(',', '.'));
      return Number.isNaN(n) ? undefined : n;
    }
    case 'boolean': {
      const v = value.toLowerCase();
      if (v === 'true' || v === '1' || v === '-1') return 1;
      if (v === 'false' || v === '0') return 0;
      return undefined;
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}/.test(value) ? normalizeDate(value) : undefined;
    default:
      return value.toLowerCase();
  }
}

/** The text the text operators (contains, starts with …) look at. */
export function rowText(raw: unknown, type: FakeDataType): string | null {
  if (isEmpty(raw)) return null;
  if (type === 'date') return normalizeDate(String(raw)).toLowerCase();
  return String(raw).toLowerCase();
}

/** Nulls sort first (as SQL Server does ascending). */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
