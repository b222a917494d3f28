import { describe, expect, it } from 'vitest';
import { defaultWorkbookName, SheetNames } from '../../src/main/workbook/names';
import { signedMovements } from '../../src/main/workbook/sheets/rollforward';
import { amsterdamOffsetMs, euro, excelDateTime, safeText } from '../../src/main/workbook/cells';

describe('defaultWorkbookName', () => {
  const march = { year: 2025, month: 3 };
  it('names the administration and period', () => {
    expect(defaultWorkbookName('Voorbeeld B.V.', march)).toBe('Kruispost-Voorbeeld B.V.-2025-03.xlsx');
    expect(defaultWorkbookName(12, { year: 2024, month: 12 })).toBe('Kruispost-12-2024-12.xlsx');
  });
  it('removes what file systems refuse', () => {
    expect(defaultWorkbookName('A/B\\C:D*E?"F"<G>|H', march)).toBe('Kruispost-A-B-C-D-E-F-G-H-2025-03.xlsx');
    expect(defaultWorkbookName('tab\there\nnew', march)).toBe('Kruispost-tab-here-new-2025-03.xlsx');
    expect(defaultWorkbookName('   ', march)).toBe('Kruispost-administratie-2025-03.xlsx');
    expect(defaultWorkbookName('x'.repeat(300), march)).toBe(`Kruispost-${'x'.repeat(80)}-2025-03.xlsx`);
  });
});

describe('SheetNames', () => {
  it('keeps names within 31 characters, without forbidden characters, unique', () => {
    const names = new SheetNames();
    expect(names.take('Open 1-2030')).toBe('Open 1-2030');
    expect(names.take('open 1-2030')).toBe('open 1-2030 (2)');
    expect(names.take('a[b]c:d*e?f/g\\h')).toBe('a-b-c-d-e-f-g-h');
    const long = names.take('Open 123456-1234567890123456789012345');
    expect(long).toHaveLength(31);
    expect(names.take('Open 123456-1234567890123456789012345')).toMatch(/^.{27} \(2\)$/);
    expect(names.take("''")).toBe('Sheet');
  });
});

describe('signedMovements', () => {
  const base = { wallet: null, difference: null, likelyCauses: [] };
  it('subtracts spend, as the engine\'s identity says, so the SUM ties', () => {
    expect(signedMovements({ ...base, opening: 100, topUps: 50, spend: 30, refunds: 5, other: 0, closing: 125 })).toEqual({ topUps: 50, spend: -30, refunds: 5, other: 0 });
  });
  it('never guesses signs: a gap stays a gap for the check row', () => {
    expect(signedMovements({ ...base, opening: 100, topUps: 50, spend: 30, refunds: 5, other: 0, closing: 1 })).toEqual({ topUps: 50, spend: -30, refunds: 5, other: 0 });
  });
});

describe('cells', () => {
  it('converts cents to euros without accepting non-integers', () => {
    expect(euro(123456789)).toBe(1234567.89);
    expect(euro(-1)).toBe(-0.01);
    expect(() => euro(0.5)).toThrow(RangeError);
  });
  it('shows instants as Amsterdam wall-clock time, winter and summer', () => {
    expect(excelDateTime('2025-01-15T12:00:00Z')?.toISOString()).toBe('2025-01-15T13:00:00.000Z');
    expect(excelDateTime('2025-07-15T22:30:00Z')?.toISOString()).toBe('2025-07-16T00:30:00.000Z');
    expect(excelDateTime('2025-07-15')?.toISOString()).toBe('2025-07-15T00:00:00.000Z');
    expect(excelDateTime('not a date')).toBeNull();
  });
  it('removes AFAS tokens from free text and caps its length', () => {
    expect(safeText('a <token><version>1</version><data>ABC</data></token> b')).toBe('a [token verwijderd / token removed] b');
    expect(safeText('Authorization: AfasToken PHRva2VuPjx2ZXJzaW9uPjE=')).toBe('Authorization: AfasToken [token verwijderd / token removed]');
    expect(safeText('x'.repeat(40000))).toHaveLength(32767);
  });
});

describe('amsterdamOffsetMs', () => {
  it('agrees with the time-zone database for every hour around each switch, 1996-2040', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', timeZoneName: 'shortOffset' });
    const offsetOf = (t: number) => {
      const name = intl.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? '';
      return Number(/GMT([+-]\d+)/.exec(name)?.[1] ?? 0) * 3_600_000;
    };
    let checked = 0;
    for (let year = 1996; year <= 2040; year++) {
      for (const month of [2, 9]) {
        const start = Date.UTC(year, month, 24);
        for (let t = start; t < start + 8 * 86_400_000; t += 3_600_000) {
          expect(amsterdamOffsetMs(t), new Date(t).toISOString()).toBe(offsetOf(t));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(15_000);
  });
});
