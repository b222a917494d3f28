// The client against the project's fake AFAS server (src/main/demo/fake-afas): paging with faults,
// filters evaluated by the server, IN-list splitting, date slices, error translation, readiness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAfas, type FakeAfas } from '../../src/main/demo/fake-afas/server';
import {
  PROFIT_ACCOUNTS_FIELDS,
  PROFIT_ADMINISTRATIONS_FIELDS,
  PROFIT_CREDITOR_FIELDS,
  PROFIT_JOURNALS_FIELDS,
  PROFIT_TRANSACTIONS_FIELDS,
  syntheticMutations,
} from '../../src/main/demo/fake-afas/synthetic';
import { createAfasClient } from '../../src/main/afas/client';
import { classicTokenAuth } from '../../src/main/afas/classic-token';
import { MUTATION_ORDER, toMutationLine } from '../../src/main/afas/mutation-row';
import { andAll, dateSliceConditions, dateSlices, splitInList } from '../../src/main/afas/query';
import { runReadiness } from '../../src/main/afas/readiness';
import type { AfasClient, FilterGroups, GetRowsOptions } from '../../src/main/afas/types';
import { AppFailure } from '../../src/shared/errors';
import type { MossProfile } from '../../src/shared/domain';

const TOKEN = `<token><version>1</version><data>${'C0FFEE12'.repeat(8)}</data></token>`;
const TOTAL = 250_000;
const ACCOUNTS = Array.from({ length: 400 }, (_, i) => String(100_000 + i * 7));
const rows = syntheticMutations(TOTAL, { unitId: 1, seed: 7, from: '2025-01', months: 12, accounts: ACCOUNTS });
const allKeys = rows.map((r) => toMutationLine(r).key);

let fake: FakeAfas;
let client: AfasClient;

beforeAll(async () => {
  fake = await startFakeAfas({
    tokens: [TOKEN],
    environment: {
      envId: 'O12345AA',
      connectors: {
        Profit_Transactions_Allocated: { fields: PROFIT_TRANSACTIONS_FIELDS, rows },
        Profit_Journals: {
          fields: PROFIT_JOURNALS_FIELDS,
          rows: [
            { UnitId: 1, JournalId: 'MOSI', Description: 'Moss inkoop', JournalType: 'Inkoop', Blocked: false },
            { UnitId: 1, JournalId: 'MOSB', Description: 'Moss bank', JournalType: 'Memoriaal', Blocked: false },
          ],
        },
        Profit_Accounts: {
          fields: PROFIT_ACCOUNTS_FIELDS,
          rows: [
            { Account: '1290', Description: 'Moss Balance', Blocked: false },
            { Account: '1990', Description: 'Kruisposten', Blocked: true },
          ],
        },
        Profit_Creditor: { fields: PROFIT_CREDITOR_FIELDS, rows: [{ CreditorId: '70001', CreditorName: 'Moss Default Supplier' }] },
        Profit_Administrations: { fields: PROFIT_ADMINISTRATIONS_FIELDS, rows: [{ AdminId: 1, AdminNm: 'Demo BV', AdminCd: '001' }] },
      },
    },
  });
  client = createAfasClient({ baseUrl: fake.baseUrl, auth: classicTokenAuth(TOKEN), backoffBaseMs: 1, backoffMaxMs: 5, retries: 5 });
});

afterAll(async () => {
  await client.close();
  await fake.close();
});

/** MUTATION_ORDER (UnitId, JournalId, EntryNo, SeqNo) as a comparison of line keys. */
function compareKeys(a: string, b: string): number {
  const [ua, ja, ea, sa] = a.split('/');
  const [ub, jb, eb, sb] = b.split('/');
  return Number(ua) - Number(ub) || (ja! < jb! ? -1 : ja! > jb! ? 1 : 0) || Number(ea) - Number(eb) || Number(sa) - Number(sb);
}

async function keysOf(options: GetRowsOptions, c: AfasClient = client): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of c.getRows('Profit_Transactions_Allocated', options)) for (const r of page) keys.push(toMutationLine(r).key);
  return keys;
}

describe('paging against the fake AFAS', () => {
  it('gets all 250,000 rows once each, with 500s, 503 + retry_after, resets and truncated bodies injected', async () => {
    const path = /\/connectors\/Profit_Transactions_Allocated$/;
    fake.faults.add({ kind: '500', match: { path, nth: 3 }, message: 'Command timeout expired.' });
    fake.faults.add({ kind: '503', match: { path, nth: 9 }, retryAfter: 0 });
    fake.faults.add({ kind: 'reset', match: { path, nth: 17 }, times: 2 });
    fake.faults.add({ kind: 'truncate', match: { path, nth: 30 } });
    const before = fake.requests.length;
    const keys = await keysOf({ orderBy: MUTATION_ORDER });
    expect(keys).toHaveLength(TOTAL);
    expect(new Set(keys).size).toBe(TOTAL);
    expect(new Set(keys)).toEqual(new Set(allKeys));
    const faulted = fake.requests.slice(before).filter((r) => r.fault).map((r) => r.fault);
    expect(faulted.sort()).toEqual(['500', '503', 'reset', 'reset', 'truncate']);
  });

  it('with 2 or 3 pages fetched ahead: still every row once, in order, faults on any page included', async () => {
    for (const prefetch of [2, 3]) {
      const path = /\/connectors\/Profit_Transactions_Allocated$/;
      fake.faults.add({ kind: '500', match: { path, nth: 5 }, message: 'Command timeout expired.' });
      fake.faults.add({ kind: 'reset', match: { path, nth: 12 } });
      const keys = await keysOf({ orderBy: MUTATION_ORDER, prefetch });
      expect(keys).toHaveLength(TOTAL);
      expect(keys).toEqual([...allKeys].sort(compareKeys));
      fake.faults.clear();
    }
  });

  it('slices by entry date: the slices together give every row exactly once', async () => {
    const keys: string[] = [];
    for (const slice of dateSlices('2025-01-01', '2025-12-31', 31)) {
      keys.push(...(await keysOf({ orderBy: MUTATION_ORDER, filters: andAll([[{ fieldId: 'UnitId', operator: 1, value: '1' }]], dateSliceConditions(slice)) })));
    }
    expect(keys).toHaveLength(TOTAL);
    expect(new Set(keys)).toEqual(new Set(allKeys));
  });

  it('splits a long account IN-list over requests under 2,049 characters and finds exactly those lines', async () => {
    const wanted = ACCOUNTS.filter((_, i) => i % 8 === 0); // 50 accounts
    const base: FilterGroups = [dateSliceConditions({ from: '2025-03-01', to: '2025-03-31' })];
    const sets = splitInList('AccountNo', wanted, { orderBy: MUTATION_ORDER, base });
    expect(sets.length).toBeGreaterThan(1);
    const before = fake.requests.length;
    const keys: string[] = [];
    for (const filters of sets) keys.push(...(await keysOf({ orderBy: MUTATION_ORDER, filters })));
    const wantedSet = new Set(wanted);
    const expected = rows.filter((r) => wantedSet.has(r.AccountNo as string) && String(r.EntryDate) >= '2025-03-01' && String(r.EntryDate) < '2025-04-01').map((r) => toMutationLine(r).key);
    expect(expected.length).toBeGreaterThan(500);
    expect(keys.sort()).toEqual(expected.sort());
    for (const r of fake.requests.slice(before)) expect(r.status).toBe(200);
  });

  it.each([
    [1, 'JournalId', 'MOSI'],
    [2, 'EntryDate', '2025-12-01T00:00:00'],
    [5, 'EntryDate', '2025-01-15T00:00:00'],
    [6, 'Omschrijving', 'king 123'],
    [7, 'UnitId', '1'],
    [8, 'InvoiceId', ''],
    [10, 'Omschrijving', 'Boeking 99'],
    [13, 'Omschrijving', '77'],
  ] as const)('operator %i on %s is applied by the server as AFAS defines it', async (operator, fieldId, value) => {
    const keys = await keysOf({ orderBy: MUTATION_ORDER, filters: [[{ fieldId, operator, value }]] });
    const test: Record<number, (v: unknown) => boolean> = {
      1: (v) => v === value,
      2: (v) => String(v) >= value,
      5: (v) => String(v) < value,
      6: (v) => String(v).toLowerCase().includes(value.toLowerCase()),
      7: (v) => String(v) !== value,
      8: (v) => v === null || v === '',
      10: (v) => String(v).startsWith(value),
      13: (v) => String(v).endsWith(value),
    };
    const expected = rows.filter((r) => test[operator]!(r[fieldId])).map((r) => toMutationLine(r).key);
    expect(keys.sort()).toEqual(expected.sort());
  });
});

describe('failures from the fake AFAS', () => {
  async function failureOf(p: Promise<unknown>): Promise<AppFailure> {
    try {
      await p;
    } catch (e) {
      expect(e).toBeInstanceOf(AppFailure);
      return e as AppFailure;
    }
    throw new Error('expected a failure');
  }

  it('reports a wrong token as 401 without retrying', async () => {
    const other = createAfasClient({ baseUrl: fake.baseUrl, auth: classicTokenAuth('AB'.repeat(32)), backoffBaseMs: 1 });
    const before = fake.requests.length;
    const f = await failureOf(other.metaInfo());
    await other.close();
    expect(f.appError.code).toBe('afas.unauthorized');
    expect(fake.requests.length - before).toBe(1);
  });

  it('names a connector the App Connector lacks, and a field a custom connector lacks (with log reference)', async () => {
    const missing = await failureOf(client.getRows('Profit_Debtor', { orderBy: ['DebtorId'] })[Symbol.asyncIterator]().next());
    expect(missing.appError.code).toBe('afas.connector_not_authorized');
    expect(missing.appError.action?.nl).toContain('Algemeen > Beheer > App connector');
    expect(missing.appError.message.nl).toContain('Profit_Debtor');
    const field = await failureOf(keysOf({ orderBy: MUTATION_ORDER, filters: [[{ fieldId: 'Kostenplaats', operator: 1, value: 'x' }]] }));
    expect(field.appError.code).toBe('afas.field_not_found');
    expect(field.appError.message.en).toContain('Kostenplaats');
    expect(field.appError.reference).toMatch(/^[0-9A-F]{32}$/);
  });

  it('reports long maintenance (503, retry_after 7200) at once', async () => {
    fake.faults.add({ kind: '503', match: { path: /profitversion/i }, retryAfter: 7200 });
    const f = await failureOf(client.profitVersion());
    expect(f.appError.code).toBe('afas.maintenance');
    expect(f.appError.message.en).toContain('120 minutes');
  });
});

describe('readiness against the fake AFAS', () => {
  it('checks connectors and Moss master data, with the fix for what is missing', async () => {
    const moss: MossProfile = {
      balanceAccount: '1290',
      cashInTransitAccount: '1990',
      defaultSupplier: '70001',
      purchaseJournal: 'MOSI',
      bankJournal: 'MOSB',
      bankAccounts: ['1100'],
    };
    const checks = await runReadiness(client, 1, moss);
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(byId['connector:Profit_Transactions_Allocated']!.ok).toBe(true);
    expect(byId['connector:Profit_Fin_ChangedEntrydate']).toMatchObject({ ok: false, required: false });
    expect(byId['connector:Profit_Fin_ChangedEntrydate']!.fix.nl).toContain('tabblad GetConnectoren');
    expect(byId['administration:1']!.ok).toBe(true);
    expect(byId['journal:purchase']!.ok).toBe(true);
    expect(byId['journal:bank']).toMatchObject({ ok: false });
    expect(byId['journal:bank']!.fix.nl).toContain('"Memoriaal"');
    expect(byId['account:balance']!.ok).toBe(true);
    expect(byId['account:cash-in-transit']!.ok).toBe(false); // blocked
    expect(byId['account:bank:1100']!.fix.nl).toContain('Financieel > Grootboek > Grootboekrekeningen');
    expect(byId['creditor:default']!.ok).toBe(true);
    for (const c of checks) {
      expect(c.label.nl && c.label.en).toBeTruthy();
      if (!c.ok) expect(c.fix.nl && c.fix.en).toBeTruthy();
    }
    // The accepted journal types are data: a site that calls its bank journals "Memoriaal" can say so.
    const relaxed = await runReadiness(client, 1, moss, { journalTypes: { purchase: ['Inkoop'], bank: ['Financieel', 'Memoriaal'] } });
    expect(relaxed.find((c) => c.id === 'journal:bank')!.ok).toBe(true);
  });
});
