// The fake's answers against AFAS's own OpenAPI response schemas (copied into
// openapi-fragments.json so the tests do not read outside the project).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAfas } from '../../src/main/demo/fake-afas/server';
import {
  PROFIT_ACCOUNTS_FIELDS,
  PROFIT_ADMINISTRATIONS_FIELDS,
  PROFIT_CREDITOR_FIELDS,
  PROFIT_FIN_CHANGED_ENTRYDATE_FIELDS,
  PROFIT_JOURNALS_FIELDS,
  PROFIT_PERIOD_BALANCE_FIELDS,
  PROFIT_TRANSACTIONS_FIELDS,
  syntheticMutations,
} from '../../src/main/demo/fake-afas/synthetic';
import type { FakeAfas, FakeField } from '../../src/main/demo/fake-afas/types';
import { checkSchema, type Schema } from './schema-check';
import { get, TOKEN } from './helpers';

interface Fragments {
  responses: Record<'500' | '503', Schema> & Record<'401' | '403' | '404', { content: null; contentLength: string }>;
  metaInfo: Schema;
  connectorMetaInfo: Schema;
  profitVersion: Schema;
  getConnectors: Record<string, Schema>;
}
const spec = JSON.parse(readFileSync(new URL('./openapi-fragments.json', import.meta.url), 'utf8')) as Fragments;

const FIELD_LISTS: Record<string, FakeField[]> = {
  Profit_Transactions_Allocated: PROFIT_TRANSACTIONS_FIELDS,
  Profit_Journals: PROFIT_JOURNALS_FIELDS,
  Profit_Accounts: PROFIT_ACCOUNTS_FIELDS,
  Profit_Creditor: PROFIT_CREDITOR_FIELDS,
  Profit_Administrations: PROFIT_ADMINISTRATIONS_FIELDS,
  Profit_Fin_ChangedEntrydate: PROFIT_FIN_CHANGED_ENTRYDATE_FIELDS,
  Profit_Period_balance: PROFIT_PERIOD_BALANCE_FIELDS,
};
const SPEC_TYPE = { int: 'integer', decimal: 'number', string: 'string', date: 'string', boolean: 'boolean' } as const;

const rowSchema = (connector: string): Schema => spec.getConnectors[connector]?.properties?.rows?.items as Schema;

describe('fake AFAS answers match the OpenAPI response schemas', () => {
  let fake: FakeAfas;
  beforeAll(async () => {
    fake = await startFakeAfas({
      environment: {
        envId: 'O12345AA',
        connectors: {
          Profit_Transactions_Allocated: {
            fields: PROFIT_TRANSACTIONS_FIELDS,
            rows: syntheticMutations(300, { unitId: 3, seed: 11, from: '2024-11', accounts: ['1600', '4000'] }),
          },
          Profit_Administrations: {
            description: 'Administraties (Profit)',
            fields: PROFIT_ADMINISTRATIONS_FIELDS,
            rows: [{ AdminId: 3, AdminNm: 'Demo BV', AdminCd: '003' }],
          },
        },
        updateConnectors: [{ id: 'FiEntries', description: 'Financiële mutaties' }],
      },
      tokens: [TOKEN],
    });
  });
  afterAll(() => fake.close());

  it('the schema check itself rejects wrong shapes', () => {
    expect(checkSchema({ externalMessage: 5 }, spec.responses['500'], { requireAll: true })).toHaveLength(3);
    expect(checkSchema({ UnitId: 1.5 }, rowSchema('Profit_Journals'))).toEqual(['$.UnitId: expected integer, got 1.5']);
    expect(checkSchema({ Nope: 1 }, rowSchema('Profit_Journals'), { noExtra: true })).toEqual(['$.Nope: not in the spec']);
  });

  it('every field list has exactly the spec\'s row properties, with matching types', () => {
    for (const [connector, fields] of Object.entries(FIELD_LISTS)) {
      const props = rowSchema(connector).properties ?? {};
      expect(fields.map((f) => f.id), connector).toEqual(Object.keys(props));
      for (const f of fields) expect(SPEC_TYPE[f.dataType], `${connector}.${f.id}`).toBe(props[f.id]?.type);
    }
  });

  it('GetConnector pages (synthetic mutations, administrations)', async () => {
    for (const [connector, order] of [['Profit_Transactions_Allocated', 'EntryNo,SeqNo'], ['Profit_Administrations', 'AdminId']] as const) {
      const got = await get(fake, `/connectors/${connector}`, { skip: 0, take: 300, orderbyfieldids: order });
      expect(got.status).toBe(200);
      const schema = spec.getConnectors[connector] as Schema;
      expect(checkSchema(got.json, schema, { requireAll: true, nullLeaves: true, noExtra: false })).toEqual([]);
      const rowsOnly = (got.json as { rows: unknown[] }).rows;
      expect(checkSchema(rowsOnly, { type: 'array', items: rowSchema(connector) }, { requireAll: true, nullLeaves: true, noExtra: true })).toEqual([]);
    }
  });

  it('metainfo, connector metainfo and profitversion', async () => {
    expect(checkSchema((await get(fake, '/metainfo')).json, spec.metaInfo, { requireAll: true })).toEqual([]);
    expect(checkSchema((await get(fake, '/metainfo/get/Profit_Administrations')).json, spec.connectorMetaInfo, { requireAll: true })).toEqual([]);
    expect(checkSchema((await get(fake, '/metainfo/get/Profit_Transactions_Allocated')).json, spec.connectorMetaInfo, { requireAll: true })).toEqual([]);
    expect(checkSchema((await get(fake, '/profitversion')).json, spec.profitVersion, { requireAll: true })).toEqual([]);
  });

  it('500 and 503 bodies; 401/403/404 without content', async () => {
    const unknownField = await get(fake, '/connectors/Profit_Administrations', { orderbyfieldids: 'Nope' });
    expect(unknownField.status).toBe(500);
    expect(checkSchema(unknownField.json, spec.responses['500'], { requireAll: true, noExtra: true })).toEqual([]);
    fake.faults.add({ kind: '500' });
    expect(checkSchema((await get(fake, '/metainfo')).json, spec.responses['500'], { requireAll: true, noExtra: true })).toEqual([]);
    fake.faults.add({ kind: '503', retryAfter: 60 });
    const maintenance = await get(fake, '/metainfo');
    expect(maintenance.status).toBe(503);
    expect(checkSchema(maintenance.json, spec.responses['503'], { requireAll: true, noExtra: true })).toEqual([]);
    const badToken = await get(fake, '/metainfo', {}, { authorization: 'AfasToken eA==' });
    fake.faults.add({ kind: '403' });
    const forbidden = await get(fake, '/metainfo');
    const notFound = await get(fake, '/nowhere');
    for (const [status, got] of [[401, badToken], [403, forbidden], [404, notFound]] as const) {
      expect(got.status).toBe(status);
      expect(got.headers['content-length']).toBe(spec.responses[String(status) as '401'].contentLength);
      expect(got.text).toBe('');
    }
  });
});
