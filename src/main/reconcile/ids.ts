// Deterministic ids for match groups: the same lines always give the same id, so persisting an
// auto-match twice is an upsert, not a second record.
import type { LineKey } from '../../shared/domain';

const HEX = '0123456789abcdef';
const HEX_CODES = Array.from(HEX, (c) => c.charCodeAt(0));

/** The two lanes as 16 lower-case hex digits, made as one string (not 16 concatenations). */
function hex16(a: number, b: number): string {
  const x = HEX_CODES;
  return String.fromCharCode(
    x[(a >>> 28) & 15]!, x[(a >>> 24) & 15]!, x[(a >>> 20) & 15]!, x[(a >>> 16) & 15]!,
    x[(a >>> 12) & 15]!, x[(a >>> 8) & 15]!, x[(a >>> 4) & 15]!, x[a & 15]!,
    x[(b >>> 28) & 15]!, x[(b >>> 24) & 15]!, x[(b >>> 20) & 15]!, x[(b >>> 16) & 15]!,
    x[(b >>> 12) & 15]!, x[(b >>> 8) & 15]!, x[(b >>> 4) & 15]!, x[b & 15]!,
  );
}

/** FNV-1a over the sorted keys (code-unit order, as Array.prototype.sort), two 32-bit lanes, as 16 hex digits. */
export function groupId(prefix: string, keys: readonly LineKey[]): string {
  if (keys.length === 2) return pairId(prefix, keys[0]!, keys[1]!);
  const lanes = [0x811c9dc5, 0x01000193 ^ 0x5bd1e995];
  for (const k of [...keys].sort()) mix(lanes, k);
  return `${prefix}-${hex16(lanes[0]!, lanes[1]!)}`;
}

/** groupId of a two-line group, without an array of keys (most groups are a pair). */
export function pairId(prefix: string, a: LineKey, b: LineKey): string {
  const lanes = PAIR;
  lanes[0] = 0x811c9dc5;
  lanes[1] = 0x01000193 ^ 0x5bd1e995;
  mix(lanes, a <= b ? a : b);
  mix(lanes, a <= b ? b : a);
  return `${prefix}-${hex16(lanes[0], lanes[1])}`;
}

const PAIR = new Int32Array(2);

function mix(lanes: Int32Array | number[], k: string): void {
  let h1 = lanes[0]!;
  let h2 = lanes[1]!;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
  }
  lanes[0] = Math.imul(h1 ^ 0x7c, 0x01000193); // separator '|'
  lanes[1] = Math.imul(h2 ^ 0x7c, 0x5bd1e995);
}
