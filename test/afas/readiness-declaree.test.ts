// Readiness of an administration that runs Declaree, against the fake AFAS serving the demo: the
// Declaree journal and its reports in the months to reconcile, payments in transit, the bank
// (Declaree's own or the other systems'), and configured employee creditors, each named when missing.
import { describe, expect, it } from 'vitest';
import { demoReadiness } from './readiness-setup';

const TOKEN = `<token><version>1</version><data>${'CD34'.repeat(16)}</data></token>`;
const { dataset, byId } = demoReadiness(TOKEN);
const declaree = dataset.administrations[0]!.declaree!;

describe('readiness of Declaree', () => {
  it('passes for the demo: journal with reports, payments in transit, the bank', async () => {
    const c = await byId({ unitId: 1, declaree });
    for (const id of ['declaree:journal', 'declaree:journal-lines', 'declaree:account:in-transit', 'declaree:account:bank:11000']) expect(c[id]?.ok, id).toBe(true);
    expect(c['declaree:journal-lines']!.label.en).toBe('Journal DEC has expense reports in 01-2025 … 06-2025');
    expect(c['declaree:creditors']).toBeUndefined(); // found from the journal, none configured
  });

  it('uses the other systems’ bank account when Declaree names none', async () => {
    const { bankAccounts: _, ...own } = declaree;
    const c = await byId({ unitId: 1, nmbrs: dataset.administrations[0]!.nmbrs!, declaree: own });
    expect(c['declaree:account:bank:11000']!.ok).toBe(true);
  });

  it('names what is missing: the journal, its reports in the months, the account, configured creditors that are none', async () => {
    const wrong = await byId({ unitId: 1, declaree: { ...declaree, journal: 'EXP', paymentsInTransitAccount: '1969', employeeCreditors: ['800101', '899999'] } });
    expect(wrong['declaree:journal']!.ok).toBe(false);
    expect(wrong['declaree:journal']!.fix.nl).toContain('Beheer > Verbindingen > AFAS');
    expect(wrong['declaree:account:in-transit']!.ok).toBe(false);
    expect(wrong['declaree:account:in-transit']!.label.nl).toBe('Betalingen onderweg 1969 bestaat');
    expect(wrong['declaree:creditors']!.ok).toBe(false);
    expect(wrong['declaree:creditors']!.fix.en).toContain('899999');
    expect(wrong['declaree:creditors']!.fix.en).not.toContain('800101');
    const later = await byId({ unitId: 1, declaree }, { from: { year: 2025, month: 7 }, to: { year: 2025, month: 7 } });
    expect(later['declaree:journal-lines']!.ok).toBe(false);
    expect(later['declaree:journal-lines']!.fix.en).toContain('Exporteren > AFAS Online');
  });
});
