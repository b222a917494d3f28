// A controller sets up Spend Cloud in the app (the purchase journal and the transitory account
// picked from AFAS's lists, readiness checked), syncs June from the fake AFAS — the releases after
// June come along — sees the transitory card with what it expects, and reads the account per
// voucher: the open vouchers with the remainders the demo truth planted, a voucher's lines on
// expand (those after June marked), the open-only filter — in a real Chromium over the real backend.
import { describe, expect, it } from 'vitest';
import { formatEuro } from '../../src/shared/money';
import type { AdministrationResult } from '../../src/shared/reconcile';
import { loadChoices, profileSetupFile } from './profile-setup';

const TOKEN = `<token><version>1</version><data>${'CAFE'.repeat(16)}</data></token>`;
const file = profileSetupFile(TOKEN);
const { dataset } = file;
const june = dataset.truth.units[0]!.periods['2025-06']!;
const truth = june.accounts.find((a) => a.account === '24302')!;
const JUNE = { year: 2025, month: 6 };

describe('transitory account in the app', () => {
  it('sets up Spend Cloud, syncs June with the releases after it, and reads the account per voucher', async () => {
    // From the first month with invoices: a voucher booked before the synced months would read as releases without a booking.
    const h = await file.harness({ year: 2025, month: 1 });
    const { page } = h;
    try {
      const pick = await loadChoices(page);
      await page.getByRole('checkbox', { name: /^Moss/ }).uncheck();
      await page.getByRole('checkbox', { name: /Spend Cloud/ }).check();
      await expect.poll(() => page.getByTestId('setup-missing').textContent()).toContain('Transitoriarekening (grootboek, bijv. 24302)');
      await pick('Inkoopdagboek van Spend Cloud', 'INK');
      await pick('Transitoriarekening (grootboek, bijv. 24302)', '24302');
      expect(await page.getByTestId('setup-missing').count()).toBe(0);
      await page.getByRole('button', { name: 'Controleren' }).click();
      await expect.poll(() => page.locator('.checklist li').filter({ hasText: 'Inkoopdagboek INK van Spend Cloud bestaat' }).getAttribute('class')).toBe('ok');
      await expect.poll(() => page.locator('.checklist li').filter({ hasText: 'Transitoriarekening' }).first().getAttribute('class')).toBe('ok');
      await page.getByRole('button', { name: 'Administratie opslaan' }).click();
      await expect.poll(async () => (await h.backend.invoke<{ administrations: unknown[] }>('getWorkspace', [])).administrations).toEqual([{ unitId: 1, spendcloud: { journal: 'INK', transitoryAccounts: ['24302'] } }]);
      await page.getByRole('button', { name: 'Naar de maandafsluiting' }).click();

      await page.getByRole('textbox', { name: 'Periode (MM-JJJJ)' }).fill('06-2025');
      await page.locator('.monthbar button.primary').click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: /Klaar: .* regels uit AFAS opgehaald/ }).count(), { timeout: 60_000 }).toBe(1);
      const card = page.locator('[data-profile="spendcloud"] .account-card[data-account="24302"]');
      await expect.poll(() => card.count()).toBe(1);
      await expect.poll(() => card.locator('.badge').textContent()).toContain('Sluit niet aan');
      const result = await h.backend.invoke<AdministrationResult>('getResult', [1, JUNE]);
      const acct = result.accounts.find((a) => a.account === '24302')!;
      expect([acct.closing, acct.expected, acct.difference]).toEqual([truth.closing, truth.expected, truth.difference]);
      expect(await card.textContent()).toContain(formatEuro(truth.expected, 'nl'));
      expect(await card.locator('[data-testid="expected-note"]').textContent()).toContain(`(${acct.voucherCount} boekstukken`);
      await h.screenshot('t01-dashboard-transitory');

      // The voucher view: every voucher on the account, the open ones first with their remainders.
      await page.getByRole('button', { name: 'Afletteren 24302' }).click();
      const view = page.getByTestId('voucher-view');
      await view.waitFor();
      await expect.poll(() => view.locator('tbody tr[data-voucher]').count()).toBe(acct.voucherCount);
      const open = [...june.openVouchers!].sort((a, b) => Math.abs(b.remainder) - Math.abs(a.remainder));
      const shownOpen = view.locator('tbody tr[data-voucher].bad');
      expect(await shownOpen.count()).toBe(open.length);
      for (let i = 0; i < open.length; i++) {
        const row = shownOpen.nth(i);
        expect(await row.getAttribute('data-voucher')).toBe(open[i]!.voucherNo);
        expect(await row.getByTestId('voucher-remainder').textContent()).toBe(formatEuro(open[i]!.remainder, 'nl'));
      }
      await page.getByLabel('Alleen niet volledig vrijgevallen').check();
      await expect.poll(() => view.locator('tbody tr[data-voucher]').count()).toBe(open.length);
      expect(await view.locator('tfoot').textContent()).toContain(formatEuro(truth.difference, 'nl'));
      await h.screenshot('t02-vouchers-open');

      // Expand the voucher whose April release is missing: its lines, those after June marked.
      const missing = open.find((v) => v.problem === 'release-missing')!;
      await page.getByRole('button', { name: `Regels van ${missing.voucherNo} tonen` }).click();
      const lines = view.locator('tr.voucher-line');
      const want = acct.vouchers!.find((v) => v.voucherNo === missing.voucherNo)!.lines;
      await expect.poll(() => lines.count()).toBe(want.length);
      expect(await lines.filter({ hasText: '(na 06-2025)' }).count()).toBe(want.filter((l) => l.entryDate > '2025-06-30').length);
      expect(await lines.filter({ hasText: '(na 06-2025)' }).count()).toBeGreaterThan(0);
      expect(await lines.first().textContent()).toContain('06-02-2025'); // dd-mm-jjjj
      expect(await lines.filter({ hasText: '30-04-2025' }).count()).toBe(0); // the missing release
      await h.screenshot('t03-voucher-expanded');
      await page.getByRole('button', { name: `Regels van ${missing.voucherNo} verbergen` }).click();
      await expect.poll(() => lines.count()).toBe(0);
    } finally {
      await h.close();
    }
  });
});
