// Issue 18 §1 in Chromium: a failure or a month not fetched never looks like success. A sync
// refused with 401 keeps its error (with what to do) through the reloads that follow, and the bar
// says the fetch failed; a failed connection test stays until dismissed; before the first fetch and
// for a month never fetched the cards are neutral; the toast and the bar say one number.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startHarness, type Harness } from './harness';

let browser: Browser;
let h: Harness;
beforeAll(async () => {
  browser = await launchBrowser();
  h = await startHarness({ browser, viewport: { width: 1280, height: 860 } });
  await h.page.getByRole('button', { name: 'Probeer met demodata' }).click();
  await h.page.locator('.monthbar').waitFor();
  await h.page.getByLabel('Uw naam').fill('A. de Vries');
});
afterAll(async () => {
  await h?.close();
  await browser?.close();
});

const alert = () => h.page.locator('.notice.error');

describe('a failure or a missing month never looks like success', () => {
  it('before the first fetch: no "Sluit aan", no figures, no verdict — "niet opgehaald"', async () => {
    const { page } = h;
    await page.getByTestId('not-fetched').waitFor();
    expect(await page.getByTestId('not-fetched').textContent()).toContain('Periode 06-2025 is nog niet opgehaald uit AFAS');
    // The demo's administration 1 runs Moss and Nmbrs (three cards each), Declaree (payments in
    // transit; its employee creditors are found in the lines, so none yet) and Spend Cloud (the
    // transitory account): none with a verdict.
    const badges = await page.locator('.account-card [data-status]').allTextContents();
    expect(badges).toEqual(Array(8).fill('○ Niet opgehaald'));
    expect(await page.locator('.account-card[data-account="24302"] [data-status]').count()).toBe(1);
    expect(await page.locator('.account-card .figures dd').allTextContents()).toEqual(Array(32).fill('—')); // four figures on each of the eight cards
    expect(await page.locator('.account-card .chart').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toMatch(/Sluit aan|Komt terug op nul/);
    expect(await page.getByRole('button', { name: 'Mutaties ophalen' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Werkmap exporteren' }).isDisabled()).toBe(true);
    await h.screenshot('18-01-not-fetched-1280-nl');
  });

  it('a sync refused with 401 shows its error and action, which stay through the reloads; the bar says it failed', async () => {
    const { page } = h;
    const fake = h.workspaces.demoServer()!.fake;
    fake.faults.add({ kind: '401', match: { path: /Profit_Administrations$/ }, times: Infinity });
    await page.getByRole('button', { name: 'Mutaties ophalen' }).click();
    await alert().waitFor({ timeout: 60_000 });
    expect(await alert().textContent()).toContain('401');
    expect(await alert().locator('.notice-action').textContent()).toMatch(/Wat te doen: .+/);
    // The poll reloads the workspace and the picture after the run ended: the error stays.
    await expect.poll(() => page.getByTestId('last-synced').getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
    await page.waitForTimeout(1500);
    expect(await alert().count()).toBe(1);
    expect(await page.getByTestId('last-synced').textContent()).toMatch(/^Ophalen mislukt op \d\d-\d\d-\d{4} \d\d:\d\d\. Er is nog niets opgehaald\.$/);
    expect(await page.getByTestId('last-synced').textContent()).not.toMatch(/regels/);
    await h.screenshot('18-02-sync-failed-1280-nl');

    // "Verbinding testen" with the same refusal: the 401 stays after the workspace reload.
    await page.getByRole('button', { name: 'Inrichting' }).click();
    await page.getByRole('button', { name: 'Verbinding testen' }).click();
    await expect.poll(() => alert().textContent(), { timeout: 30_000 }).toContain('401');
    await page.waitForTimeout(1500);
    expect(await alert().count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Verbinding testen' }).count()).toBe(1); // setup stays open
    await h.screenshot('18-03-test-connection-401-1280-nl');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => alert().textContent()).toContain('AFAS refused access (401)');
    await h.screenshot('18-03-test-connection-401-1280-en');
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await expect.poll(() => alert().getByRole('button', { name: 'Sluiten' }).count()).toBe(1);
    // Until dismissed.
    await alert().getByRole('button', { name: 'Sluiten' }).click();
    expect(await alert().count()).toBe(0);
    await page.getByRole('button', { name: 'Naar de maandafsluiting' }).click();
    fake.faults.clear();
  });

  it('a good fetch: the toast and the bar say the same number, in words; Moss Balance waits for the wallet', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Mutaties ophalen' }).click();
    const toast = page.locator('.toast');
    await expect.poll(() => toast.textContent(), { timeout: 90_000 }).toMatch(/Klaar: [\d.]+ regels uit AFAS opgehaald \(alle administraties\)\./);
    const rows = /Klaar: ([\d.]+) regels/.exec((await toast.textContent())!)![1];
    await expect.poll(() => page.getByTestId('last-synced').textContent()).toMatch(new RegExp(`^Laatst opgehaald: \\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d · ${rows!.replace('.', '\\.')} regels uit AFAS$`));
    expect(await alert().count()).toBe(0);
    // Moss Balance: no difference, no "comes back to zero" without the wallet balance.
    const mb = page.locator('[data-account="11050"]');
    await expect.poll(() => mb.locator('[data-status]').textContent()).toContain('Walletsaldo nog niet ingevuld');
    expect(await mb.locator('.figures dd').allTextContents()).toEqual([expect.stringMatching(/^€ /), '—', '—', '—']);
    expect(await mb.locator('figcaption').textContent()).toContain('Nog niets te vergelijken');
    await page.getByRole('button', { name: 'Afletteren 11050' }).click();
    await page.locator('.matching-head').waitFor();
    expect(await page.locator('.matching-head').textContent()).not.toContain('Verschil');
    await page.getByRole('button', { name: '← Overzicht' }).click();

    // One definition per count: the card counts the period's lines, the grid adds the open items from before.
    const cit = page.locator('[data-account="20990"]');
    const card = (await cit.getByTestId('card-counts').textContent())!;
    const inPeriod = /^(\d+) regels in 06-2025 · (\d+) open posten/.exec(card)!;
    await cit.getByRole('button', { name: 'Afletteren 20990' }).click();
    await page.locator('[data-testid="table-debit"] [data-key]').first().waitFor();
    const line = (await page.getByTestId('line-count').textContent())!;
    const grid = /^(\d+) regels: (\d+) in 06-2025, (\d+) open uit eerdere maanden$/.exec(line)!;
    expect(grid[2]).toBe(inPeriod[1]);
    expect(Number(grid[1])).toBe(Number(grid[2]) + Number(grid[3]));
    await page.getByRole('button', { name: '← Overzicht' }).click();
    await h.screenshot('18-04-dashboard-1280-nl');
  });

  it('a month never fetched (07-2025) shows no reconciliation', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Volgende maand' }).click();
    await page.getByTestId('not-fetched').waitFor();
    expect(await page.getByTestId('not-fetched').textContent()).toContain('07-2025');
    // The transitory account's releases after June are stored, but July itself was never fetched.
    expect(await page.locator('.account-card [data-status]').allTextContents()).toEqual(Array(8).fill('○ Niet opgehaald'));
    // The employee creditors found in earlier months: a row each, no figures, no way in.
    const employees = page.locator('.employee-table tbody tr[data-account]');
    expect(await employees.count()).toBeGreaterThan(0);
    expect(new Set(await employees.locator('[data-status]').allTextContents())).toEqual(new Set(['○ Niet opgehaald']));
    expect(new Set(await employees.locator('td.num:nth-last-child(-n+3)').allTextContents())).toEqual(new Set(['—']));
    expect(await employees.getByRole('button').evaluateAll((bs) => bs.every((b) => (b as HTMLButtonElement).disabled))).toBe(true);
    expect(await page.locator('.flags').textContent()).toContain('deze periode is nog niet opgehaald');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.getByTestId('not-fetched').textContent()).toContain('Period 07-2025 has not been fetched from AFAS yet');
    await h.screenshot('18-05-july-not-fetched-1280-en');
    await page.setViewportSize({ width: 1920, height: 1000 });
    await h.screenshot('18-05-july-not-fetched-1920-en');
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await expect.poll(() => page.getByTestId('not-fetched').textContent()).toContain('Periode 07-2025');
    await h.screenshot('18-05-july-not-fetched-1920-nl');
    await page.getByRole('button', { name: 'Vorige maand' }).click();
  });

  it('period 13-2025 says what a period looks like', async () => {
    const { page } = h;
    const input = page.getByRole('textbox', { name: 'Periode (MM-JJJJ)' });
    await input.fill('13-2025');
    await page.getByRole('alert').filter({ hasText: 'Typ een periode als 06-2025' }).waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await h.screenshot('18-06-period-13-1920-nl');
    await input.fill('06-2025');
    expect(await page.getByRole('alert').filter({ hasText: 'Typ een periode' }).count()).toBe(0);
  });
});
