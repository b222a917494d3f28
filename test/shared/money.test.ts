import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToDecimal, formatEuro, parseEuroInput, sumCents, toCents } from '../../src/shared/money';

describe('toCents: exact decimal to integer cents', () => {
  it.each([
    [0.1, 10],
    [0.29, 29],
    [1.005, 101],
    [-0.5, -50],
    [1e12 + 0.01, 100000000000001],
    ['-.5', -50],
    ['.5', 50],
    ['12', 1200],
    ['1e2', 10000],
    [-1.005, -101],
    [0, 0],
    [-0, 0],
  ])('%s -> %s', (input, cents) => {
    expect(toCents(input)).toBe(cents);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1,5', '--1', NaN, Infinity]) expect(() => toCents(bad as never)).toThrow(RangeError);
  });

  it('round-trips every two-decimal amount through its decimal string', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (c) => toCents(centsToDecimal(c)) === c && toCents(Number(centsToDecimal(c))) === c));
  });

  it('fails fast on an exponent far out of range instead of building a 20-million-digit number', () => {
    for (const huge of ['1e20000000', '-1e20000000', '9.99e999999999', '1e16', '0.0000001e23']) {
      const started = performance.now();
      expect(() => toCents(huge)).toThrow(RangeError);
      expect(performance.now() - started, huge).toBeLessThan(50);
    }
    for (const [tiny, cents] of [['0e99999999', 0], ['1e-20000000', 0], ['-1e-999999999', 0], ['5e-3', 1], ['9.00719925474099e13', 9007199254740990]] as const) {
      const started = performance.now();
      expect(toCents(tiny)).toBe(cents);
      expect(performance.now() - started, tiny).toBeLessThan(50);
    }
  });

  it('sums 0.1 + 0.2 to exactly 0.3', () => {
    expect(sumCents([toCents(0.1), toCents(0.2)])).toBe(toCents(0.3));
  });
});

describe('formatting at the edges', () => {
  it('shows Dutch and English euro amounts', () => {
    expect(formatEuro(123456, 'nl')).toBe('€ 1.234,56');
    expect(formatEuro(-35, 'nl')).toBe('€ -0,35');
    expect(formatEuro(123456789, 'en')).toBe('€1,234,567.89');
    expect(centsToDecimal(-35)).toBe('-0.35');
    expect(centsToDecimal(123456)).toBe('1234.56');
  });
  it('parses what a controller types', () => {
    expect(parseEuroInput('1.234,56', 'nl')).toBe(123456);
    expect(parseEuroInput('€ 12', 'nl')).toBe(1200);
    expect(parseEuroInput('-0,35', 'nl')).toBe(-35);
    expect(parseEuroInput('1,234.56', 'en')).toBe(123456);
    expect(parseEuroInput('1234.56', 'en')).toBe(123456);
  });
});
