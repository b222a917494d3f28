// One month-end run of bench:month-end in a process of its own, as a user starts `kruispost
// reconcile`: so its peak RSS is the job's (the bench's own download of every line, parsed in
// the parent, is not in it) and every run starts cold. Reports its phases (wall, CPU, highest
// RSS sampled) and the job's result to the parent over the fork channel.
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tokenAccount } from '../src/main/afas/credentials';
import { backendEntry } from '../src/main/backend/entry';
import { runJob, type JobResult } from '../src/main/cli/job';
import { SCALE_PERIOD } from '../src/main/demo/dataset/at-scale';
import type { ScaleServed } from '../src/main/demo/fake-afas/scale-process';
import { memorySecretStore } from '../src/main/secrets/memory';

export interface RunRequest {
  served: ScaleServed;
  token: string;
  envId: string;
  dataDir: string;
  out: string;
}

export interface PhaseTime {
  phase: string;
  wall: number;
  cpu: number;
  /** Highest RSS sampled (every 50 ms) while the phase ran: which phase makes the peak. */
  rss: number;
}

export interface RunReply {
  seconds: number;
  cpu: number;
  /** VmHWM: the process's peak RSS over the whole run, all threads. */
  peak: number;
  phases: PhaseTime[];
  result: JobResult;
}

function status(field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
  return Number(m?.[1] ?? 0) * 1024;
}

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};

async function run(req: RunRequest): Promise<RunReply> {
  const backend = backendEntry(pathToFileURL(resolve('out/main/cli.js')).href);
  const { served } = req;
  const marks: { phase: string; t: number; cpu: number; rss: number }[] = [];
  const t0 = performance.now();
  const cpu0 = cpuNow();
  marks.push({ phase: 'start', t: t0, cpu: cpu0, rss: status('VmRSS') });
  const sampler = setInterval(() => {
    const m = marks[marks.length - 1]!;
    m.rss = Math.max(m.rss, status('VmRSS'));
  }, 50);
  const result = await runJob({
    config: { environment: { number: req.envId, type: 'production' }, administrations: [served.administration], syncFrom: served.syncFrom },
    period: SCALE_PERIOD,
    out: join(req.out, 'workbook.xlsx'),
    report: join(req.out, 'report.json'),
    walletBalances: new Map([[served.administration.unitId, served.wallet]]),
    baseUrl: served.baseUrl,
    dataDir: req.dataDir,
    lang: 'nl',
    secrets: memorySecretStore({ [tokenAccount({ number: req.envId, baseUrl: served.baseUrl })]: req.token }),
    stdout: process.stderr,
    stderr: process.stderr,
    onPhase: (phase) => marks.push({ phase, t: performance.now(), cpu: cpuNow(), rss: status('VmRSS') }),
    // The backend's own thread gets the run's flags too (a CPU profile of the job is that thread's).
    backend: { ...backend, execArgv: [...backend.execArgv, ...process.execArgv.filter((f) => f.startsWith('--cpu-prof'))] },
  });
  clearInterval(sampler);
  const end = { t: performance.now(), cpu: cpuNow() };
  const phases = marks.map((m, i) => {
    const next = marks[i + 1] ?? end;
    return { phase: m.phase, wall: (next.t - m.t) / 1000, cpu: next.cpu - m.cpu, rss: m.rss };
  });
  return { seconds: (end.t - t0) / 1000, cpu: end.cpu - cpu0, peak: status('VmHWM'), phases, result };
}

process.once('message', (req: RunRequest) => {
  run(req).then(
    (reply) => process.send!(reply, () => process.exit(0)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
});
