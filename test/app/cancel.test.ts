// Cancel takes effect within a second in every phase of the month-end — fetch, apply, match and
// export — on half a year with over a hundred thousand lines to match, and loses nothing: the lines already
// applied and the auto matches of chunks already written stay, the next run finishes the job, an
// export cancelled leaves no file. The host's cancel flag is raised the moment a phase begins.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenAccount } from '../../src/main/afas/credentials';
import { createMonthEnd, type MonthEndService } from '../../src/main/app/month-end';
import { generateScaleDataset, SCALE_PERIOD } from '../../src/main/demo/dataset/at-scale';
import { startFakeAfas, type FakeAfas } from '../../src/main/demo/fake-afas/server';
import { memorySecretStore } from '../../src/main/secrets/memory';
import { openDatabase, type Db } from '../../src/main/store/database';
import type { SyncProgressView } from '../../src/shared/views';

const TOKEN = `<token><version>1</version><data>${'C0'.repeat(32)}</data></token>`;
const data = generateScaleDataset({ busyPerDay: [550, 650] });
let fake: FakeAfas;
let dir: string;
let db: Db;
let me: MonthEndService;
const flag = new Int32Array(new SharedArrayBuffer(4));

beforeAll(async () => {
  fake = await startFakeAfas({ tokens: [TOKEN], environment: data.environment });
  dir = mkdtempSync(join(tmpdir(), 'kp-cancel-'));
  db = openDatabase(join(dir, 'kruispost.sqlite'));
  const secrets = memorySecretStore({ [tokenAccount({ number: '12345', baseUrl: fake.baseUrl })]: TOKEN });
  me = createMonthEnd({ db, secrets, dataDir: dir, cancelFlag: flag, clock: () => new Date('2025-07-03T09:00:00Z') });
  await me.saveEnvironment({ number: '12345', type: 'production', baseUrl: fake.baseUrl });
  me.saveAdministration(data.administration);
  me.setSyncFrom({ year: 2025, month: 1 });
});
afterAll(async () => {
  await me?.close();
  db?.close();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Raises the flag when `when` first holds for a view; resolves with the ms from then to the end. */
function cancelWhen(when: (v: SyncProgressView) => boolean): Promise<{ ms: number; end: SyncProgressView; at: SyncProgressView }> {
  Atomics.store(flag, 0, 0);
  return new Promise((resolve) => {
    let raised: { t: number; at: SyncProgressView } | null = null;
    const stop = me.onSyncProgress((v) => {
      if (!raised && v.state === 'running' && when(v)) {
        Atomics.store(flag, 0, 1);
        raised = { t: performance.now(), at: v };
      }
      if (raised && v.state !== 'running') {
        stop();
        resolve({ ms: performance.now() - raised.t, end: v, at: raised.at });
      }
    });
  });
}

const lineCount = () => (db.prepare('SELECT count(*) AS n FROM mutation_lines WHERE run_id IS NULL OR run_id IN (SELECT id FROM sync_runs WHERE status = ?)').get('done') as { n: number }).n;
const matchCount = () => (db.prepare('SELECT count(*) AS n FROM matches').get() as { n: number }).n;

describe('cancel within a second, losing nothing', () => {
  it('while fetching', async () => {
    const cancelled = cancelWhen((v) => v.phase === 'lines' && v.rowsFetched > 20_000);
    me.startSync(SCALE_PERIOD);
    const { ms, end } = await cancelled;
    expect(end.state).toBe('cancelled');
    expect(ms).toBeLessThan(1_000);
    expect(lineCount()).toBe(0); // nothing half applied
  });

  it('while applying: the lines stay, matching does not start', async () => {
    const cancelled = cancelWhen((v) => v.phase === 'apply');
    me.startSync(SCALE_PERIOD);
    const { ms, end } = await cancelled;
    expect(end.state).toBe('cancelled');
    expect(ms).toBeLessThan(1_000);
    expect(lineCount()).toBeGreaterThan(100_000);
    expect(matchCount()).toBe(0);
  });

  it('while saving the auto matches: the chunks written stay, the next run finishes', async () => {
    const cancelled = cancelWhen((v) => v.step?.label === 'persist' && v.step.done > 0);
    me.startSync(SCALE_PERIOD);
    const { ms, end, at } = await cancelled;
    expect(end.state).toBe('cancelled');
    expect(ms).toBeLessThan(1_000);
    const partial = matchCount();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(at.step!.total!);

    Atomics.store(flag, 0, 0);
    me.startSync(SCALE_PERIOD);
    expect((await me.waitForSync())?.state).toBe('done');
    expect(matchCount()).toBe(at.step!.total!);
  });

  it('while writing the workbook: no file is left behind', async () => {
    const out = join(dir, 'out');
    const cancelled = cancelWhen((v) => v.kind === 'export' && (v.beat ?? 0) > 2);
    const writing = me.exportWorkbook(1, SCALE_PERIOD, join(out, 'werkmap.xlsx'), 'nl');
    const { ms, end } = await cancelled;
    await expect(writing).rejects.toMatchObject({ appError: { code: 'job.cancelled' } });
    expect(end.state).toBe('cancelled');
    expect(ms).toBeLessThan(1_000);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
