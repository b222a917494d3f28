// A new user sets up an administration with Moss AND Nmbrs in the app (systems ticked, accounts
// picked from AFAS's lists, the readiness check naming a payroll journal without lines), syncs
// June from the fake AFAS, sees the cards grouped per profile, and matches a salary batch N:1 by
// selecting the whole run entry and the bank line — in a real Chromium over the real backend.
import { describe, expect, it } from 'vitest';
import type { AdministrationResult } from '../../src/shared/reconcile';
import { loadChoices, profileSetupFile } from './profile-setup';

const TOKEN = `<token><version>1</version><data>${'BEEF'.repeat(16)}</data></token>`;
const file = profileSetupFile(TOKEN);
const { dataset } = file;
const june = dataset.truth.units[0]!.periods['2025-06']!;
const JUNE = { year: 2025, month: 6 };

describe('payroll in the app', () => {
  it('sets up Moss + Nmbrs, syncs, groups the dashboard per profile and matches a salary batch N:1 by selection', async () => {
    const h = await file.harness({ year: 2025, month: 5 });
    const { page } = h;
    try {
      // Step 3: the choices come from AFAS; tick Nmbrs next to Moss and pick each account.
      const pick = await loadChoices(page);
      await page.getByRole('checkbox', { name: /Nmbrs/ }).check();
      await expect.poll(() => page.getByTestId('setup-missing').textContent()).toContain('Moss Balance (grootboek)');
      await pick('Moss Balance (grootboek)', '11050');
      await pick('Kruisposten (grootboek)', '20990');
      await pick('Moss Default Supplier (crediteur)', '700123');
      await pick('Bankrekeningen (grootboek)', '11000');
      await pick('Inkoopdagboek Moss', 'MOSI');
      await pick('Bankdagboek Moss', 'MOSB');
      await pick('Loonjournaal-dagboek (Nmbrs)', 'KAS'); // the wrong journal first: it has no lines
      await pick('Te betalen nettolonen (grootboek)', '1610');
      await expect.poll(() => page.getByTestId('setup-missing').textContent()).toContain('Af te dragen loonheffing (grootboek)');
      await pick('Af te dragen loonheffing (grootboek)', '1620');
      await pick('Af te dragen pensioenpremies (grootboek, optioneel)', '1630');
      await pick('Bankrekening van de salarisbetalingen (grootboek)', '11000');
      expect(await page.getByTestId('setup-missing').count()).toBe(0);

      // The readiness check names what is missing: the journal has no payroll entries in the months.
      await page.getByRole('button', { name: 'Controleren' }).click();
      const noLines = page.locator('.checklist li.bad').filter({ hasText: 'Dagboek KAS heeft loonjournaalposten in 05-2025' });
      await expect.poll(() => noLines.count()).toBe(1);
      expect(await noLines.textContent()).toContain('Verstuur de journaalposten van de loonruns vanuit Nmbrs');
      await h.screenshot('p01-readiness-missing');
      await pick('Loonjournaal-dagboek (Nmbrs)', 'LON');
      await page.getByRole('button', { name: 'Controleren' }).click();
      await expect.poll(() => page.locator('.checklist li').filter({ hasText: 'Dagboek LON heeft loonjournaalposten' }).getAttribute('class')).toBe('ok');
      await page.getByRole('button', { name: 'Administratie opslaan' }).click();
      await expect.poll(async () => (await h.backend.invoke<{ administrations: unknown[] }>('getWorkspace', [])).administrations).toEqual([
        { unitId: 1, moss: dataset.administrations[0]!.moss, nmbrs: dataset.administrations[0]!.nmbrs },
      ]);
      await page.getByRole('button', { name: 'Naar de maandafsluiting' }).click();
      // Every decision is recorded under a name: the controller types theirs first.
      await page.locator('.monthbar').waitFor();
      await page.getByLabel('Uw naam').fill('A. de Vries');

      // June, synced: Moss and Nmbrs each have their group of cards.
      await page.getByRole('textbox', { name: 'Periode (MM-JJJJ)' }).fill('06-2025');
      await page.locator('.monthbar button.primary').click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: /Klaar: .* regels uit AFAS opgehaald/ }).count(), { timeout: 60_000 }).toBe(1);
      await expect.poll(() => page.locator('[data-profile="moss"] .account-card').count()).toBe(3);
      await expect.poll(() => page.locator('[data-profile="nmbrs"] .account-card').count()).toBe(3);
      expect(await page.locator('[data-profile="nmbrs"] h3').first().textContent()).toContain('Nmbrs');
      const dueOn1620 = june.openLines.filter((l) => l.account === '1620' && l.reason === 'not-yet-due').length;
      expect(await page.locator('[data-account="1620"] [data-testid="expected-note"]').textContent()).toContain(`(${dueOn1620})`);
      for (const a of june.accounts.filter((x) => x.profile === 'nmbrs')) {
        await expect.poll(() => page.locator(`[data-account="${a.account}"] [data-status]`).textContent()).toContain(a.clears ? 'Sluit aan' : 'Sluit niet aan');
      }
      await h.screenshot('p02-dashboard-profiles');

      // Net wages: the June batch was matched with the June run on its own; shown as one batch.
      const batch = june.matches.find((m) => m.kind === 'batch')!;
      const bankKey = batch.lines.find((k) => k.split('/')[1] === 'BNK')!;
      const runEntry = batch.lines.find((k) => k.split('/')[1] === 'LON')!.split('/')[2]!;
      const runLines = batch.lines.filter((k) => k !== bankKey);
      await page.getByRole('button', { name: 'Afletteren 1610' }).click();
      await page.locator('[data-testid="table-credit"] [data-key]').first().waitFor();
      await page.getByLabel('Ook afgeletterd').check();
      await page.getByLabel('Tekst').fill(bankKey.split('/')[2]!);
      await page.locator(`[data-key="${bankKey}"]`).click();
      const summary = page.locator('.batch-panel [data-testid="batch-summary"]');
      await expect.poll(() => summary.textContent()).toContain(`tegen ${runLines.length} regels`);
      expect(await summary.textContent()).toContain(`LON ${runEntry}`);
      expect(await summary.textContent()).toContain('Som van de groep: € 0,00');
      expect(await page.locator('.batch-panel h3').textContent()).toContain('loonrun tegen salarisbatch');
      await h.screenshot('p03-batch-auto');

      // Undo the automatic match (U), then match N:1 by hand: the whole run entry, then the bank line.
      await page.keyboard.press('u');
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Aflettering verwijderd.' }).count()).toBe(1);
      await page.getByLabel('Ook afgeletterd').uncheck();
      await page.getByLabel('Tekst').fill(runEntry);
      const firstRunLine = page.locator('[data-testid="table-credit"] [data-key]').first();
      expect(runLines).toContain(await firstRunLine.getAttribute('data-key'));
      await firstRunLine.click();
      await page.getByRole('button', { name: /^Hele boeking selecteren \(\d+ regels/ }).click();
      await expect.poll(() => page.getByTestId('selection-sum').textContent()).toContain(`${runLines.length} geselecteerd`);
      await page.getByLabel('Tekst').fill(bankKey.split('/')[2]!);
      await page.locator(`[data-key="${bankKey}"]`).click({ modifiers: ['Control'] });
      await expect.poll(() => page.getByTestId('selection-sum').textContent()).toContain(`${runLines.length + 1} geselecteerd, som € 0,00`);
      await h.screenshot('p04-selection-n-to-1');
      await page.getByRole('button', { name: /^Afletteren M$/ }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Afgeletterd.' }).count()).toBe(1);
      const result = await h.backend.invoke<AdministrationResult>('getResult', [1, JUNE]);
      const manual = result.matches.find((m) => m.status === 'confirmed' && m.lines.includes(bankKey))!;
      expect(manual.method).toBe('manual');
      expect([...manual.lines].sort()).toEqual([...batch.lines].sort());
      // The batch reads the same as before, now matched by hand.
      await page.getByLabel('Ook afgeletterd').check();
      await page.locator(`[data-key="${bankKey}"]`).click();
      await expect.poll(() => page.locator('.batch-panel h3').textContent()).toContain('handmatig');
      await h.screenshot('p05-batch-manual');
    } finally {
      await h.close();
    }
  });
});
