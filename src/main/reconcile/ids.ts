// Deterministic ids for match groups: the same lines always give the same id, so persisting an
// auto-match twice is an upsert, not a second record.
import type { LineKey } from '../../shared/domain';

/** FNV-1a over the sorted keys, two 32-bit lanes, as 16 hex digits. */
export function groupId(prefix: string, keys: readonly LineKey[]): string {
  const sorted = [...keys].sort();
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (const k of sorted) {
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
    }
    h1 = Math.imul(h1 ^ 0x7c, 0x01000193); // separator '|'
    h2 = Math.imul(h2 ^ 0x7c, 0x5bd1e995);
  }
  return `${prefix}-${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}
