// Ingest benchmark: 1,000,000 Profit_Transactions_Allocated rows (AFAS row shape) parsed and
// stored the way the sync does it (toMutationLine + extra → staged in place, page by page → one swap in
// mutation_lines), against a raw better-sqlite3 insert of the same rows in one transaction.
//   npx tsx bench/ingest.ts [rows]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { toMutationLine } from '../src/main/afas/mutation-row';
import { syntheticMutations } from '../src/main/demo/fake-afas/synthetic';
import { openDatabase } from '../src/main/store/database';
import { extraFields } from '../src/main/store/line-extra';
import { batchJson, encodeBatch, type StagedLine } from '../src/main/sync/line-batch';
import { STAGE_BATCH_ROWS } from '../src/main/sync/fetch';
import { applyRun, createStager } from '../src/main/sync/staging';

const N = Number(process.argv[2] ?? 1_000_000);
const PAGE = 5_000;
const ACCOUNTS = ['1600', '1610', '2010', '4000', '4100', '8000'];
const dir = mkdtempSync(join(tmpdir(), 'kruispost-bench-ingest-'));

const rows = syntheticMutations(N, { unitId: 1, seed: 1, from: '2025-01', accounts: ACCOUNTS });

function ours(): number {
  const db = openDatabase(join(dir, 'ours.sqlite'));
  const t0 = performance.now();
  const runId = Number(
    db.prepare("INSERT INTO sync_runs (unit_id, started, status, period_from, period_to, accounts) VALUES (1, ?, 'running', '2025-01', '2025-12', ?)")
      .run(new Date().toISOString(), JSON.stringify(ACCOUNTS)).lastInsertRowid,
  );
  const stager = createStager(db, runId);
  const counts = new Map<string, number>();
  // Pages of PAGE rows, staged per month in transactions of STAGE_BATCH_ROWS, as fetchSlice does.
  let byMonth = new Map<string, StagedLine[]>();
  let buffered = 0;
  const flush = () => {
    for (const [month, list] of byMonth) stager.stageLines(month, encodeBatch(batchJson(list)));
    byMonth = new Map();
    buffered = 0;
  };
  for (let i = 0; i < rows.length; i += PAGE) {
    const page = rows.slice(i, i + PAGE);
    // A page can straddle months: stage each line under its own month, as the sync's slices do.
    for (const row of page) {
      const line = toMutationLine(row);
      const month = line.entryDate.slice(0, 7);
      if (!counts.has(month)) {
        counts.set(month, 0);
        db.prepare("INSERT INTO sync_run_slices (run_id, month, status) VALUES (?, ?, 'pending')").run(runId, month);
      }
      counts.set(month, counts.get(month)! + 1);
      let list = byMonth.get(month);
      if (!list) byMonth.set(month, (list = []));
      list.push({ line, extra: extraFields(row, line) });
    }
    buffered += page.length;
    if (buffered >= STAGE_BATCH_ROWS) flush();
  }
  flush();
  for (const [month, n] of counts) stager.markStaged(month, n, null);
  const { rowsApplied } = applyRun(db, { id: runId, unitId: 1, accounts: ACCOUNTS, changesMark: null, at: new Date().toISOString() });
  const seconds = (performance.now() - t0) / 1000;
  if (rowsApplied !== N) throw new Error(`applied ${rowsApplied} of ${N}`);
  db.close();
  return seconds;
}

function raw(): number {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('page_size = 16384'); // as openDatabase gives a new file: like against like
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE lines (unit_id, journal_id, entry_no, seq_no, year, period, account_no, account_type, entry_date, voucher_date,
    voucher_no, invoice_id, description, line_description, debit, credit, modified, raw, PRIMARY KEY (unit_id, journal_id, entry_no, seq_no)) WITHOUT ROWID;
    CREATE INDEX lines_account_date ON lines (unit_id, account_no, entry_date);`);
  const t0 = performance.now();
  const insert = db.prepare('INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of rows) {
      insert.run(r.UnitId, r.JournalId, r.EntryNo, r.SeqNo, r.Year, r.Period, r.AccountNo, r.Type, r.EntryDate, r.VoucherDate,
        r.VoucherNo, r.InvoiceId, r.Description, r.Omschrijving, r.AmtDebit, r.AmtCredit, r.Modified, JSON.stringify(r));
    }
  })();
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return seconds;
}

try {
  const rawSeconds = raw();
  const ourSeconds = ours();
  const rawRate = N / rawSeconds;
  const ourRate = N / ourSeconds;
  console.log(`rows: ${N}`);
  console.log(`kruispost ingest (parse + stage + swap): ${ourSeconds.toFixed(2)} s, ${Math.round(ourRate)} rows/s`);
  console.log(`raw better-sqlite3 insert (one transaction): ${rawSeconds.toFixed(2)} s, ${Math.round(rawRate)} rows/s`);
  console.log(`ratio (ours / raw rows/s): ${(ourRate / rawRate).toFixed(2)} (target >= 0.5)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
