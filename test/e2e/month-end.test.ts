// The controller's month-end in a real Chromium over the real orchestrator, SQLite file and the
// bundled fake AFAS with its planted problems: first run → sync → dashboard → decisions → re-sync.
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountLine } from '../../src/shared/contract';
import { parseEuroInput } from '../../src/shared/money';
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
    await page.getByRole('button', { name: 'Probeer met demodata' }).waitFor();
    // First run shows all three steps, in order, each with its state.
    expect(await page.locator('[data-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))).toEqual(['1', '2', '3']);
    expect(await page.locator('[data-step="2"] .step-state').textContent()).toContain('Nog niet gecontroleerd');
    await h.screenshot('01-first-run');

    await page.getByRole('button', { name: 'Probeer met demodata' }).click();
    await page.locator('.monthbar').waitFor();
    // Every decision is recorded under a name: the controller types theirs first.
    await page.getByLabel('Uw naam').fill('A. de Vries');
    await h.screenshot('02a-after-demo');
    await page.locator('.monthbar button.primary').click();
    await page.locator('.sync-progress').waitFor();
    await h.screenshot('02-sync-progress');
    // Wait for the sync itself to finish (its toast), not just for cards of the empty month.
    await expect.poll(() => page.getByRole('status').filter({ hasText: /Klaar: .* regels uit AFAS opgehaald/ }).count(), { timeout: 60_000 }).toBe(1);
    // The demo runs Moss, Nmbrs, Declaree and Spend Cloud: a group of cards per profile, employee creditors as one table.
    await expect.poll(() => page.locator('[data-profile="moss"] .account-card').count()).toBe(3);
    await expect.poll(() => page.locator('[data-profile="nmbrs"] .account-card').count()).toBe(3);
    await expect.poll(() => page.locator('[data-profile="declaree"] .account-card').count()).toBe(1);
    // The period comes from main's hint: the demo's last month.
    expect(await page.getByRole('textbox', { name: 'Periode (MM-JJJJ)' }).inputValue()).toBe('06-2025');

    // The planted problems show: at least one account does not clear, and flags explain why.
    const demo = h.workspaces.demoServer()!;
    const truth = demo.dataset.truth;
    const unit = truth.units[0]!;
    const june = unit.periods['2025-06']!;
    await expect.poll(() => page.locator('.flag').count()).toBeGreaterThan(0);
    // Moss Balance waits for the wallet balance; the others that do not clear say so.
    const balance = unit.config.moss!.balanceAccount;
    for (const a of june.accounts.filter((x) => !x.clears && x.account !== balance)) {
      await expect.poll(() => page.locator(`[data-account="${a.account}"] .badge`).textContent()).toContain('Sluit niet aan');
    }
    for (const a of june.accounts.filter((x) => x.clears)) {
      await expect.poll(() => page.locator(`[data-account="${a.account}"] .badge`).textContent()).toContain('Sluit aan');
    }
    // Merchant creditors are rows in a table under the three Moss cards, each with a way in.
    expect(await page.locator('.creditor-table tbody tr').count()).toBe(june.accounts.filter((a) => a.role === 'creditor').length);
    expect(await page.locator('.employee-table tbody tr[data-account]').count()).toBe(june.accounts.filter((a) => a.role === 'employeeCreditor').length);
    await expect.poll(() => page.locator(`[data-account="${balance}"] .badge`).textContent()).toContain('Walletsaldo nog niet ingevuld');
    await h.screenshot('03-dashboard');
    await page.getByRole('button', { name: 'Walletsaldo invullen →' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('wallet-balance-input');
    await page.getByLabel('Walletsaldo volgens Moss op de laatste dag').fill((june.wallet / 100).toFixed(2).replace('.', ','));
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const mossBalance = june.accounts.find((a) => a.account === balance)!;
    await expect.poll(() => page.locator(`[data-account="${balance}"] .badge`).textContent()).toContain(mossBalance.clears ? 'Sluit aan' : 'Sluit niet aan');
    expect(parseEuroInput((await page.locator(`[data-account="${balance}"] .figures div:nth-child(3) dd`).textContent())!)).toBe(mossBalance.difference);
    await h.screenshot('03b-dashboard-wallet');

    // Matching workspace of cash in transit: accept the first suggestion with Enter.
    const cit = unit.config.moss!.cashInTransitAccount;
    await page.getByRole('button', { name: `Afletteren ${cit}` }).click();
    await page.locator('[data-testid="table-debit"] [data-key]').first().waitFor();
    // No column header or cell is cut off; method codes are in words.
    const cut = await page.locator('[role="columnheader"]').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
    expect(cut).toEqual([]);
    const vouchersCut = await page.locator('[role="gridcell"].c-voucher, [role="gridcell"].c-date, [role="gridcell"].c-amount').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).length);
    expect(vouchersCut).toBe(0);
    for (const m of await page.locator('.suggestions [data-method]').all()) {
      const code = (await m.getAttribute('data-method'))!;
      expect(await m.textContent()).not.toContain(code);
    }
    // The focused line's full detail: the whole description, which the table cuts.
    await page.locator('[data-testid="table-debit"] [data-key]').first().click();
    await expect.poll(() => page.getByTestId('line-detail').textContent()).toContain('Omschrijving');
    await h.screenshot('04-matching');
    await page.keyboard.press('Escape');
    // Date filters are typed dd-mm-jjjj; a day that does not exist says so and filters nothing.
    const from = page.getByLabel('Vanaf');
    expect(await from.getAttribute('placeholder')).toBe('dd-mm-jjjj');
    await from.fill('31-02-2025');
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('alert').filter({ hasText: 'Typ een datum als 31-03-2025' }).waitFor();
    await from.fill('17-06-2025');
    expect(await from.getAttribute('aria-invalid')).toBe('false');
    await expect.poll(async () => (await page.locator('[role="gridcell"].c-date').allTextContents()).every((d) => d.split('-').reverse().join('-') >= '2025-06-17')).toBe(true);
    await h.screenshot('04b-date-filter');
    await from.fill('');

    // Manual 1:2: the split top-up, selected by hand (click, ctrl-click, ctrl-click) and matched at zero.
    const split = june.matches.find((m) => m.kind === 'split' && m.account === cit);
    expect(split).toBeDefined();
    await page.getByLabel('Ook afgeletterd').check();
    const undone = new Set<string>();
    for (const [i, key] of split!.lines.entries()) {
      const row = page.locator(`[data-key="${key}"]`);
      await page.getByLabel('Tekst').fill('');
      const line = (await h.workspaces.active().invoke<AccountLine | null>('getLineDetail', [unit.unitId, cit, { year: 2025, month: 6 }, key]))!;
      if (line.matchStatus === 'confirmed' && !undone.has(line.matchId!)) {
        undone.add(line.matchId!);
        await h.workspaces.active().invoke('unmatch', [unit.unitId, line.matchId!, 'e2e', 'redo by hand']);
      }
      await page.getByLabel('Tekst').fill(String(line.entryNo));
      await row.click({ modifiers: i === 0 ? [] : ['Control'] });
      await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
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

    // Export the workbook: the success message names the file; it is a real xlsx whose leadsheet
    // has the closing balance of cash in transit the screen shows.
    await page.getByRole('button', { name: '← Overzicht' }).click();
    const citClosing = parseEuroInput((await page.locator(`[data-account="${cit}"] .figures div:first-child dd`).textContent())!);
    await page.getByRole('button', { name: 'Werkmap exporteren' }).click();
    await expect.poll(() => page.getByTestId('export-done').textContent(), { timeout: 30_000 }).toContain('Werkmap opgeslagen: ');
    const saved = (await page.getByTestId('export-done').textContent())!.replace(/^.*Werkmap opgeslagen: /, '').trim();
    expect(saved.startsWith(h.dataDir)).toBe(true);
    expect(existsSync(saved)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const sheet = wb.getWorksheet('Leadsheet')!;
    let found: number | null = null;
    sheet.eachRow((row) => {
      if (String(row.getCell(2).value) === cit) found = Math.round(Number(row.getCell(5).value) * 100);
    });
    expect(found).toBe(citClosing);
    await h.screenshot('07b-exported');

    // Sign off a creditor that clears as preparer, in its account view (the table shows it beside the status).
    const creditor = june.accounts.find((a) => a.role === 'creditor' && a.clears)!.account;
    const row = page.locator(`.creditor-table tr[data-account="${creditor}"]`);
    await page.getByRole('button', { name: `Afletteren ${creditor}` }).click();
    await page.getByRole('button', { name: 'Aftekenen als opsteller' }).click();
    await expect.poll(() => page.locator('.matching .signoff .kv').textContent()).toContain('A. de Vries');
    await page.getByRole('button', { name: '← Overzicht' }).click();
    await expect.poll(() => row.locator('[data-signoff]').textContent()).toContain('Opgesteld');
    expect(await row.locator('[data-status]').textContent()).toContain('Sluit aan');
    await h.screenshot('08-signed-off');

    // AFAS changes a line on that account; the re-sync suspends the sign-off and says why, and the
    // status says "does not clear" beside it (never "signed off" instead).
    const rows = demo.fake.environment.connectors['Profit_Transactions_Allocated']!.rows;
    const changed = rows.find((r) => r['UnitId'] === unit.unitId && String(r['AccountNo']) === creditor && String(r['EntryDate']).startsWith('2025-06'))!;
    changed['AmtDebit'] = Number(changed['AmtDebit'] ?? 0) + 1;
    changed['Modified'] = new Date().toISOString();
    // AFAS lists the changed entry date in Profit_Fin_ChangedEntrydate: that is what sync watches.
    demo.fake.environment.connectors['Profit_Fin_ChangedEntrydate']!.rows.push({ EntryDate: changed['EntryDate'], Modified: changed['Modified'] });
    await page.getByRole('button', { name: 'Opnieuw ophalen' }).click();
    await expect.poll(() => row.locator('[data-signoff]').textContent(), { timeout: 60_000 }).toContain('Aftekening opgeschort');
    expect(await row.locator('[data-status]').textContent()).toContain('Sluit niet aan');
    await h.screenshot('09-suspended');

    // English, same screen.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => row.locator('[data-signoff]').textContent()).toContain('Sign-off suspended');
    await h.screenshot('10-dashboard-en');
    await page.getByRole('button', { name: `Match ${cit}` }).click();
    await page.locator('[data-testid="table-debit"] [data-key]').first().waitFor();
    expect(await page.getByLabel('From').getAttribute('placeholder')).toBe('dd-mm-yyyy');
    await h.screenshot('11-matching-en');
    await h.close();
  });
});
