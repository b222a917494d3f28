// The engine's building blocks for large inputs: the string index (ids in first-seen order,
// growth past the expected size, misses) and the day numbers (fast path = general path).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateOfDay, dayNumber } from '../../src/main/reconcile/dates';
import { groupId, pairId } from '../../src/main/reconcile/ids';
import { StringIndex } from '../../src/main/reconcile/stringIndex';

describe('StringIndex', () => {
  it('gives dense ids in first-seen order, finds them again and grows past its expected size', () => {
    const idx = new StringIndex(2);
    const words = Array.from({ length: 5000 }, (_, i) => `1/MOSS/${i % 1777}/${i % 3}`);
    const expected = new Map<string, number>();
    for (const w of words) {
      if (!expected.has(w)) expected.set(w, expected.size);
      expect(idx.add(w)).toBe(expected.get(w));
    }
    expect(idx.size).toBe(expected.size);
    for (const [w, id] of expected) expect(idx.find(w)).toBe(id);
    expect(idx.find('1/MOSS/1777/0')).toBe(-1);
    expect(idx.find('')).toBe(-1);
    expect(idx.strings[3]).toBe(words[3]);
  });

  it('agrees with a Map on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 200 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 50 }), (adds, probes) => {
        const idx = new StringIndex(4);
        const map = new Map<string, number>();
        for (const s of adds) {
          if (!map.has(s)) map.set(s, map.size);
          expect(idx.add(s)).toBe(map.get(s));
        }
        for (const s of probes) expect(idx.find(s)).toBe(map.get(s) ?? -1);
      }),
    );
  });
});

describe('dayNumber', () => {
  it('round-trips every day of four centuries and rejects what is not a date', () => {
    for (let d = dayNumber('1900-01-01'); d <= dayNumber('2300-12-31'); d += 7) expect(dayNumber(dateOfDay(d))).toBe(d);
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-02-29') - dayNumber('2024-02-28')).toBe(1);
    expect(() => dayNumber('2025-13-01')).toThrow(RangeError);
    expect(() => dayNumber('2025-00-10')).toThrow(RangeError);
    expect(() => dayNumber('garbage')).toThrow(RangeError);
    // Not the YYYY-MM-DD shape: the general path decides, as before.
    expect(dayNumber('2025-06-01T00:00:00')).toBe(dayNumber('2025-06-01'));
  });
});

describe('group ids', () => {
  it('do not depend on the order of the keys; a pair id is the group id of the pair', () => {
    expect(pairId('auto', '1/INK/2/9', '1/MOSS/1/3')).toBe(groupId('auto', ['1/MOSS/1/3', '1/INK/2/9']));
    expect(groupId('sugg', ['c', 'a', 'b'])).toBe(groupId('sugg', ['b', 'c', 'a']));
    expect(groupId('auto', ['a', 'b'])).not.toBe(groupId('auto', ['a', 'c']));
    // Stored auto matches are upserted by id: the ids must stay what earlier versions produced.
    expect(groupId('auto', ['1/INK/2/9', '1/MOSS/1/3'])).toBe('auto-902f9682e7b76fde');
    expect(groupId('sugg', ['c', 'a', 'b'])).toBe('sugg-b6ee08e1b911fb65');
    expect(groupId('x', [])).toBe('x-811c9dc55ad1e806');
  });
});
