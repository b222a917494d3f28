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
    expect(missingFields({ moss: false, nmbrs: false, spendcloud: false }, EMPTY_MOSS, EMPTY_NMBRS)).toEqual(['setup.systemsNeeded']);
    expect(missingFields({ moss: false, nmbrs: true, spendcloud: false }, EMPTY_MOSS, { ...nmbrs, payrollTaxAccount: '' })).toEqual(['setup.nmbrs.payrollTax']);
    expect(missingFields({ moss: true, nmbrs: true, spendcloud: false }, EMPTY_MOSS, nmbrs)).toHaveLength(5);
    expect(missingFields({ moss: false, nmbrs: true, spendcloud: false }, EMPTY_MOSS, nmbrs)).toEqual([]); // pension is optional
  });

  it('describes only the ticked systems, without an empty pension account', () => {
    expect(administrationOf(1, { moss: false, nmbrs: true, spendcloud: false }, EMPTY_MOSS, nmbrs)).toEqual({ unitId: 1, nmbrs: { journal: 'LON', netWagesAccount: '1610', payrollTaxAccount: '1620', bankAccounts: ['11000'] } });
    expect(administrationOf(1, { moss: true, nmbrs: true, spendcloud: false }, EMPTY_MOSS, { ...nmbrs, pensionAccount: '1630' }).nmbrs?.pensionAccount).toBe('1630');
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

describe('setup and voucher view: Spend Cloud', () => {
  it('asks for the journal and the transitory account, and describes the profile with them', async () => {
    const { EMPTY_DECLAREE, EMPTY_SPENDCLOUD } = await import('../../src/renderer/src/views/setup/profile-fields');
    const on = { moss: false, nmbrs: false, spendcloud: true };
    expect(missingFields(on, EMPTY_MOSS, EMPTY_NMBRS, EMPTY_DECLAREE, EMPTY_SPENDCLOUD)).toEqual(['setup.spendcloud.journal', 'setup.spendcloud.transitory']);
    expect(missingFields(on, EMPTY_MOSS, EMPTY_NMBRS, EMPTY_DECLAREE, { journal: 'INK', transitoryAccounts: ['24302'] })).toEqual([]);
    expect(administrationOf(1, on, EMPTY_MOSS, EMPTY_NMBRS, EMPTY_DECLAREE, { journal: 'INK', transitoryAccounts: ['24302'] })).toEqual({ unitId: 1, spendcloud: { journal: 'INK', transitoryAccounts: ['24302'] } });
  });

  it('lists open vouchers first (largest remainder first), filters by text, and marks the lines after the period', async () => {
    const { voucherRows, voucherLines, voucherTotals } = await import('../../src/renderer/src/state/voucher-view');
    const v = (voucherNo: string, status: 'releasing' | 'released' | 'not-fully-released' | 'release-without-booking', remainder: number, description = 'x') => ({
      voucherNo, status, remainder, description, bookedOn: '2025-01-10', booked: 1_000, releasedThrough: -500, toRelease: -500 + remainder, balance: 500, firstRelease: '2025-01', lastRelease: '2025-02', releaseCount: 2, lineCount: 3, invoiceId: `F${voucherNo}`, flags: [],
      lines: [
        { key: `1/INK/2/${voucherNo}`, entryDate: '2025-02-28', journalId: 'INK', entryNo: 2, amount: -500, booking: false, description: null },
        { key: `1/INK/1/${voucherNo}`, entryDate: '2025-01-10', journalId: 'INK', entryNo: 1, amount: 1_000, booking: true, description: null },
      ],
    });
    const all = [v('1', 'releasing', 0), v('2', 'not-fully-released', 100), v('3', 'release-without-booking', -2_500, 'Adobe'), v('4', 'released', 0)];
    expect(voucherRows(all, { openOnly: false, text: '' }).map((x) => x.voucherNo)).toEqual(['3', '2', '1', '4']);
    expect(voucherRows(all, { openOnly: true, text: '' }).map((x) => x.voucherNo)).toEqual(['3', '2']);
    expect(voucherRows(all, { openOnly: false, text: 'adobe' }).map((x) => x.voucherNo)).toEqual(['3']);
    expect(voucherLines(all[0]!, '2025-01-31').map((l) => [l.entryDate, l.after])).toEqual([['2025-01-10', false], ['2025-02-28', true]]);
    expect(voucherTotals(all).remainder).toBe(-2_400);
  });
});
