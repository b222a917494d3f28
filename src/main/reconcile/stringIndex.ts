// Dense ids (0, 1, 2, … in first-seen order) for strings such as line keys and invoice ids, in an
// open-addressing table over typed arrays. Sized up front, it never rehashes, and it costs less
// than a Map with hundreds of thousands of string keys.

export class StringIndex {
  private slots: Int32Array;
  private mask: number;
  private hashes: Int32Array;
  readonly strings: string[] = [];

  /** `expected`: about how many distinct strings will be added (the table grows past it). */
  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.hashes = new Int32Array(Math.max(16, expected));
  }

  get size(): number {
    return this.strings.length;
  }

  /** The id of s, or -1. */
  find(s: string): number {
    const h = hash(s);
    const { slots, mask, hashes, strings } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = slots[i]!;
      if (id === -1) return -1;
      if (hashes[id] === h && strings[id] === s) return id;
    }
  }

  /** The id of s, which is added when new (then id === size − 1). */
  add(s: string): number {
    const h = hash(s);
    const { slots, mask, hashes, strings } = this;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const id = slots[i]!;
      if (id === -1) break;
      if (hashes[id] === h && strings[id] === s) return id;
    }
    const id = strings.length;
    strings.push(s);
    if (id >= hashes.length) {
      const grown = new Int32Array(hashes.length * 2);
      grown.set(hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    slots[i] = id;
    if (strings.length * 2 > slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const cap = this.slots.length * 2;
    const slots = new Int32Array(cap).fill(-1);
    const mask = cap - 1;
    const hashes = this.hashes;
    for (let id = 0; id < this.strings.length; id++) {
      let i = hashes[id]! & mask;
      while (slots[i] !== -1) i = (i + 1) & mask;
      slots[i] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }
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
