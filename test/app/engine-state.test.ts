// The month-end run computes its picture once, in memory, right after writing the auto matches in
// bulk: it must be the picture a fresh read of the store gives (a restart, another window).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { configureDemo, startDemoServer } from '../../src/main/app/demo-server';
import { createMonthEnd } from '../../src/main/app/month-end';
import { memorySecretStore } from '../../src/main/secrets/memory';
import { openDatabase } from '../../src/main/store/database';

const dir = mkdtempSync(join(tmpdir(), 'kp-engine-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const JUNE = { year: 2025, month: 6 };
const clock = () => new Date('2025-07-03T09:00:00Z');

it("the run's picture equals a fresh read of the store, also after the controller unmatched an auto match", async () => {
  const demo = await startDemoServer();
  const db = openDatabase(join(dir, 'kruispost.sqlite'));
  const me = createMonthEnd({ db, secrets: memorySecretStore(), dataDir: dir, clock });
  try {
    await configureDemo(me, demo);
    me.startSync(JUNE);
    await me.waitForSync();
    const fresh = () => {
      const again = createMonthEnd({ db, secrets: memorySecretStore(), dataDir: dir, clock });
      return again.result(1, JUNE);
    };
    const inRun = me.result(1, JUNE);
    expect(inRun.matchCounts.confirmed).toBeGreaterThan(100);
    expect(inRun).toEqual(fresh());

    // An auto match the controller removes is not written again by the next run, and the run's
    // picture says so too.
    const auto = inRun.matches.find((m) => m.status === 'confirmed' && m.confirmedBy === 'auto')!;
    me.unmatch(1, auto.id, 'An', 'check by hand');
    me.startSync(JUNE);
    await me.waitForSync();
    const next = me.result(1, JUNE);
    expect(next.matches.some((m) => m.id === auto.id && m.status === 'confirmed')).toBe(false);
    expect(next).toEqual(fresh());
  } finally {
    await me.close();
    db.close();
    await demo.fake.close();
  }
});
