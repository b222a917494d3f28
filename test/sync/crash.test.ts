// A sync process SIGKILLed mid-sync: the database still holds the previous good state, passes
// integrity_check, and the next sync resumes without refetching what the killed one staged.
import { spawn } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/store/database';
import { listSyncRuns } from '../../src/main/store/sync-runs';
import { syncAdministration } from '../../src/main/sync/sync-administration';
import { crashScenario } from './crash-scenario';
import { snapshot, tmpDb } from './helpers';

let t: ReturnType<typeof tmpDb>;
afterEach(() => t.cleanup());

it('survives SIGKILL mid-sync and resumes', async () => {
  t = tmpDb();
  const good = crashScenario(false);
  await syncAdministration({ db: t.db, client: good.afas, config: good.config, from: good.from, to: good.to, now: good.now });
  const before = snapshot(t.db);
  expect(Object.keys(before)).toHaveLength(360);
  t.db.close();

  const child = spawn('npx', ['tsx', 'test/sync/crash-child.ts', t.file], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // npx → tsx → node: kill the child's whole process group, as a crash would.
  const kill = () => process.kill(-child.pid!, 'SIGKILL');
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const killedAfter = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/staged 2\n/.test(out) && child.exitCode === null) {
        kill();
        resolve(out);
      }
    });
    child.on('exit', (code, sig) => (sig === 'SIGKILL' ? undefined : reject(new Error(`child exited ${code}: ${err}${out}`))));
  });
  if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('close', r));
  expect(killedAfter).not.toContain('finished');

  const db = openDatabase(t.file);
  t.db = db;
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(snapshot(db)).toEqual(before);
  const staged = db.prepare<[], { month: string }>(
      `SELECT s.month FROM sync_run_slices s JOIN sync_runs r ON r.id = s.run_id
       WHERE r.status <> 'done' AND s.status = 'staged' AND s.month <> 'master' ORDER BY s.month`,
    ).all().map((r) => r.month);
  expect(staged.length).toBeGreaterThanOrEqual(2);

  const changed = crashScenario(true);
  const resumed = await syncAdministration({ db, client: changed.afas, config: changed.config, from: changed.from, to: changed.to, now: changed.now });
  expect(resumed.resumed).toBe(true);
  for (const m of staged) expect(resumed.slicesFetched).not.toContain(m);
  expect(resumed.slicesFetched.length + staged.length).toBe(6);
  const after = snapshot(db);
  expect(Object.keys(after)).toHaveLength(360);
  expect(after['1/BNK/1001/1']).toEqual([101, 0]); // 1.01 in cents: the changed amount
  expect(listSyncRuns(db, 1)[0]!.status).toBe('done');
}, 60_000);
