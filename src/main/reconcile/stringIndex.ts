// Dense ids (0, 1, 2, … in first-seen order) for strings such as line keys and invoice ids, in an
// open-addressing table over typed arrays. Sized up front, it never rehashes, and it costs less
// than a Map with hundreds of thousands of string keys.

export class StringIndex {
  /** Pairs (hash, id) per slot, id −1 = empty: a probe reads one cache line, not the hash list. */
  private slots: Int32Array;
  private mask: number;
  readonly strings: string[] = [];

  /** `expected`: about how many distinct strings will be added (the table grows past it). */
  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = emptySlots(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.strings.length;
  }

  /** The id of s, or -1. */
  find(s: string): number {
    const h = hash(s);
    const { slots, mask, strings } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = slots[2 * i + 1]!;
      if (id === -1) return -1;
      if (slots[2 * i] === h && strings[id] === s) return id;
    }
  }

  /** The id of s, which is added when new (then id === size − 1). */
  add(s: string): number {
    const h = hash(s);
    const { slots, mask, strings } = this;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const id = slots[2 * i + 1]!;
      if (id === -1) break;
      if (slots[2 * i] === h && strings[id] === s) return id;
    }
    const id = strings.length;
    strings.push(s);
    slots[2 * i] = h;
    slots[2 * i + 1] = id;
    if (strings.length * 2 > mask + 1) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const slots = emptySlots(cap);
    const mask = cap - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === -1) continue;
      let i = old[j]! & mask;
      while (slots[2 * i + 1] !== -1) i = (i + 1) & mask;
      slots[2 * i] = old[j]!;
      slots[2 * i + 1] = old[j + 1]!;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function emptySlots(cap: number): Int32Array {
  const slots = new Int32Array(2 * cap);
  for (let i = 1; i < slots.length; i += 2) slots[i] = -1;
  return slots;
}

/** FNV-1a over the UTF-16 code units, with a final mix so that the low bits spread. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}
