import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAfasDate, parseAfasDateTime, toMutationLine } from '../../src/main/afas/mutation-row';
import { parseAfasJson, repairBareDecimals } from '../../src/main/afas/afas-json';
import { AppFailure } from '../../src/shared/errors';
import { toCents } from '../../src/shared/money';

const row = {
  UnitId: 1,
  EntryNo: 1234,
  SeqNo: 2,
  Year: 2025,
  Period: 4,
  JournalId: '60',
  AccountNo: '1290',
  Omschrijving: 'Top-up Moss',
  AmtDebit: 0.1,
  AmtCredit: null,
  EntryDate: '2025-04-30T00:00:00Z',
  InvoiceId: null,
  VoucherDate: '2025-04-29T00:00:00Z',
  VoucherNo: '250001',
  VatCode: null,
  VatAmt: null,
  Description: 'Bankafschrift',
  Created: '2025-04-30T08:00:00Z',
  Modified: '2025-04-30T09:15:00Z',
  Type: 'Grootboekrekening',
  DimAx1: null,
  SomethingCustom: 'ignored',
};

describe('toMutationLine', () => {
  it('maps the fields, keeps Amsterdam dates and tolerates nulls', () => {
    expect(toMutationLine(row)).toEqual({
      key: '1/60/1234/2',
      unitId: 1,
      journalId: '60',
      entryNo: 1234,
      seqNo: 2,
      year: 2025,
      period: 4,
      accountNo: '1290',
      accountType: 'Grootboekrekening',
      entryDate: '2025-04-30',
      voucherDate: '2025-04-29',
      voucherNo: '250001',
      invoiceId: null,
      description: 'Bankafschrift',
      lineDescription: 'Top-up Moss',
      debit: 10,
      credit: 0,
      amount: 10,
      modified: '2025-04-30T09:15:00',
    });
  });

  it.each([
    [0.1, 10],
    [0.29, 29],
    [1.005, 101],
    [-0.5, -50],
    [1e12 + 0.01, 100_000_000_000_001],
    [null, 0],
    [0, 0],
    [12345.67, 1_234_567],
  ])('amount %s is exactly %i cents', (amount, expected) => {
    const line = toMutationLine({ ...row, AmtDebit: amount, AmtCredit: amount });
    expect(line.debit).toBe(expected);
    expect(line.credit).toBe(expected);
    expect(line.amount).toBe(0);
  });

  it('reads any JSON number as the exact decimal conversion does (fast path included)', () => {
    const same = (amount: number) => {
      let expected: number | 'invalid';
      try {
        expected = toCents(amount);
      } catch {
        expected = 'invalid';
      }
      let got: number | 'invalid';
      try {
        got = toMutationLine({ ...row, AmtDebit: amount }).debit;
      } catch {
        got = 'invalid';
      }
      expect(got).toBe(expected);
    };
    // Every two-decimal amount up to 10^13 euros, written as AFAS writes it (a JSON number).
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (c) => same(c / 100)), { numRuns: 20_000 });
    // Any double at all: more decimals, tiny, huge, the float sums of amounts.
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e16, max: 1e16 }), same), { numRuns: 20_000 });
    for (const a of [1.005, 2.675, -1.005, 0.1 + 0.2, 45035996273704.97, 90071992547409.91, -0.005, 0.015, 1e-7, -0]) same(a);
  });

  it('does not lose midnight entries to the previous day (Z is not UTC)', () => {
    expect(toMutationLine({ ...row, EntryDate: '2025-01-01T00:00:00Z' }).entryDate).toBe('2025-01-01');
    expect(parseAfasDate('2025-03-31T23:30:00Z')).toBe('2025-03-31');
    expect(parseAfasDate('2025-03-31')).toBe('2025-03-31');
    expect(parseAfasDate(null)).toBeNull();
    expect(parseAfasDate('31-03-2025')).toBeNull();
    expect(parseAfasDateTime('2025-03-31T23:30Z')).toBe('2025-03-31T23:30:00');
  });

  it('accepts ids sent as strings and refuses a line without identity', () => {
    expect(toMutationLine({ ...row, UnitId: '1', EntryNo: '1234', JournalId: 60, AccountNo: 1290 }).key).toBe('1/60/1234/2');
    for (const field of ['UnitId', 'JournalId', 'EntryNo', 'SeqNo', 'Year', 'Period', 'AccountNo', 'EntryDate']) {
      expect(() => toMutationLine({ ...row, [field]: null })).toThrow(AppFailure);
    }
    expect(() => toMutationLine({ ...row, AmtDebit: 'abc' })).toThrow(AppFailure);
  });
});

describe('odd input from AFAS', () => {
  it('refuses identities that are not safe integers (1e21, 2^53+1) instead of keying them wrongly', () => {
    for (const field of ['UnitId', 'EntryNo', 'SeqNo', 'Year', 'Period']) {
      for (const bad of [1e21, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), '9007199254740993', '1e21', 1.5]) {
        expect(() => toMutationLine({ ...row, [field]: bad }), `${field} ${bad}`).toThrow(AppFailure);
      }
    }
    // JSON.parse turns 2^53+1 into 2^53: both are refused, so two lines never share one key.
    const body = parseAfasJson('{"rows":[{"EntryNo":9007199254740993},{"EntryNo":9007199254740992}]}') as { rows: Record<string, unknown>[] };
    for (const r of body.rows) expect(() => toMutationLine({ ...row, ...r })).toThrow(/EntryNo/);
    expect(toMutationLine({ ...row, EntryNo: Number.MAX_SAFE_INTEGER }).entryNo).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses impossible calendar dates in EntryDate, VoucherDate and Modified', () => {
    for (const bad of ['2025-13-45T00:00:00Z', '2025-02-30T00:00:00Z', '2025-00-10T00:00:00Z', '2023-02-29', '2025-04-31T00:00:00Z', '2025-04-30T25:00:00Z']) {
      expect(parseAfasDate(bad), bad).toBeNull();
      expect(() => toMutationLine({ ...row, EntryDate: bad }), bad).toThrow(/EntryDate/);
      expect(() => toMutationLine({ ...row, VoucherDate: bad }), bad).toThrow(/VoucherDate/);
      expect(() => toMutationLine({ ...row, Modified: bad }), bad).toThrow(/Modified/);
    }
    expect(parseAfasDate('2024-02-29T00:00:00Z')).toBe('2024-02-29');
    expect(parseAfasDate('2000-02-29')).toBe('2000-02-29');
    expect(parseAfasDate('1900-02-29')).toBeNull();
    expect(parseAfasDateTime('2025-03-31T23:59:59.999Z')).toBe('2025-03-31T23:59:59');
    // Absent stays absent.
    expect(toMutationLine({ ...row, VoucherDate: null, Modified: '' })).toMatchObject({ voucherDate: null, modified: null });
  });
});

describe('legacy JSON numbers', () => {
  it('parses -.5 and .25 written by old Profit versions, leaving strings alone', () => {
    const body = '{"rows":[{"AmtDebit":-.5,"AmtCredit":.25,"Omschrijving":"a: .5, [-.5]","X":[.1, -.2]}]}';
    const parsed = parseAfasJson(body) as { rows: Array<Record<string, unknown>> };
    expect(parsed.rows[0]).toEqual({ AmtDebit: -0.5, AmtCredit: 0.25, Omschrijving: 'a: .5, [-.5]', X: [0.1, -0.2] });
    const line = toMutationLine({ ...row, ...parsed.rows[0] });
    expect(line.debit).toBe(-50);
    expect(line.credit).toBe(25);
    expect(repairBareDecimals('{"a":1.5,"b":"\\".5"}')).toBe('{"a":1.5,"b":"\\".5"}');
    expect(() => parseAfasJson('{"rows":[{"a":1')).toThrow();
  });
});
