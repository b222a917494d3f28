// The sync of an administration fetches every profile's accounts and bank accounts: an
// Nmbrs-only one only the payroll accounts (no merchant-creditor discovery), Moss and Nmbrs both.
import { describe, expect, it } from 'vitest';
import { queryLines } from '../../src/main/store/lines';
import { syncAdministration } from '../../src/main/sync/sync-administration';
import { demoAfas } from '../demo-afas';
import { tmpDb } from './helpers';

const TOKEN = `<token><version>1</version><data>${'EF'.repeat(32)}</data></token>`;
const afas = demoAfas(TOKEN);
const { dataset } = afas;
const both = dataset.administrations[0]!;

const range = { from: { year: 2025, month: 5 }, to: { year: 2025, month: 6 }, now: () => new Date('2025-07-03T09:00:00Z') };

describe('sync of an administration with several profiles', () => {
  it('Nmbrs only: the payroll accounts and the bank account, no creditor discovery', async () => {
    const t = tmpDb();
    try {
      const r = await syncAdministration({ db: t.db, client: afas.client, config: { unitId: 1, nmbrs: both.nmbrs! }, ...range });
      expect(r.accounts).toEqual(['1610', '1620', '1630', '11000']);
      expect(Object.keys(r.requests).some((k) => k.endsWith(':discover'))).toBe(false);
      const stored = queryLines(t.db, { unitId: 1, accounts: ['1610'] });
      expect(stored.some((l) => l.journalId === 'LON')).toBe(true);
      expect(stored.length).toBe(dataset.lines.filter((l) => l.unitId === 1 && l.account === '1610' && l.date >= '2025-05-01').length);
    } finally {
      t.cleanup();
    }
  });

  it('Moss and Nmbrs: both profiles’ accounts, the shared bank account once, Moss’s merchant creditors discovered', async () => {
    const t = tmpDb();
    try {
      const r = await syncAdministration({ db: t.db, client: afas.client, config: both, ...range });
      expect(r.accounts.slice(0, 7)).toEqual(['11050', '20990', '700123', '11000', '1610', '1620', '1630']);
      expect(r.accounts.filter((a) => a === '11000')).toHaveLength(1);
      expect(r.accounts.filter((a) => a.startsWith('7002')).length).toBeGreaterThan(0);
    } finally {
      t.cleanup();
    }
  });
});

describe('sync of an administration with Declaree', () => {
  it('finds the employee creditors in the Declaree journal and fetches them with payments in transit', async () => {
    const t = tmpDb();
    try {
      const r = await syncAdministration({ db: t.db, client: afas.client, config: { unitId: 1, declaree: both.declaree! }, ...range });
      expect(r.accounts.slice(0, 2)).toEqual(['1960', '11000']);
      const employees = r.accounts.filter((a) => a.startsWith('8001'));
      // Exactly the creditors with a Declaree line in the synced months.
      const want = [...new Set(dataset.lines.filter((l) => l.unitId === 1 && l.journalId === 'DEC' && l.creditor && l.date >= '2025-05-01').map((l) => l.account))].sort();
      expect(employees.sort()).toEqual(want);
      expect(Object.keys(r.requests).some((k) => k.endsWith(':discover'))).toBe(true);
      const stored = queryLines(t.db, { unitId: 1, accounts: [want[0]!] });
      expect(new Set(stored.map((l) => l.journalId))).toContain('DEC');
    } finally {
      t.cleanup();
    }
  });
});
