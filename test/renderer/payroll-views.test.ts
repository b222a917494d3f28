// The renderer's pure helpers for profiles: which fields of the ticked systems are missing, the
// administration the setup form describes, and a match group read as a batch.
import { describe, expect, it } from 'vitest';
import { batchOf, entryLines } from '../../src/renderer/src/state/batch-view';
import type { ViewLine } from '../../src/renderer/src/state/line-columns';
import { administrationOf, EMPTY_MOSS, EMPTY_NMBRS, missingFields } from '../../src/renderer/src/views/setup/profile-fields';

const line = (key: string, amount: number, date = '2025-06-25'): ViewLine => {
  const [, journalId, entryNo] = key.split('/');
  return { key, entryDate: date, journalId: journalId!, entryNo: Number(entryNo), voucher: entryNo!, text: key, amount, note: null };
};

describe('setup: systems and their fields', () => {
  const nmbrs = { journal: 'LON', netWagesAccount: '1610', payrollTaxAccount: '1620', pensionAccount: '', bankAccounts: ['11000'] };
  it('names the missing fields of the ticked systems only, and asks for a system when none is ticked', () => {
    expect(missingFields({ moss: false, nmbrs: false }, EMPTY_MOSS, EMPTY_NMBRS)).toEqual(['setup.systemsNeeded']);
    expect(missingFields({ moss: false, nmbrs: true }, EMPTY_MOSS, { ...nmbrs, payrollTaxAccount: '' })).toEqual(['setup.nmbrs.payrollTax']);
    expect(missingFields({ moss: true, nmbrs: true }, EMPTY_MOSS, nmbrs)).toHaveLength(5);
    expect(missingFields({ moss: false, nmbrs: true }, EMPTY_MOSS, nmbrs)).toEqual([]); // pension is optional
  });

  it('describes only the ticked systems, without an empty pension account', () => {
    expect(administrationOf(1, { moss: false, nmbrs: true }, EMPTY_MOSS, nmbrs)).toEqual({ unitId: 1, nmbrs: { journal: 'LON', netWagesAccount: '1610', payrollTaxAccount: '1620', bankAccounts: ['11000'] } });
    expect(administrationOf(1, { moss: true, nmbrs: true }, EMPTY_MOSS, { ...nmbrs, pensionAccount: '1630' }).nmbrs?.pensionAccount).toBe('1630');
  });
});

describe('a match group as a batch', () => {
  it('one bank line against a run’s lines: count, entries, dates, total and the group’s sum', () => {
    const b = batchOf([line('1/BNK/9/1', 3_000, '2025-06-24'), line('1/LON/7/5', -1_000), line('1/LON/7/4', -2_000)])!;
    expect(b.one.key).toBe('1/BNK/9/1');
    expect(b.many.map((l) => l.key)).toEqual(['1/LON/7/4', '1/LON/7/5']);
    expect(b.entries).toEqual(['LON 7']);
    expect([b.from, b.to, b.total, b.sum]).toEqual(['2025-06-25', '2025-06-25', -3_000, 0]);
  });

  it('is no batch with fewer than three lines or many on both sides', () => {
    expect(batchOf([line('1/BNK/9/1', 3_000), line('1/LON/7/4', -3_000)])).toBeNull();
    expect(batchOf([line('1/BNK/9/1', 1_000), line('1/BNK/9/2', 1_000), line('1/LON/7/4', -1_000), line('1/LON/7/5', -1_000)])).toBeNull();
  });

  it('the entry of a focused run line: its open lines on the account, when there are several', () => {
    // In main's (date, key) order; another entry on other days around it.
    const lines = [line('1/LON/6/4', -9, '2025-05-23'), line('1/LON/7/4', -1), line('1/LON/7/5', -2), line('1/LON/7/6', -3), line('1/LON/8/4', -4), line('1/LON/7/9', -5, '2025-06-26')];
    expect(entryLines(lines, lines[1]!, (k) => k === '1/LON/7/6').map((l) => l.key)).toEqual(['1/LON/7/4', '1/LON/7/5']);
    expect(entryLines(lines, lines[4]!, () => false)).toEqual([]);
    expect(entryLines(lines, { entryDate: '2025-06-30', journalId: 'LON', entryNo: 7 }, () => false)).toEqual([]);
  });
});
