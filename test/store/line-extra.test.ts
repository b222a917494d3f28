import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { toMutationLine } from '../../src/main/afas/mutation-row';
import type { AfasRow } from '../../src/main/afas/types';
import { extraFields, lineExtra, restoreRow } from '../../src/main/store/line-extra';
import { batchJson, encodeBatch } from '../../src/main/sync/line-batch';
import { createStager } from '../../src/main/sync/staging';
import { LINE_COLUMNS, type LineRow } from '../../src/main/store/lines';
import { openDatabase } from '../../src/main/store/database';
import { MIGRATIONS } from '../../src/main/store/migrations';


const row: AfasRow = {
  UnitId: 1, EntryNo: 1234, SeqNo: 2, Year: 2025, Period: 4, JournalId: '60', AccountNo: '1290', Omschrijving: 'Top-up Moss',
  AmtDebit: 2452.64, AmtCredit: 0, EntryDate: '2025-04-30T00:00:00Z', InvoiceId: null, VoucherDate: '2025-04-29T00:00:00Z',
  VoucherNo: '250001', VatCode: null, VatAmt: null, Description: 'Bankafschrift', Created: '2025-04-30T08:00:00Z',
  Modified: '2025-04-30T09:15:00Z', Type: 'Grootboekrekening', DimAx1: null, SomethingCustom: 'kept',
};

const db = openDatabase(':memory:');
afterAll(() => db.close());
const runId = Number(
  db.prepare("INSERT INTO sync_runs (unit_id, started, status, period_from, period_to, accounts) VALUES (1, 'x', 'running', '2025-01', '2025-12', '[]')").run().lastInsertRowid,
);
const stager = createStager(db, runId);

/** The row staged the way a sync stages it (batch JSON read by SQLite), and read back. */
function stored(r: AfasRow): { columns: LineRow; extra: string } {
  const line = toMutationLine(r);
  db.prepare('DELETE FROM mutation_lines').run();
  stager.stageLines(line.entryDate.slice(0, 7), encodeBatch(batchJson([{ line, extra: extraFields(r, line) }])));
  const back = db.prepare<[], LineRow & { extra: string }>(`SELECT ${LINE_COLUMNS.join(', ')} FROM mutation_lines`).all();
  expect(back).toHaveLength(1);
  expect(back[0]!.extra).toBe(lineExtra(r, line));
  return { columns: back[0]!, extra: back[0]!.extra };
}

describe('line extra', () => {
  it('keeps only the fields the columns do not hold, and restores the row', () => {
    const { columns, extra } = stored(row);
    expect(JSON.parse(extra)).toEqual({ VatCode: null, VatAmt: null, Created: '2025-04-30T08:00:00Z', DimAx1: null, SomethingCustom: 'kept' });
    expect(restoreRow(columns, extra)).toEqual(row);
  });

  it('keeps mapped values the columns cannot give back exactly', () => {
    const odd: AfasRow = { ...row, Description: '', AmtDebit: '12.50', AmtCredit: null, EntryDate: '2025-04-30T13:05:00Z', VoucherDate: '2025-04-29', Modified: '2025-04-30T09:15:00.123Z', EntryNo: '1234' };
    const { columns, extra } = stored(odd);
    expect(Object.keys(JSON.parse(extra) as object)).toEqual(
      expect.arrayContaining(['Description', 'AmtDebit', 'AmtCredit', 'EntryDate', 'VoucherDate', 'Modified', 'EntryNo']),
    );
    expect(restoreRow(columns, extra)).toEqual(odd);
  });

  it('a full raw row (schema before 7) restores to itself', () => {
    const { columns } = stored(row);
    expect(restoreRow(columns, JSON.stringify(row))).toEqual(row);
  });

  it('a line stored with its full raw row before schema 7 reads back the same after the upgrade', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kruispost-extra-'));
    try {
      const file = join(dir, 'kruispost.sqlite');
      const v6 = openDatabase(file, MIGRATIONS.filter((m) => m.version <= 6));
      const { columns } = stored(row);
      const cols = LINE_COLUMNS.map((c) => (c === 'extra' ? 'raw' : c));
      v6.prepare(`INSERT INTO mutation_lines (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
        ...LINE_COLUMNS.map((c) => (c === 'extra' ? JSON.stringify(row) : (columns as unknown as Record<string, unknown>)[c])),
      );
      v6.close();
      const db = openDatabase(file);
      const back = db.prepare<[], LineRow & { extra: string }>('SELECT * FROM mutation_lines').get()!;
      db.close();
      expect(restoreRow(back, back.extra)).toEqual(row);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round-trips any amount with up to two decimals and any text', () => {
    const amount = fc.oneof(
      fc.integer({ min: -1e12, max: 1e12 }).map((c) => c / 100),
      fc.constant(null),
      fc.integer({ min: -1e6, max: 1e6 }).map((c) => (c / 100).toFixed(2)),
    );
    // Any well-formed text, any script (SQLite stores UTF-8: a lone surrogate cannot be kept).
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string(), fc.constant(null));
    fc.assert(
      fc.property(amount, amount, text, text, fc.boolean(), (debit, credit, description, line, withTime) => {
        const r: AfasRow = { ...row, AmtDebit: debit, AmtCredit: credit, Description: description, Omschrijving: line, EntryDate: withTime ? '2025-04-30T23:59:00Z' : row.EntryDate };
        const { columns, extra } = stored(r);
        expect(restoreRow(columns, extra)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });
});
