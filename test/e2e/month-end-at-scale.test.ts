// The month-end over the at-scale administration (~990,000 ledger lines, ~600,000 to reconcile)
// through the real renderer, relay and backend worker, with the fake AFAS in its own process. The
// host's side (what Electron's main is here) must not freeze: its event-loop delay p99 stays
// within 50 ms while the backend syncs, matches and writes; the page gets fresh progress at least
// every 500 ms; and cancel takes effect within a second, from the button, in every long phase.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScaleAfas, type ScaleAfas } from '../../src/main/demo/fake-afas/scale-process';
import type { SyncProgressView } from '../../src/shared/views';
import { launchBrowser, startHarness, type Harness } from './harness';

const TOKEN = `<token><version>1</version><data>${randomBytes(32).toString('hex').toUpperCase()}</data></token>`;
let browser: Browser;
let afas: ScaleAfas;
const dirs: string[] = [];

beforeAll(async () => {
  [browser, afas] = await Promise.all([launchBrowser(), startScaleAfas(TOKEN)]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  afas?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The status answers the page got, with when, on a harness set up for the at-scale workspace. */
async function harness(): Promise<{ h: Harness; status: { t: number; view: SyncProgressView | null }[] }> {
  const status: { t: number; view: SyncProgressView | null }[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-e2e-scale-'));
  dirs.push(dataDir);
  const { served } = afas;
  const h = await startHarness({
    browser,
    dataDir,
    prepare: async (b) => {
      await b.invoke('saveEnvironment', [{ number: '12345', type: 'production', baseUrl: served.baseUrl }]);
      await b.invoke('storeClassicToken', [TOKEN]);
      await b.invoke('saveAdministration', [served.administration]);
      await b.invoke('setSyncFrom', [{ year: 2025, month: 1 }]);
      await b.invoke('recordWalletBalance', [1, { year: 2025, month: 6 }, served.wallet, 'A. de Vries']);
    },
    onAnswer: (method, answer) => {
      if (method === 'getSyncStatus') status.push({ t: performance.now(), view: (answer as { value: SyncProgressView | null }).value });
      // The page stops polling once its export call returns: a cancelled export is seen in that answer.
      if (method === 'exportWorkbook') {
        const a = (answer instanceof Uint8Array ? JSON.parse(Buffer.from(answer).toString('utf8')) : answer) as { ok: boolean; error?: { code: string } };
        const state = a.ok ? 'done' : a.error?.code === 'job.cancelled' ? 'cancelled' : 'failed';
        status.push({ t: performance.now(), view: { ...(status.findLast((s) => s.view?.kind === 'export')?.view as SyncProgressView), kind: 'export', state } });
      }
    },
  });
  await h.page.getByRole('textbox', { name: 'Periode (MM-JJJJ)' }).fill('06-2025');
  return { h, status };
}

/** Longest time the page went without a progress answer that differs from the one before, and after what. */
function longestStale(status: { t: number; view: SyncProgressView | null }[], from: number, to: number): { ms: number; after: string } {
  let last = from;
  let longest = { ms: 0, after: 'start' };
  let prev = '';
  let where = 'start';
  for (const s of status) {
    if (s.t < from || s.t > to || s.view?.state !== 'running') continue;
    const now = JSON.stringify(s.view);
    if (now !== prev) {
      if (s.t - last > longest.ms) longest = { ms: s.t - last, after: where };
      last = s.t;
      prev = now;
      where = `${s.view.phase}/${s.view.step?.label ?? '-'} at ${Math.round((s.t - from) / 100) / 10} s`;
    }
  }
  return to - last > longest.ms ? { ms: to - last, after: where } : longest;
}

const ended = (status: { t: number; view: SyncProgressView | null }[], kind: 'sync' | 'export') => status.find((s) => s.view && s.view.kind === kind && s.view.state !== 'running');

describe('the month-end at scale, in the app', () => {
  it('syncs, matches and exports with the host responsive and progress at least every 500 ms', async () => {
    const { h, status } = await harness();
    const { page } = h;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    await page.locator('.monthbar button.primary').click();
    const start = performance.now();
    delay.enable();
    await expect.poll(() => ended(status, 'sync')?.view?.state, { timeout: 240_000, interval: 250 }).toBe('done');
    const syncEnd = ended(status, 'sync')!;
    const phases = [...new Set(status.map((s) => s.view?.phase).filter(Boolean))];
    // 'apply' (one transaction over staged lines) lasts too short on a first sync to be seen by a poll.
    expect(phases).toEqual(expect.arrayContaining(['discover', 'lines', 'match']));
    const steps = [...new Set(status.map((s) => s.view?.step?.label).filter(Boolean))];
    expect(steps).toEqual(expect.arrayContaining(['read', 'match', 'persist', 'reconcile']));

    await page.getByRole('button', { name: 'Werkmap exporteren' }).click();
    const exportStart = performance.now();
    await expect.poll(() => page.getByTestId('export-done').count(), { timeout: 120_000, interval: 250 }).toBe(1);
    delay.disable();
    const exportEnd = ended(status, 'export')?.t ?? performance.now();
    const p99 = delay.percentile(99) / 1e6;
    const stale = longestStale(status, start, syncEnd.t);
    const staleExport = longestStale(status, exportStart, exportEnd);
    console.log(
      `[at scale] sync ${Math.round((syncEnd.t - start) / 1000)} s; host event-loop delay p99 ${p99.toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms; ` +
        `longest without fresh progress ${Math.round(stale.ms)} ms syncing (after ${stale.after}), ${Math.round(staleExport.ms)} ms exporting (after ${staleExport.after})`,
    );
    expect(p99).toBeLessThanOrEqual(50);
    // The backend beats every 100 ms while it works and the page asks 100 ms after each answer: a longer gap
    // is the backend's thread standing still (a long GC, a statement that never ticks).
    expect(stale.ms).toBeLessThanOrEqual(500);
    expect(staleExport.ms).toBeLessThanOrEqual(500);
    await h.screenshot('at-scale-done');
    await h.close();
  }, 400_000);

  it('cancels within a second while fetching, while matching and while writing the workbook', async () => {
    const { h, status } = await harness();
    const { page } = h;
    const cancelIn = async (kind: 'sync' | 'export', when: (v: SyncProgressView) => boolean) => {
      await expect.poll(() => status.some((s) => s.view && s.view.kind === kind && s.view.state === 'running' && when(s.view)), { timeout: 240_000, interval: 100 }).toBe(true);
      const t0 = performance.now();
      await page.locator('.sync-progress').getByRole('button', { name: 'Annuleren' }).click();
      await expect.poll(() => status.findLast((s) => s.view?.kind === kind)?.view?.state, { timeout: 10_000, interval: 50 }).toBe('cancelled');
      const at = status.find((s) => s.t > t0 && s.view?.kind === kind && s.view.state === 'cancelled')!.t;
      return at - t0;
    };
    await page.locator('.monthbar button.primary').click();
    const fetching = await cancelIn('sync', (v) => v.phase === 'lines' && v.rowsFetched > 50_000);
    status.length = 0;
    await page.locator('.monthbar button.primary').click();
    const matching = await cancelIn('sync', (v) => v.step?.label === 'persist');
    status.length = 0;
    // The next run completes what the cancelled ones left; then the export is cancelled.
    await page.locator('.monthbar button.primary').click();
    await expect.poll(() => ended(status, 'sync')?.view?.state, { timeout: 240_000, interval: 250 }).toBe('done');
    // The page still holds the half-matched picture (~150,000 open lines) it showed before and
    // stays sluggish with it (the README's known limits): it is reloaded, as a user would.
    await page.reload();
    await page.getByRole('textbox', { name: 'Periode (MM-JJJJ)' }).fill('06-2025');
    await page.getByRole('button', { name: 'Werkmap exporteren' }).click({ timeout: 60_000 });
    const exporting = await cancelIn('export', (v) => (v.beat ?? 0) > 3);
    console.log(`[at scale] cancel took effect after ${Math.round(fetching)} ms fetching, ${Math.round(matching)} ms matching, ${Math.round(exporting)} ms exporting`);
    expect(fetching).toBeLessThan(1_000);
    expect(matching).toBeLessThan(1_000);
    expect(exporting).toBeLessThan(1_000);
    await h.close();
  }, 600_000);
});
