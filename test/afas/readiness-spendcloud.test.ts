// Readiness of Spend Cloud against the fake AFAS serving the demo: the purchase journal exists, it
// has lines on the transitory account in the months to reconcile, and the transitory account
// exists — each named when missing, with what to change in Spend Cloud or AFAS.
import { describe, expect, it } from 'vitest';
import { demoReadiness } from './readiness-setup';

const TOKEN = `<token><version>1</version><data>${'CD34'.repeat(16)}</data></token>`;
const { dataset, byId } = demoReadiness(TOKEN);

describe('readiness of Spend Cloud', () => {
  it('passes for the demo’s journal and transitory account, and names the months', async () => {
    const checks = await byId({ unitId: 1, spendcloud: dataset.administrations[0]!.spendcloud! });
    for (const id of ['spendcloud:journal', 'spendcloud:journal-lines', 'spendcloud:account:transitory:24302']) expect(checks[id]?.ok, id).toBe(true);
    expect(checks['spendcloud:journal-lines']!.label.nl).toBe('Dagboek INK heeft boekingen op de transitoriarekening in 01-2025 … 06-2025');
  });

  it('names a journal without lines on the account, a journal or an account that does not exist', async () => {
    const noLines = await byId({ unitId: 1, spendcloud: { journal: 'KAS', transitoryAccounts: ['24302'] } });
    expect(noLines['spendcloud:journal']!.ok).toBe(true);
    expect(noLines['spendcloud:journal-lines']!.ok).toBe(false);
    expect(noLines['spendcloud:journal-lines']!.fix.nl).toContain('exportlogica (024, 027 of 997 met periodeverdeling)');
    const missing = await byId({ unitId: 1, spendcloud: { journal: 'SPC', transitoryAccounts: ['24399'] } });
    expect(missing['spendcloud:journal']!.ok).toBe(false);
    expect(missing['spendcloud:journal']!.fix.en).toContain('Custom Export Mapping');
    expect(missing['spendcloud:account:transitory:24399']!.ok).toBe(false);
    expect(Object.keys(missing).some((id) => id.startsWith('nmbrs:') || id.startsWith('journal:'))).toBe(false);
  });
});
