// Shared setup for the fake AFAS tests: a small environment, a token, and a GET helper over
// real HTTP (undici).
import { request } from 'undici';
import { startFakeAfas } from '../../src/main/demo/fake-afas/server';
import { PROFIT_JOURNALS_FIELDS, PROFIT_TRANSACTIONS_FIELDS, syntheticMutations } from '../../src/main/demo/fake-afas/synthetic';
import type { FakeAfas, FakeAfasOptions, FakeEnvironment } from '../../src/main/demo/fake-afas/types';

export const TOKEN = '<token><version>1</version><data>' + 'AB12'.repeat(16) + '</data></token>';
export const AUTH = 'AfasToken ' + Buffer.from(TOKEN, 'utf8').toString('base64');

export function smallEnvironment(rows = 250): FakeEnvironment {
  return {
    envId: 'O12345AA',
    profitVersion: '26.1.2',
    connectors: {
      Profit_Transactions_Allocated: {
        description: 'Financial entries',
        fields: PROFIT_TRANSACTIONS_FIELDS,
        rows: syntheticMutations(rows, { unitId: 1, seed: 7, from: '2025-01', accounts: ['1600', '2010', '4000', '8000'] }),
      },
      Profit_Journals: {
        description: 'Journals',
        fields: PROFIT_JOURNALS_FIELDS,
        rows: [
          { UnitId: 1, JournalId: '10', Description: 'Kas', JournalType: 'K', Blocked: false },
          { UnitId: 1, JournalId: '20', Description: 'Bank ING', JournalType: 'B', Blocked: false },
          { UnitId: 1, JournalId: '50', Description: 'Memoriaal', JournalType: 'M', Blocked: true, Extra: 'kept' },
          { UnitId: 2, JournalId: '60', Description: null, JournalType: 'I', Blocked: false },
        ],
      },
    },
    updateConnectors: [{ id: 'FiEntries', description: 'Financiële mutaties' }],
  };
}

export async function startSmall(extra: Partial<FakeAfasOptions> = {}, rows = 250): Promise<FakeAfas> {
  return startFakeAfas({ environment: smallEnvironment(rows), tokens: [TOKEN], ...extra });
}

export interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

export async function get(fake: FakeAfas, path: string, params: Record<string, string | number> = {}, headers: Record<string, string> = { authorization: AUTH }): Promise<Got> {
  const url = new URL(fake.baseUrl + path);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
  const res = await request(url, { method: 'GET', headers: { accept: 'application/json', ...headers } });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}

export type Row = Record<string, unknown>;

export async function rows(fake: FakeAfas, connector: string, params: Record<string, string | number>): Promise<Row[]> {
  const got = await get(fake, `/connectors/${connector}`, { skip: 0, take: 10_000, ...params });
  if (got.status !== 200) throw new Error(`HTTP ${got.status}: ${got.text}`);
  return (got.json as { rows: Row[] }).rows;
}
