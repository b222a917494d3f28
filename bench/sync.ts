// End-to-end sync benchmark: 1,000,000 mutation rows from the fake AFAS (its own process) through
// the real client into SQLite, against the raw download of the same pages (same client, same
// filters and order, rows counted and dropped), same run. Also the peak RSS of this process.
//   npx tsx bench/sync.ts [rows]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { classicTokenAuth } from '../src/main/afas/classic-token';
import { createAfasClient } from '../src/main/afas/client';
import type { AfasClient } from '../src/main/afas/types';
import { startFakeAfas } from '../src/main/demo/fake-afas/server';
import {
  PROFIT_ACCOUNTS_FIELDS,
  PROFIT_ADMINISTRATIONS_FIELDS,
  PROFIT_CREDITOR_FIELDS,
  PROFIT_FIN_CHANGED_ENTRYDATE_FIELDS,
  PROFIT_JOURNALS_FIELDS,
  PROFIT_TRANSACTIONS_FIELDS,
  syntheticMutations,
} from '../src/main/demo/fake-afas/synthetic';
import type { AdministrationConfig } from '../src/shared/domain';
import type { AfasRow } from '../src/main/afas/types';
import { openDatabase, type Db } from '../src/main/store/database';
import { LINE_COLUMNS, countLines, lineFromRow, type LineRow } from '../src/main/store/lines';
import { STAGE_BATCH_ROWS } from '../src/main/sync/fetch';
import { batchJson, encodeBatch } from '../src/main/sync/line-batch';
import { createStager } from '../src/main/sync/staging';
import { ACCOUNTS_PER_REQUEST, LINE_ORDER, chunk, monthsBetween, sliceFilter } from '../src/main/sync/slices';
import { syncAdministration } from '../src/main/sync/sync-administration';
import { processCpuSeconds } from './cpu';

const ACCOUNTS = ['1600', '1610', '2010', '4000', '4100', '8000'];
const FROM = { year: 2025, month: 1 };
const TO = { year: 2025, month: 12 };

async function serve(rows: number, token: string): Promise<void> {
  const fake = await startFakeAfas({
    tokens: [token],
    environment: {
      envId: 'O12345AA',
      connectors: {
        Profit_Transactions_Allocated: { fields: PROFIT_TRANSACTIONS_FIELDS, rows: syntheticMutations(rows, { unitId: 1, seed: 1, from: '2025-01', accounts: ACCOUNTS }) },
        Profit_Journals: { fields: PROFIT_JOURNALS_FIELDS, rows: ['10', '20', '50', '60', '90'].map((id) => ({ UnitId: 1, JournalId: id, Description: `Dagboek ${id}`, JournalType: null, Blocked: false })) },
        Profit_Administrations: { fields: PROFIT_ADMINISTRATIONS_FIELDS, rows: [{ AdminId: 1, AdminNm: 'Bench BV', AdminCd: '001' }] },
        Profit_Accounts: { fields: PROFIT_ACCOUNTS_FIELDS, rows: ACCOUNTS.map((a) => ({ Account: a, Description: `Rekening ${a}`, Blocked: false })) },
        Profit_Creditor: { fields: PROFIT_CREDITOR_FIELDS, rows: [{ CreditorId: '2010', CreditorName: 'Moss Default Supplier' }] },
        Profit_Fin_ChangedEntrydate: { fields: PROFIT_FIN_CHANGED_ENTRYDATE_FIELDS, rows: [] },
      },
    },
  });
  process.stdout.write(JSON.stringify({ baseUrl: fake.baseUrl }) + '\n');
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function download(client: AfasClient): Promise<{ seconds: number; rows: number; cpu: number }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let rows = 0;
  for (const slice of monthsBetween(FROM, TO)) {
    for (const part of chunk(ACCOUNTS, ACCOUNTS_PER_REQUEST)) {
      for await (const page of client.getRows('Profit_Transactions_Allocated', { orderBy: LINE_ORDER, filters: sliceFilter(1, slice, part) })) rows += page.length;
    }
  }
  return { seconds: (performance.now() - t0) / 1000, rows, cpu: cpuSeconds(cpu0) };
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
}

/**
 * The floor under the sync's time on this machine: the SQLite work alone. The synced lines, read
 * back, staged into a fresh database the way the sync's writer stages them (same batches of JSON,
 * same statements, one transaction per batch), timed without any HTTP or parsing.
 */
function sqliteFloor(synced: Db, file: string): number {
  const lines = synced
    .prepare<[], LineRow & { extra: string }>(`SELECT ${LINE_COLUMNS.join(', ')} FROM mutation_lines ORDER BY rowid`)
    .all()
    .map((r) => ({ line: lineFromRow(r), extra: JSON.parse(r.extra) as AfasRow }));
  const batches: { month: string; json: Uint8Array }[] = [];
  for (let i = 0; i < lines.length; i += STAGE_BATCH_ROWS) {
    const part = lines.slice(i, i + STAGE_BATCH_ROWS);
    batches.push({ month: part[0]!.line.entryDate.slice(0, 7), json: encodeBatch(batchJson(part)) });
  }
  const db = openDatabase(file);
  const runId = Number(
    db.prepare("INSERT INTO sync_runs (unit_id, started, status, period_from, period_to, accounts) VALUES (1, 'x', 'running', '2025-01', '2025-12', '[]')").run().lastInsertRowid,
  );
  const stager = createStager(db, runId);
  const t0 = performance.now();
  for (const b of batches) stager.stageLines(b.month, b.json);
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return seconds;
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const token = `<token><version>1</version><data>${randomBytes(32).toString('hex').toUpperCase()}</data></token>`;
  // The fake runs in its own process group so its memory is not counted and it can be stopped whole.
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/sync.ts', '--serve', String(rows)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_AFAS_TOKEN: token },
  });
  const stopChild = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const dir = mkdtempSync(join(tmpdir(), 'kruispost-bench-sync-'));
  try {
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`fake AFAS exited ${code}`)));
    });
    const { baseUrl } = JSON.parse(first) as { baseUrl: string };
    const client = createAfasClient({ baseUrl, auth: classicTokenAuth(token) });
    const config: AdministrationConfig = {
      unitId: 1,
      profile: 'moss',
      moss: { balanceAccount: '1600', cashInTransitAccount: '1610', defaultSupplier: '2010', purchaseJournal: '60', bankJournal: '20', bankAccounts: ['4000', '4100', '8000'], merchantCreditors: [] },
    };

    const serverCpu = () => processCpuSeconds(child.pid!);
    const warm = await download(client); // also warms the fake's indexes
    const serverBeforeSync = serverCpu();
    const db = openDatabase(join(dir, 'bench.sqlite'));
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const phases = new Map<string, number>();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await syncAdministration({ db, client, config, from: FROM, to: TO, now: () => new Date('2026-06-01T12:00:00Z'), onProgress: (p) => {
      peak = Math.max(peak, process.memoryUsage().rss);
      if (!phases.has(p.phase)) phases.set(p.phase, performance.now());
    } });
    const syncSeconds = (performance.now() - t0) / 1000;
    const syncCpu = cpuSeconds(cpu0);
    const serverDuringSync = serverCpu() - serverBeforeSync;
    clearInterval(sample);
    const stored = countLines(db);
    const floor = sqliteFloor(db, join(dir, 'floor.sqlite'));
    db.close();
    const serverBeforeAgain = serverCpu();
    const again = await download(client);
    const serverDuringDownload = serverCpu() - serverBeforeAgain;
    await client.close();
    const raw = Math.min(warm.seconds, again.seconds);
    if (warm.rows !== rows || stored !== rows || result.rowsApplied !== rows) throw new Error(`row counts differ: download ${warm.rows}, stored ${stored}, applied ${result.rowsApplied}, expected ${rows}`);
    const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
    console.log(`rows: ${rows}`);
    console.log(`raw download (real client, same pages): ${raw.toFixed(2)} s, ${Math.round(rows / raw)} rows/s (runs: ${warm.seconds.toFixed(2)} s, ${again.seconds.toFixed(2)} s; client CPU ${warm.cpu.toFixed(2)} s, ${again.cpu.toFixed(2)} s)`);
    console.log(`sync into SQLite (end to end): ${syncSeconds.toFixed(2)} s, ${Math.round(rows / syncSeconds)} rows/s, CPU ${syncCpu.toFixed(2)} s`);
    const at = (phase: string) => ((phases.get(phase) ?? t0) - t0) / 1000;
    console.log(`  phases: lines from ${at('lines').toFixed(2)} s, swap from ${at('apply').toFixed(2)} s, done at ${at('done').toFixed(2)} s`);
    console.log(`ratio (sync / download time): ${(syncSeconds / raw).toFixed(2)} (target <= 1.5)`);
    const cores = cpus().length;
    const needed = syncCpu + serverDuringSync;
    console.log(`CPU: sync ${syncCpu.toFixed(2)} s here + ${serverDuringSync.toFixed(2)} s in the fake AFAS = ${needed.toFixed(2)} s on ${cores} cores, so >= ${(needed / cores).toFixed(2)} s of wall time (= ${(needed / cores / raw).toFixed(2)}x the download; the fake used ${serverDuringDownload.toFixed(2)} s CPU for the download)`);
    console.log(`SQLite alone (the same rows' staging statements on one thread, no HTTP): ${floor.toFixed(2)} s = ${(floor / raw).toFixed(2)}x the download`);
    console.log(`load average: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
    console.log(`peak RSS during sync: ${mb(peak)} MB (before: ${mb(rssBefore)} MB; target < 500 MB)`);
  } finally {
    stopChild();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') {
  void serve(Number(process.argv[3] ?? 1_000_000), process.env.BENCH_AFAS_TOKEN ?? '');
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
