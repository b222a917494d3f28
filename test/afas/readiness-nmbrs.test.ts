// Readiness of an administration that runs Moss and Nmbrs, against the fake AFAS serving the demo:
// the payroll journal, its lines in the months to reconcile, and the payroll accounts, each
// named when missing with what to do.
import { describe, expect, it } from 'vitest';
import { demoReadiness } from './readiness-setup';

const TOKEN = `<token><version>1</version><data>${'AB12'.repeat(16)}</data></token>`;
const { dataset, checks: readiness, byId } = demoReadiness(TOKEN);

describe('readiness of Moss and Nmbrs together', () => {
  it('checks both profiles once each, after the connectors and the administration', async () => {
    const checks = await readiness(dataset.administrations[0]!);
    const ids = checks.map((c) => c.id);
    expect(ids.filter((id) => id === 'connector:Profit_Transactions_Allocated')).toHaveLength(1);
    expect(ids).toEqual(expect.arrayContaining(['administration:1', 'journal:purchase', 'account:cash-in-transit', 'nmbrs:journal', 'nmbrs:journal-lines', 'nmbrs:account:net-wages', 'nmbrs:account:payroll-tax', 'nmbrs:account:pension', 'nmbrs:account:bank:11000']));
    for (const id of ids.filter((i) => i.startsWith('nmbrs:'))) expect(checks.find((c) => c.id === id)!.ok, id).toBe(true);
    expect(checks.find((c) => c.id === 'nmbrs:journal-lines')!.label.en).toBe('Journal LON has payroll entries in 01-2025 … 06-2025');
  });

  it('names what is missing: a journal without lines in the chosen months, a journal or account that does not exist', async () => {
    const nmbrs = dataset.administrations[0]!.nmbrs!;
    // KAS exists but has no lines; in the months after the demo, LON has none either.
    const noLines = await byId({ unitId: 1, nmbrs: { ...nmbrs, journal: 'KAS' } });
    expect(noLines['nmbrs:journal']!.ok).toBe(true);
    expect(noLines['nmbrs:journal-lines']!.ok).toBe(false);
    const later = await byId({ unitId: 1, nmbrs }, { from: { year: 2025, month: 7 }, to: { year: 2025, month: 7 } });
    expect(later['nmbrs:journal-lines']!.ok).toBe(false);
    expect(later['nmbrs:journal-lines']!.fix.nl).toBe('Dagboek LON heeft geen regels in 07-2025. Verstuur de journaalposten van de loonruns vanuit Nmbrs (dashlet Journaalposten Export), of kies het dagboek dat Nmbrs gebruikt.');
    const missing = await byId({ unitId: 1, nmbrs: { ...nmbrs, journal: 'SAL', pensionAccount: '1699' } });
    expect(missing['nmbrs:journal']!.ok).toBe(false);
    expect(missing['nmbrs:journal']!.fix.en).toContain('journal code in the Nmbrs mapping');
    expect(missing['nmbrs:account:pension']!.ok).toBe(false);
    expect(missing['nmbrs:account:pension']!.label.nl).toBe('Af te dragen pensioenpremies 1699 bestaat');
    // Without Moss, no Moss checks.
    expect(Object.keys(missing).some((id) => id.startsWith('journal:'))).toBe(false);
  });
});
