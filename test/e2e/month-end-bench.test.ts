// Measures what the controller feels on a big account: 100,000 lines on screen within a second,
// a match round-trip (click to updated sum/status) within 100 ms. Prints the figures. The month
// behind it is the in-test fake, whose decisions cost what they change (constant), so the figures
// are the screen's and the transport's, not the store's or the engine's.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../src/main/secrets/memory';
import { createServices } from '../../src/main/services';
import { fakeMonthEnd, line } from './fake-month-end';
import { launchBrowser, startHarness } from './harness';

/** Target 100 ms; see the report for what this shared 2-core machine measures. */
const ROUND_TRIP_MS = 100;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function bigAccount(n: number) {
  const out = [];
  for (let i = 0; i < n / 2; i++) {
    const amount = 1_000 + (i % 9_973) * 7;
    out.push(line('2100', 'BNK', 2 * i + 1, 1 + (i % 28), amount, `Bank ${i}`));
    out.push(line('2100', 'MOS', 2 * i + 2, 1 + ((i + 1) % 28), -amount, `Moss ${i}`));
  }
  return out;
}

describe('a 100,000-line account in the matching workspace', () => {
  it('renders within 1 s and round-trips a match quickly', async () => {
    const me = fakeMonthEnd(bigAccount(100_000), { suggest: false });
    const h = await startHarness({ browser, services: (dataDir) => createServices({ dataDir, appVersion: 'bench', secrets: memorySecretStore(), monthEnd: () => me }) });
    const { page } = h;
    await page.getByRole('button', { name: /Probeer met demodata/ }).click();
    await page.locator('[data-account="2100"]').waitFor();
    await page.getByLabel('Uw naam').fill('B. Ench'); // decisions are recorded under a name
    await page.evaluate(() => performance.mark('open'));
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Afletteren 2100' }).click();
    await page.locator('[data-testid="table-debit"] [role="row"][aria-rowindex="2"]').waitFor();
    await page.locator('[data-testid="table-credit"] [role="row"][aria-rowindex="2"]').waitFor();
    const renderMs = Date.now() - t0;
    // Split: click→first slice in the store (IPC transfer + decode) and store→rows on screen.
    const split = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]!.startTime;
      return { transferMs: at('kruispost:lines-loaded') - at('open'), renderMs: at('kruispost:rows-painted') - at('kruispost:lines-loaded'), paintedMs: at('kruispost:rows-painted') - at('open') };
    });
    // The rest arrives in the background; the count says when all 100,000 are there.
    await page.waitForFunction(() => performance.getEntriesByName('kruispost:lines-complete').length > 0, undefined, { timeout: 30_000 });
    const allMs = await page.evaluate(() => performance.getEntriesByName('kruispost:lines-complete')[0]!.startTime - performance.getEntriesByName('open')[0]!.startTime);
    await expect.poll(() => page.getByTestId('line-count').textContent()).toMatch(/^100\.000 regels in 03-2025$/);
    // Only the visible rows exist in the DOM.
    const domRows = await page.locator('[role="row"][data-key]').count();
    expect(domRows).toBeLessThan(200);
    await h.screenshot('bench-100k');

    // Match round-trips: the amount filter € 10,00 leaves 6 bank and 6 Moss lines of that amount;
    // select the first of each (sum 0), press M, wait until the selection is cleared. Five times.
    await page.getByRole('search').getByLabel('Bedrag', { exact: true }).fill('10,00');
    await expect.poll(() => page.locator('[data-testid="table-debit"] [role="row"][data-key]').count()).toBe(6);
    const trips: number[] = [];
    for (let i = 0; i < 5; i++) {
      const firstDebit = page.locator('[data-testid="table-debit"] [role="row"][data-key]').first();
      const key = (await firstDebit.getAttribute('data-key'))!;
      await firstDebit.click();
      await page.locator('[data-testid="table-credit"] [role="row"][data-key]').first().click({ modifiers: ['Control'] });
      await expect.poll(() => page.getByTestId('selection-sum').textContent()).toContain('2 geselecteerd, som € 0,00');
      trips.push(
        await page.evaluate(async () => {
          const start = performance.now();
          document.querySelector<HTMLElement>('[data-testid="table-debit"]')!.focus();
          window.dispatchEvent(new KeyboardEvent('keydown', { key: 'm' }));
          await new Promise<void>((ok) => {
            const check = () => (document.querySelector('[data-testid="selection-sum"]')!.textContent!.startsWith('0 ') ? ok() : requestAnimationFrame(check));
            check();
          });
          return performance.now() - start;
        }),
      );
      await expect.poll(() => page.locator(`[data-key="${key}"]`).count()).toBe(0); // matched lines leave the open view
    }
    expect(await page.locator('[data-testid="table-debit"] [role="row"][data-key]').count()).toBe(1);
    expect(me.lines.length).toBe(100_000);
    const median = [...trips].sort((a, b) => a - b)[2]!;
    console.log(
      `[bench] 100,000 lines: click→rows painted ${Math.round(split.paintedMs)} ms in the page (first slice ${Math.round(split.transferMs)} ms + render to paint ${Math.round(split.renderMs)} ms), ${renderMs} ms as Playwright sees it (its probe queues behind the background slices on CDP); all 100,000 in the table after ${Math.round(allMs)} ms; DOM rows ${domRows}; ` +
        `match round-trip median ${median.toFixed(1)} ms (${trips.map((x) => x.toFixed(0)).join(', ')})`,
    );
    // What the controller sees: from before the click to the first rows painted, timed in the page.
    // (Playwright's own view of it waits behind the background slices on CDP: printed, not a target.)
    expect(split.paintedMs).toBeLessThanOrEqual(1000);
    expect(allMs).toBeLessThanOrEqual(5000);
    expect(median).toBeLessThanOrEqual(ROUND_TRIP_MS);
    await h.close();
  });
});
