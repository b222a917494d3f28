// The whole month-end as a controller runs it, at the size users have: `kruispost reconcile` (the
// CLI's job: sync of six month slices → auto-match → persist → reconcile → workbook → report)
// against the fake AFAS in its own process serving ~990,000 ledger lines of one administration
// (two busy months of ~290,000 profile lines each). Each run is a process of its own, as a user
// starts one (bench/month-end-run.ts), timed per phase (wall, CPU, highest RSS), with the peak RSS
// of that process (the backend's threads included), against the raw download of every line of
// the administration in ordered pages of 10,000, measured in the same run. Then a second run on the
// same database after one line changed in AFAS in an earlier month.
// The backend is the built one (out/main/backend.js, as the CLI and the app run it).
//   npm run bench:month-end [-- --busy-per-day 2800-3500]
// BENCH_KEEP=1 keeps the data directory to look into; BENCH_CHILD_FLAGS gives the runs' processes
// Node or V8 flags (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"); BENCH_PROFILE_FAKE profiles the fake.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import type { JobResult } from '../src/main/cli/job';
import { startScaleAfas, type ScaleServed } from '../src/main/demo/fake-afas/scale-process';
import { processCpuSeconds } from './cpu';
import type { RunReply, RunRequest } from './month-end-run';

const TAKE = 10_000;
const ENV_ID = '12345';

type Served = ScaleServed;

/** The floor: every line of the administration, ordered pages of 10,000, parsed and counted. */
async function download(baseUrl: string, token: string): Promise<{ seconds: number; rows: number }> {
  const t0 = performance.now();
  let rows = 0;
  for (let skip = 0; ; skip += TAKE) {
    const q = new URLSearchParams({ filterfieldids: 'UnitId', filtervalues: '1', operatortypes: '1', orderbyfieldids: 'EntryDate,JournalId,EntryNo,SeqNo', skip: String(skip), take: String(TAKE) });
    const res = await request(`${baseUrl}/connectors/Profit_Transactions_Allocated?${q}`, {
      headers: { authorization: `AfasToken ${Buffer.from(token).toString('base64')}`, accept: 'application/json' },
    });
    if (res.statusCode !== 200) throw new Error(`download: HTTP ${res.statusCode}`);
    const page = (JSON.parse(await res.body.text()) as { rows: unknown[] }).rows;
    rows += page.length;
    if (page.length < TAKE) break;
  }
  return { seconds: (performance.now() - t0) / 1000, rows };
}

/** One month-end in a process of its own (bench/month-end-run.ts), timed there. */
async function monthEnd(served: Served, token: string, dataDir: string, out: string, serverPid: number): Promise<RunFigures> {
  const server0 = processCpuSeconds(serverPid);
  const child = fork(fileURLToPath(new URL('./month-end-run.ts', import.meta.url)), [], { execArgv: [...process.execArgv, ...(process.env.BENCH_CHILD_FLAGS?.split(' ') ?? [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const reply = new Promise<RunReply>((ok, fail) => {
    child.once('message', (m) => ok(m as RunReply));
    child.once('exit', (code) => fail(new Error(`month-end run exited ${code}`)));
  });
  child.send({ served, token, envId: ENV_ID, dataDir, out } satisfies RunRequest);
  const r = await reply;
  return { ...r, serverCpu: processCpuSeconds(serverPid) - server0 };
}

interface RunFigures extends RunReply {
  serverCpu: number;
}

function check(served: Served, r: JobResult, label: string): string {
  const got = r.report?.administrations[0]?.accounts ?? [];
  const wrong = served.truth.filter((t) => {
    const a = got.find((x) => x.account === t.account);
    return !a || a.closing !== (t.closing / 100).toFixed(2) || a.clears !== t.clears;
  });
  if (r.code > 1 || wrong.length > 0) throw new Error(`${label}: exit ${r.code}; accounts that differ from the truth: ${wrong.map((w) => w.account).join(', ')}`);
  return `${got.length} accounts as the truth has them`;
}

function print(label: string, f: RunFigures, floor: number, lines: number, target: number): void {
  const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
  console.log(`\n${label}: ${f.seconds.toFixed(2)} s = ${(f.seconds / floor).toFixed(2)}x the download (target <= ${target}), CPU ${f.cpu.toFixed(2)} s here + ${f.serverCpu.toFixed(2)} s in the fake AFAS`);
  for (const p of f.phases.filter((x) => x.wall >= 0.005)) console.log(`  ${p.phase.padEnd(16)} ${p.wall.toFixed(2).padStart(7)} s wall ${p.cpu.toFixed(2).padStart(7)} s CPU ${mb(p.rss).padStart(8)} RSS at most`);
  console.log(`  peak RSS ${mb(f.peak)} (target <= 1024 MB) = ${Math.round(f.peak / lines)} bytes per ledger line`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'busy-per-day': { type: 'string', default: '2800-3500' } } });
  const token = `<token><version>1</version><data>${randomBytes(32).toString('hex').toUpperCase()}</data></token>`;
  const profile = process.env.BENCH_PROFILE_FAKE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_FAKE}`] : [];
  const fake = await startScaleAfas(token, { busyPerDay: values['busy-per-day'], execArgv: profile });
  const dir = mkdtempSync(join(tmpdir(), 'kruispost-bench-month-end-'));
  try {
    const served = fake.served;
    await download(served.baseUrl, token); // warms the fake's indexes
    const fake0 = processCpuSeconds(fake.pid);
    const raw = await download(served.baseUrl, token);
    const fakeFloor = processCpuSeconds(fake.pid) - fake0;
    if (raw.rows !== served.rows) throw new Error(`download got ${raw.rows} of ${served.rows} rows`);
    console.log(`environment: ${served.rows} ledger lines in administration 1 (fake AFAS in its own process, on the same ${cpus().length} cores)`);
    console.log(`floor: raw download of every line, ordered pages of ${TAKE}: ${raw.seconds.toFixed(2)} s (the fake AFAS used ${fakeFloor.toFixed(2)} s CPU for it)`);

    const dataDir = join(dir, 'data');
    const first = await monthEnd(served, token, dataDir, join(dir, 'out1'), fake.pid);
    print('first run (sync from empty)', first, raw.seconds, served.rows, 2.5);
    console.log(`  ${check(served, first.result, 'first run')}; workbook ${Math.round(statSync(join(dir, 'out1', 'workbook.xlsx')).size / 1024)} KiB`);

    console.log(`\nchanged in AFAS: line ${await fake.change()}`);
    const second = await monthEnd(served, token, dataDir, join(dir, 'out2'), fake.pid);
    print('second run (one line changed in March)', second, raw.seconds, served.rows, 1.5);
    console.log(`  exit ${second.result.code}; report ${second.result.report ? 'written' : 'missing'}`);
    console.log(`\nload average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  } finally {
    fake.stop();
    if (process.env.BENCH_KEEP) console.log(`kept ${dir}`); else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
