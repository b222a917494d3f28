// The controller's month-end in a real Chromium over the real orchestrator, SQLite file and the
// bundled fake AFAS with its planted problems: first run → sync → dashboard → decisions → re-sync.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthEndService } from '../../src/main/app';
import { launchBrowser, startHarness } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('month-end with the demo data', () => {
  it('runs the whole close: demo, sync, flags, accept, manual 1:2, undo, note, sign-off, suspension', async () => {
    const h = await startHarness({ browser });
    const { page } = h;
    const me = h.services.monthEnd as MonthEndService;
    await page.getByRole('button', { name: 'Probeer met demodata' }).waitFor();
    await h.screenshot('01-first-run');

    await page.getByRole('button', { name: 'Probeer met demodata' }).click();
    await page.locator('.monthbar').waitFor();
    await h.screenshot('02a-after-demo');
    await page.locator('.monthbar button.primary').click();
    await page.locator('.sync-progress').waitFor();
    await h.screenshot('02-sync-progress');
    await expect.poll(() => page.locator('.account-card').count(), { timeout: 60_000 }).toBeGreaterThan(1);
    expect(await page.getByRole('textbox', { name: 'Periode (MM-JJJJ)' }).inputValue()).toBe('06-2025');

    // The planted problems show: at least one account does not clear, and flags explain why.
    const truth = me.demoServer()!.dataset.truth;
    const unit = truth.units[0]!;
    const june = unit.periods['2025-06']!;
    await expect.poll(() => page.locator('.flag').count()).toBeGreaterThan(0);
    for (const a of june.accounts.filter((x) => !x.clears)) {
      await expect.poll(() => page.locator(`[data-account="${a.account}"] .badge`).textContent()).toContain('Sluit niet aan');
    }
    await h.screenshot('03-dashboard');

    // Matching workspace of cash in transit: accept the first suggestion with Enter.
    const cit = unit.config.moss.cashInTransitAccount;
    await page.getByRole('button', { name: `Afletteren ${cit}` }).click();
    await page.locator('[data-testid="table-debit"] [data-key]').first().waitFor();
    await h.screenshot('04-matching');
    const before = await page.locator('.suggestions > ol > li').count();
    if (before > 0) {
      await page.locator('.matching-head h2').click();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Voorstel geaccepteerd' }).count()).toBe(1);
    }

    // Manual 1:2: the split top-up, selected by hand (click, ctrl-click, ctrl-click) and matched at zero.
    const split = june.matches.find((m) => m.kind === 'split' && m.account === cit);
    expect(split).toBeDefined();
    await page.getByLabel('Ook afgeletterd').check();
    for (const [i, key] of split!.lines.entries()) {
      const row = page.locator(`[data-key="${key}"]`);
      await page.getByLabel('Tekst').fill('');
      const line = (await me.accountLines(unit.unitId, cit, { year: 2025, month: 6 })).lines.find((l) => l.key === key)!;
      if (line.matchStatus === 'confirmed') await me.unmatch(unit.unitId, line.matchId!, 'e2e', 'redo by hand');
      await page.getByLabel('Tekst').fill(String(line.entryNo));
      await row.click({ modifiers: i === 0 ? [] : ['Control'] });
    }
    await page.getByLabel('Tekst').fill('');
    await expect.poll(() => page.getByTestId('selection-sum').textContent()).toContain('3 geselecteerd, som € 0,00');
    await h.screenshot('05-selection-zero');
    await page.getByRole('button', { name: /^Afletteren M$/ }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Afgeletterd.' }).count()).toBe(1);
    await h.screenshot('06-matched-undo-toast');

    // Undo (Ctrl+Z) brings the three lines back as open.
    await page.locator('.matching-head h2').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Ongedaan gemaakt' }).count()).toBe(1);

    // A note on an open item (N).
    await page.locator('[data-testid="table-debit"]').focus();
    await page.keyboard.press('n');
    await page.locator('.note-editor textarea').fill('Betaling 30-06, Moss boekt op 01-07');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await expect.poll(() => page.locator('.note-mark').count()).toBeGreaterThan(0);
    await h.screenshot('07-note');

    // Back to the dashboard: sign off the Moss Default Supplier as preparer.
    await page.getByRole('button', { name: '← Overzicht' }).click();
    await page.getByLabel('Uw naam').fill('A. de Vries');
    const supplier = unit.config.moss.defaultSupplier;
    const card = page.locator(`[data-account="${supplier}"]`);
    await card.getByRole('button', { name: 'Aftekenen als opsteller' }).click();
    await expect.poll(() => card.locator('.kv').textContent()).toContain('A. de Vries');
    await h.screenshot('08-signed-off');

    // AFAS changes a line on that account; the re-sync suspends the sign-off and says why.
    const rows = me.demoServer()!.fake.environment.connectors['Profit_Transactions_Allocated']!.rows;
    const row = rows.find((r) => r['UnitId'] === unit.unitId && String(r['AccountNo']) === supplier && String(r['EntryDate']).startsWith('2025-06'))!;
    row['AmtDebit'] = Number(row['AmtDebit'] ?? 0) + 1;
    row['Modified'] = new Date().toISOString();
    // AFAS lists the changed entry date in Profit_Fin_ChangedEntrydate: that is what sync watches.
    me.demoServer()!.fake.environment.connectors['Profit_Fin_ChangedEntrydate']!.rows.push({ EntryDate: row['EntryDate'], Modified: row['Modified'] });
    await page.getByRole('button', { name: 'Opnieuw ophalen' }).click();
    await expect.poll(() => card.locator('.badge').textContent(), { timeout: 60_000 }).toContain('Aftekening opgeschort');
    await expect.poll(() => card.locator('.suspended').count()).toBe(1);
    await h.screenshot('09-suspended');

    // English, same screen.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => card.locator('.badge').textContent()).toContain('Sign-off suspended');
    await h.screenshot('10-dashboard-en');
    await h.close();
  });
});
