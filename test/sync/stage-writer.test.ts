import { afterEach, describe, expect, it } from 'vitest';
import type { MutationLine } from '../../src/shared/domain';
import { startLineWriter, type LineWriter } from '../../src/main/sync/stage-writer';
import { createStager } from '../../src/main/sync/staging';
import { batchJson, encodeBatch, LineBatch, type StagedLine } from '../../src/main/sync/line-batch';
import { LINE_COLUMNS, lineValues } from '../../src/main/store/lines';
import { tmpDb, stagedLines } from './helpers';

const line = (entryNo: number, over: Partial<MutationLine> = {}): StagedLine => ({
  line: {
    key: `1/60/${entryNo}/1`, unitId: 1, journalId: '60', entryNo, seqNo: 1, year: 2025, period: 3, accountNo: '1600', accountType: null,
    entryDate: '2025-03-01', voucherDate: null, voucherNo: `V${entryNo}`, invoiceId: null, description: 'Omschrijving', lineDescription: 'Regel',
    debit: 1234, credit: 0, amount: 1234, modified: '2025-03-02T10:00:00', ...over,
  },
  extra: { VatCode: '1' },
});
const json = (lines: StagedLine[]) => encodeBatch(batchJson(lines));

let cleanup: (() => void) | null = null;
let writer: LineWriter | null = null;
afterEach(async () => {
  await writer?.close();
  cleanup?.();
});

function setup() {
  const t = tmpDb();
  cleanup = t.cleanup;
  const runId = Number(
    t.db.prepare("INSERT INTO sync_runs (unit_id, started, status, period_from, period_to, accounts) VALUES (1, 'x', 'running', '2025-01', '2025-12', '[\"1600\"]')").run()
      .lastInsertRowid,
  );
  t.db.prepare("INSERT INTO sync_run_slices (run_id, month, status) VALUES (?, '2025-03', 'pending')").run(runId);
  const status = () => t.db.prepare<[number], string>("SELECT status FROM sync_run_slices WHERE run_id = ? AND month = '2025-03'").pluck().get(runId);
  return { db: t.db, runId, status };
}

describe('stage writer (worker thread)', () => {
  it('commits batches in order on its own connection; the mark lands after them', async () => {
    const { db, runId, status } = setup();
    writer = startLineWriter(db, runId)!;
    expect(writer).not.toBeNull();
    await writer.resetSlice('2025-03');
    for (let b = 0; b < 5; b++) await writer.stage('2025-03', json(Array.from({ length: 100 }, (_, k) => line(b * 100 + k))));
    // A repeated key: the later batch wins, as in-thread staging.
    await writer.stage('2025-03', json([line(7, { debit: 99 })]));
    await writer.markStaged('2025-03', 501, '2025-03-02T10:00:00');
    await writer.flush();
    expect(stagedLines(db)).toBe(500);
    expect(db.prepare<[], number>('SELECT debit FROM mutation_lines WHERE entry_no = 7').pluck().get()).toBe(99);
    expect(db.prepare<[], string>("SELECT extra FROM mutation_lines WHERE entry_no = 8").pluck().get()).toBe('{"VatCode":"1"}');
    expect(status()).toBe('staged');
  });

  it('a failing batch rejects, and nothing queued after it is written (the slice stays pending)', async () => {
    const { db, runId, status } = setup();
    writer = startLineWriter(db, runId)!;
    await writer.stage('2025-03', json([line(1)]));
    // entry_date is NOT NULL: the worker's transaction fails.
    const bad = writer.stage('2025-03', json([line(2), line(3, { entryDate: null as unknown as string })])).then(() => writer!.stage('2025-03', json([line(4)])));
    const after = bad.then(() => writer!.markStaged('2025-03', 3, null)).then(() => writer!.flush());
    await expect(after).rejects.toThrow(/NOT NULL/);
    await expect(writer.flush()).rejects.toThrow(/NOT NULL/);
    await writer.close();
    expect(db.prepare<[], number>('SELECT entry_no FROM mutation_lines ORDER BY 1').pluck().all()).toEqual([1]);
    expect(status()).toBe('pending');
  });

  it('stores every value exactly, on the worker and in-thread alike; of one key twice in a batch the later stays', async () => {
    const tricky = [
      line(1, { description: 'Quote " backslash \\ slash / tab \t newline \n nul \u0000 bell \u0007', lineDescription: 'Ærø café – Zürich 😀 中文 \u2028' }),
      line(2, { description: null, lineDescription: null, voucherNo: null, accountType: 'B', voucherDate: '2025-02-28', modified: null }),
      line(3, { debit: 900_719_925_474_099, credit: 0, amount: 900_719_925_474_099, journalId: '0060', accountNo: '001600' }),
      line(4, { debit: 0, credit: 5, amount: -5, description: 'lone \ud800 high, lone \udc00 low, pair 😀' }),
      { ...line(5), extra: { DimAx1: 'A"B', Note: '\ud800', X: [1.5, null, { y: '\n' }], Empty: '', Big: 1e21 } },
      line(6, { description: 'first' }),
      line(6, { description: 'second', debit: 77 }),
    ];
    const { db, runId } = setup();
    writer = startLineWriter(db, runId)!;
    // Two pages into one batch, as fetchSlice builds it.
    const batch = new LineBatch();
    batch.add(tricky.slice(0, 3));
    batch.add(tricky.slice(3));
    expect(batch.rows).toBe(tricky.length);
    const text = batch.take();
    expect(batch.rows).toBe(0);
    await writer.stage('2025-03', text.slice()); // stage() moves its bytes to the worker
    await writer.flush();
    const cols = LINE_COLUMNS.join(', ');
    const stored = () => db.prepare(`SELECT ${cols} FROM mutation_lines ORDER BY entry_no`).raw().all() as unknown[][];
    const viaWorker = stored();
    db.prepare('DELETE FROM mutation_lines').run();
    createStager(db, runId).stageLines('2025-03', text);
    expect(stored()).toEqual(viaWorker);
    // What a bound parameter would store: the values as given, lone surrogates as U+FFFD; the
    // extra as JSON.stringify writes it (its escapes kept: JSON.parse gives the row back).
    const expected = [...tricky.slice(0, 5), tricky[6]!].map(({ line: l, extra }) =>
      lineValues(l, JSON.stringify(extra)).map((v, i) => (typeof v === 'string' && i < LINE_COLUMNS.length - 1 ? v.toWellFormed() : v)),
    );
    expect(viaWorker).toEqual(expected);
    expect(viaWorker[3]![12]).toBe('lone \ufffd high, lone \ufffd low, pair 😀');
  });

  it('a database without a file gets no writer (staging stays in-thread)', async () => {
    const { openDatabase } = await import('../../src/main/store/database');
    const mem = openDatabase(':memory:');
    expect(startLineWriter(mem, 1)).toBeNull();
    mem.close();
  });
});
