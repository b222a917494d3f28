import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeAfas } from '../../src/main/demo/fake-afas/types';
import { get, rows, startFakeAfasWith, TOKEN, type Row } from './filter-fixture';

// A small table whose expected answers can be read off by eye.
const ROWS: Row[] = [
  { Id: 1, Name: 'Alpha', Amount: 10.5, Day: '2025-03-31T00:00:00Z', Flag: true },
  { Id: 2, Name: 'beta', Amount: -0.5, Day: '2025-04-01T00:00:00Z', Flag: false },
  { Id: 3, Name: 'Gamma ray', Amount: 100, Day: '2025-04-30T00:00:00Z', Flag: true },
  { Id: 4, Name: '', Amount: null, Day: null, Flag: false },
  { Id: 5, Name: null, Amount: 9, Day: '2025-05-01T00:00:00Z', Flag: true },
  { Id: 6, Name: 'ALPHABET', Amount: 20, Day: '2025-04-15T12:30:00Z', Flag: false },
];

describe('fake AFAS filters', () => {
  let fake: FakeAfas;
  beforeAll(async () => {
    fake = await startFakeAfasWith(ROWS);
  });
  afterAll(() => fake.close());

  const ids = async (params: Record<string, string>): Promise<number[]> =>
    (await rows(fake, 'T', { orderbyfieldids: 'Id', ...params })).map((r) => r.Id as number);
  const one = (field: string, op: number, value: string) => ids({ filterfieldids: field, operatortypes: String(op), filtervalues: value });

  it.each([
    ['Name', 1, 'alpha', [1]],
    ['Amount', 1, '-.5', [2]],
    ['Day', 1, '2025-04-01T00:00:00', [2]],
    ['Flag', 1, 'true', [1, 3, 5]],
    ['Amount', 2, '10.5', [1, 3, 6]],
    ['Day', 2, '2025-04-01T00:00:00', [2, 3, 5, 6]],
    ['Amount', 3, '9', [2, 5]],
    ['Day', 3, '2025-04-30T00:00:00', [1, 2, 3, 6]],
    ['Amount', 4, '10.5', [3, 6]],
    ['Day', 4, '2025-04-15T00:00:00', [3, 5, 6]],
    ['Amount', 5, '10', [2, 5]],
    ['Day', 5, '2025-04-01', [1]],
    ['Name', 2, 'beta', [2, 3]],
    ['Name', 4, 'Beta', [3]],
    ['Name', 6, 'ALPHA', [1, 6]],
    ['Name', 7, 'Alpha', [2, 3, 4, 5, 6]],
    ['Name', 8, '', [4, 5]],
    ['Amount', 8, '', [4]],
    ['Name', 9, '', [1, 2, 3, 6]],
    ['Name', 10, 'gam', [3]],
    ['Name', 11, 'alpha', [2, 3, 4, 5]],
    ['Name', 12, 'a', [2, 3, 4, 5]],
    ['Name', 13, 'RAY', [3]],
    ['Name', 14, 'a', [3, 4, 5, 6]],
    ['Name', 15, 'ph', [1, 6]],
  ])('%s operator %i %s', async (field, op, value, expected) => {
    expect(await one(field, op, value)).toEqual(expected);
  });

  it('joins conditions with "," (AND) and groups with ";" (OR)', async () => {
    expect(await ids({ filterfieldids: 'Amount,Flag', operatortypes: '2,1', filtervalues: '10,false' })).toEqual([6]);
    expect(await ids({ filterfieldids: 'Amount,Flag;Name', operatortypes: '2,1;1', filtervalues: '10,false;beta' })).toEqual([2, 6]);
  });

  it('accepts filterjson (fields AND, filters OR), single objects too', async () => {
    const filterjson = JSON.stringify({
      Filters: {
        Filter: [
          { '@FilterId': 'Filter 1', Field: [{ '@FieldId': 'Amount', '@OperatorType': '4', '#text': '10' }, { '@FieldId': 'Flag', '@OperatorType': '1', '#text': 'true' }] },
          { '@FilterId': 'Filter 2', Field: { '@FieldId': 'Name', '@OperatorType': '8' } },
        ],
      },
    });
    expect(await ids({ filterjson })).toEqual([1, 3, 4, 5]);
  });

  it('answers 500 "Connector field \'X\' not found" for an unknown filter or order field', async () => {
    const bad = await get(fake, '/connectors/T', { filterfieldids: 'Nope', operatortypes: '1', filtervalues: 'x' });
    expect(bad.status).toBe(500);
    expect((bad.json as { externalMessage: string }).externalMessage).toBe("Connector field 'Nope' not found");
    const badOrder = await get(fake, '/connectors/T', { orderbyfieldids: '-Missing' });
    expect(badOrder.status).toBe(500);
    expect((badOrder.json as { externalMessage: string }).externalMessage).toBe("Connector field 'Missing' not found");
  });

  it('answers 500 when the filter lists do not line up', async () => {
    const bad = await get(fake, '/connectors/T', { filterfieldids: 'Id,Name', operatortypes: '1', filtervalues: '1' });
    expect(bad.status).toBe(500);
    expect(bad.json).toMatchObject({ errorNumber: expect.any(Number), profitLogReference: expect.any(String) });
  });

  it('keeps the classic token private: a wrong token gets 401', async () => {
    expect(TOKEN).toContain('<token>');
    const bad = await get(fake, '/connectors/T', {}, { authorization: 'AfasToken ' + Buffer.from('<token>x</token>').toString('base64') });
    expect(bad.status).toBe(401);
  });
});
