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
