// A user sets up an administration with Declaree in the app (system ticked, journal and payments in
// transit picked from AFAS's lists), syncs June, finds the unpaid report in the employee-creditor
// table (filtered to what does not clear, sorted by the oldest item) and matches a payment order's
// bank debit N:1 on payments in transit by selecting the whole order entry and the bank line — in a
// real Chromium over the real backend and the fake AFAS.
import { describe, expect, it } from 'vitest';
import { demoDeclareeProfile } from '../../src/main/demo/dataset/index';
import type { AdministrationResult } from '../../src/shared/reconcile';
import { loadChoices, profileSetupFile } from './profile-setup';

const TOKEN = `<token><version>1</version><data>${'DECA'.repeat(16)}</data></token>`;
const file = profileSetupFile(TOKEN);
const { dataset } = file;
const june = dataset.truth.units[0]!.periods['2025-06']!;
const JUNE = { year: 2025, month: 6 };
const employees = june.accounts.filter((a) => a.role === 'employeeCreditor');

describe('expense claims in the app', () => {
  it('sets up Declaree, finds the unpaid report in the creditor table and matches a payment order N:1 by selection', async () => {
    const h = await file.harness({ year: 2025, month: 1 });
    const { page } = h;
    try {
      const pick = await loadChoices(page);
      await page.getByRole('checkbox', { name: /^Moss/ }).uncheck();
      await page.getByRole('checkbox', { name: /Declaree/ }).check();
      await expect.poll(() => page.getByTestId('setup-missing').textContent()).toContain('Declaree-dagboek');
      await pick('Declaree-dagboek', 'DEC');
      await pick('Betalingen onderweg (grootboek)', '1960');
      await expect.poll(() => page.getByTestId('setup-missing').textContent()).toContain('Bankrekening van de vergoedingen');
      await pick('Bankrekening van de vergoedingen (grootboek, optioneel)', '11000');
      expect(await page.getByTestId('setup-missing').count()).toBe(0);
      await page.getByRole('button', { name: 'Controleren' }).click();
      await expect.poll(() => page.locator('.checklist li').filter({ hasText: 'Dagboek DEC heeft declaraties' }).getAttribute('class')).toBe('ok');
      await page.getByRole('button', { name: 'Administratie opslaan' }).click();
      await expect.poll(async () => (await h.backend.invoke<{ administrations: unknown[] }>('getWorkspace', [])).administrations).toEqual([{ unitId: 1, declaree: demoDeclareeProfile() }]);
      await page.getByRole('button', { name: 'Naar de maandafsluiting' }).click();
      // Every decision is recorded under a name: the controller types theirs first.
      await page.locator('.monthbar').waitFor();
      await page.getByLabel('Uw naam').fill('A. de Vries');

      await page.getByRole('textbox', { name: 'Periode (MM-JJJJ)' }).fill('06-2025');
      await page.locator('.monthbar button.primary').click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: /Klaar: .* regels uit AFAS opgehaald/ }).count(), { timeout: 90_000 }).toBe(1);
      // Payments in transit is a card; the employee creditors are one table, a row each.
      await expect.poll(() => page.locator('[data-profile="declaree"] .account-card').count()).toBe(1);
      const table = page.getByTestId('employee-creditors');
      const rows = table.locator('tbody tr[data-account]');
      await expect.poll(() => rows.count()).toBe(employees.length);
      await h.screenshot('d01-employee-table');

      // Only those that do not clear, the oldest open item first: the unpaid report's creditor leads.
      await table.getByRole('checkbox', { name: 'Alleen wat niet aansluit' }).check();
      await expect.poll(() => rows.count()).toBe(employees.filter((a) => !a.clears).length);
      await table.getByRole('button', { name: 'Sorteer op Oudste' }).click();
      await table.getByRole('button', { name: 'Sorteer op Oudste' }).click(); // descending
      const unpaid = june.openLines.find((l) => l.reason === 'report-unpaid')!;
      const oldest = june.openLines.filter((l) => employees.some((a) => a.account === l.account)).reduce((m, l) => (l.ageDays > m.ageDays ? l : m));
      expect(oldest.key).toBe(unpaid.key);
      await expect.poll(() => rows.first().getAttribute('data-account')).toBe(unpaid.account);
      expect(await rows.first().textContent()).toContain(`${unpaid.ageDays} d`);
      await table.getByRole('searchbox', { name: 'Zoek medewerker of nummer' }).fill(unpaid.account);
      await expect.poll(() => rows.count()).toBe(1);
      await h.screenshot('d02-unpaid-found');
      await rows.first().getByRole('button', { name: `Afletteren ${unpaid.account}` }).click();
      await page.locator(`[data-key="${unpaid.key}"]`).waitFor();
      await page.locator(`[data-key="${unpaid.key}"]`).click();
      await h.screenshot('d03-unpaid-report');
      await page.getByRole('button', { name: '← Overzicht' }).click();

      // Payments in transit: an order of several reports against the bank's one debit.
      const order = june.matches.find((m) => m.account === '1960' && m.lines.length >= 3)!;
      const bankKey = order.lines.find((k) => k.split('/')[1] === 'BNK')!;
      const orderLines = order.lines.filter((k) => k !== bankKey);
      const orderEntry = orderLines[0]!.split('/')[2]!;
      await page.getByRole('button', { name: 'Afletteren 1960' }).click();
      await page.locator('[data-testid="table-credit"] [data-key]').first().waitFor();
      await page.getByLabel('Ook afgeletterd').check();
      await page.getByLabel('Tekst').fill(bankKey.split('/')[2]!);
      await page.locator(`[data-key="${bankKey}"]`).click();
      const summary = page.locator('.batch-panel [data-testid="batch-summary"]');
      await expect.poll(() => summary.textContent()).toContain(`tegen ${orderLines.length} regels`);
      expect(await page.locator('.batch-panel h3').textContent()).toContain('betaalopdracht tegen bankafschrijving');
      // Undo the automatic match, then match N:1 by hand: the whole order entry, then the bank line.
      await page.keyboard.press('u');
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Aflettering verwijderd.' }).count()).toBe(1);
      await page.getByLabel('Ook afgeletterd').uncheck();
      await page.getByLabel('Tekst').fill(orderEntry);
      const firstOrderLine = page.locator('[data-testid="table-credit"] [data-key]').first();
      expect(orderLines).toContain(await firstOrderLine.getAttribute('data-key'));
      await firstOrderLine.click();
      await page.getByRole('button', { name: /^Hele boeking selecteren \(\d+ regels/ }).click();
      await expect.poll(() => page.getByTestId('selection-sum').textContent()).toContain(`${orderLines.length} geselecteerd`);
      await page.getByLabel('Tekst').fill(bankKey.split('/')[2]!);
      await page.locator(`[data-key="${bankKey}"]`).click({ modifiers: ['Control'] });
      await expect.poll(() => page.getByTestId('selection-sum').textContent()).toContain(`${orderLines.length + 1} geselecteerd, som € 0,00`);
      await h.screenshot('d04-order-n-to-1');
      await page.getByRole('button', { name: /^Afletteren M$/ }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Afgeletterd.' }).count()).toBe(1);
      const result = await h.backend.invoke<AdministrationResult>('getResult', [1, JUNE]);
      const manual = result.matches.find((m) => m.status === 'confirmed' && m.lines.includes(bankKey))!;
      expect(manual.method).toBe('manual');
      expect([...manual.lines].sort()).toEqual([...order.lines].sort());
    } finally {
      await h.close();
    }
  });
});
