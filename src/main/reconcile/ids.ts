// Deterministic ids for match groups: the same lines always give the same id, so persisting an
// auto-match twice is an upsert, not a second record.
import type { LineKey } from '../../shared/domain';

const HEX = '0123456789abcdef';

function hex8(h: number): string {
  let s = '';
  for (let shift = 28; shift >= 0; shift -= 4) s += HEX[(h >>> shift) & 15];
  return s;
}

/** FNV-1a over the sorted keys (code-unit order, as Array.prototype.sort), two 32-bit lanes, as 16 hex digits. */
export function groupId(prefix: string, keys: readonly LineKey[]): string {
  // Most groups are two lines: order them without copying and sorting an array.
  const sorted = keys.length === 2 ? (keys[0]! <= keys[1]! ? keys : [keys[1]!, keys[0]!]) : [...keys].sort();
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
  return `${prefix}-${hex8(h1)}${hex8(h2)}`;
}
