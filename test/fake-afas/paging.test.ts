import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeAfas } from '../../src/main/demo/fake-afas/types';
import { get, rows, startSmall, type Row } from './helpers';

const key = (r: Row): string => `${String(r.UnitId)}|${String(r.JournalId)}|${String(r.EntryNo)}|${String(r.SeqNo)}`;

describe('fake AFAS GetConnector paging and ordering', () => {
  let fake: FakeAfas;
  beforeAll(async () => {
    fake = await startSmall({}, 1001);
  });
  afterAll(() => fake.close());

  it('pages with an order: every row exactly once, in order, last page short', async () => {
    const seen: Row[] = [];
    for (let skip = 0; ; skip += 100) {
      const got = await get(fake, '/connectors/Profit_Transactions_Allocated', { skip, take: 100, orderbyfieldids: 'EntryNo,SeqNo' });
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toMatch(/^application\/json/);
      expect(got.headers.connection).not.toBe('close');
      const body = got.json as { skip: number; take: number; rows: Row[] };
      expect(body.skip).toBe(skip);
      expect(body.take).toBe(100);
      seen.push(...body.rows);
      if (body.rows.length < 100) break;
    }
    expect(seen).toHaveLength(1001);
    expect(new Set(seen.map(key)).size).toBe(1001);
    for (let i = 1; i < seen.length; i++) {
      const a = seen[i - 1] as Row;
      const b = seen[i] as Row;
      expect((a.EntryNo as number) * 10 + (a.SeqNo as number)).toBeLessThan((b.EntryNo as number) * 10 + (b.SeqNo as number));
    }
  });

  it('a small page near the start (picked, not sorted) holds the same rows as that part of a big page', async () => {
    const q = { orderbyfieldids: '-AccountNo,EntryDate,EntryNo,SeqNo', filterfieldids: 'JournalId', filtervalues: '20', operatortypes: '7' };
    const all = ((await get(fake, '/connectors/Profit_Transactions_Allocated', { ...q, skip: 0, take: 1000 })).json as { rows: Row[] }).rows;
    for (const [skip, take] of [[0, 1], [0, 16], [3, 5], [15, 1]] as const) {
      const got = ((await get(fake, '/connectors/Profit_Transactions_Allocated', { ...q, skip, take })).json as { rows: Row[] }).rows;
      expect(got.map(key)).toEqual(all.slice(skip, skip + take).map(key));
    }
  });

  it('a range on the order field (a skip scan) gives exactly the rows and order of the full filter', async () => {
    const all = fake.environment.connectors['Profit_Transactions_Allocated']!.rows;
    for (const [op, value] of [['4', '1610'], ['2', '2010'], ['5', '4100'], ['3', '8000']] as const) {
      const q = { orderbyfieldids: 'AccountNo', filterfieldids: 'JournalId,AccountNo', filtervalues: `20,${value}`, operatortypes: `7,${op}`, skip: 0, take: 1000 };
      const got = ((await get(fake, '/connectors/Profit_Transactions_Allocated', q)).json as { rows: Row[] }).rows;
      const cmp = (a: string) => (op === '4' ? a > value : op === '2' ? a >= value : op === '5' ? a < value : a <= value);
      const expected = all
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => String(r.JournalId) !== '20' && r.AccountNo !== null && cmp(String(r.AccountNo)))
        .sort((a, b) => (String(a.r.AccountNo) < String(b.r.AccountNo) ? -1 : String(a.r.AccountNo) > String(b.r.AccountNo) ? 1 : a.i - b.i))
        .slice(0, 1000)
        .map(({ r }) => key(r));
      expect(got.map(key), `${op} ${value}`).toEqual(expected);
      expect(got.length).toBeGreaterThan(0);
    }
  });

  it('defaults take to 100 and skip to 0', async () => {
    const got = await get(fake, '/connectors/Profit_Transactions_Allocated', { orderbyfieldids: 'EntryNo' });
    const body = got.json as { skip: number; take: number; rows: Row[] };
    expect(body.rows).toHaveLength(100);
    expect(body.rows[0]?.EntryNo).toBe(1);
  });

  it('orders descending and by several fields', async () => {
    const all = await rows(fake, 'Profit_Transactions_Allocated', { orderbyfieldids: '-AmtDebit,EntryNo' });
    const debits = all.map((r) => r.AmtDebit as number);
    expect(debits).toEqual([...debits].sort((a, b) => b - a));
    const mixed = await rows(fake, 'Profit_Transactions_Allocated', { orderbyfieldids: 'Period,-EntryNo,SeqNo' });
    for (let i = 1; i < mixed.length; i++) {
      const a = mixed[i - 1] as Row;
      const b = mixed[i] as Row;
      const ok =
        (a.Period as number) < (b.Period as number) ||
        (a.Period === b.Period && ((a.EntryNo as number) > (b.EntryNo as number) || (a.EntryNo === b.EntryNo && (a.SeqNo as number) < (b.SeqNo as number))));
      expect(ok).toBe(true);
    }
  });

  it('orders strings case-insensitively, dates chronologically, nulls first', async () => {
    fake.environment.connectors.Profit_Journals?.rows.push({ UnitId: 1, JournalId: '15', Description: 'bank ABN', JournalType: 'B', Blocked: false });
    const byDesc = await rows(fake, 'Profit_Journals', { orderbyfieldids: 'Description' });
    expect(byDesc.map((r) => r.Description)).toEqual([null, 'bank ABN', 'Bank ING', 'Kas', 'Memoriaal']);
    const byDate = await rows(fake, 'Profit_Transactions_Allocated', { orderbyfieldids: '-EntryDate,EntryNo,SeqNo' });
    const dates = byDate.map((r) => r.EntryDate as string);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('serves rows as stored: nulls and unknown extra fields kept, amounts as numbers', async () => {
    const j = await rows(fake, 'Profit_Journals', { orderbyfieldids: 'JournalId' });
    expect(j.find((r) => r.JournalId === '50')).toEqual({ UnitId: 1, JournalId: '50', Description: 'Memoriaal', JournalType: 'M', Blocked: true, Extra: 'kept' });
    expect(j.find((r) => r.JournalId === '60')?.Description).toBeNull();
    const t = await rows(fake, 'Profit_Transactions_Allocated', { orderbyfieldids: 'EntryNo,SeqNo', take: 10 });
    expect(typeof t[0]?.AmtDebit).toBe('number');
    expect(t.some((r) => r.InvoiceId === null)).toBe(true);
  });

  it('skip=-1&take=-1 returns everything', async () => {
    const got = await get(fake, '/connectors/Profit_Transactions_Allocated', { skip: -1, take: -1, orderbyfieldids: 'EntryNo,SeqNo' });
    expect((got.json as { rows: Row[] }).rows).toHaveLength(1001);
  });

  it('without an order, paging loses and repeats rows (unstable order, as in AFAS)', async () => {
    const seen: Row[] = [];
    for (let skip = 0; skip < 1001; skip += 100) {
      const got = await get(fake, '/connectors/Profit_Transactions_Allocated', { skip, take: 100 });
      seen.push(...(got.json as { rows: Row[] }).rows);
    }
    expect(seen).toHaveLength(1001);
    expect(new Set(seen.map(key)).size).toBeLessThan(1001);
  });

  it('sees rows added, changed and deleted through fake.environment between requests', async () => {
    const conn = fake.environment.connectors.Profit_Transactions_Allocated;
    if (!conn) throw new Error('missing');
    const before = await rows(fake, 'Profit_Transactions_Allocated', { orderbyfieldids: 'EntryNo,SeqNo', skip: -1, take: -1 });
    const first = conn.rows[0] as Row;
    first.AmtDebit = 123456.78;
    conn.rows.push({ ...first, EntryNo: 999_999, SeqNo: 1 });
    conn.rows.splice(1, 1);
    const after = await rows(fake, 'Profit_Transactions_Allocated', { orderbyfieldids: 'EntryNo,SeqNo', skip: -1, take: -1 });
    expect(after).toHaveLength(before.length);
    expect(after[0]?.AmtDebit).toBe(123456.78);
    expect(after[after.length - 1]?.EntryNo).toBe(999_999);
    const top = await rows(fake, 'Profit_Transactions_Allocated', { orderbyfieldids: '-AmtDebit', take: 1 });
    expect(top[0]?.AmtDebit).toBe(123456.78);
  });
});

describe('fake AFAS index cache', () => {
  it('sees pushes and splices on the original (untracked) environment object too', async () => {
    const { startFakeAfas } = await import('../../src/main/demo/fake-afas/server');
    const { smallEnvironment, TOKEN } = await import('./helpers');
    const env = smallEnvironment(20);
    const fake = await startFakeAfas({ environment: env, tokens: [TOKEN] });
    try {
      const journals = env.connectors.Profit_Journals?.rows ?? [];
      expect(await rows(fake, 'Profit_Journals', { orderbyfieldids: 'JournalId' })).toHaveLength(4);
      journals.push({ UnitId: 1, JournalId: '99', Description: 'Nieuw', JournalType: 'M', Blocked: false });
      expect((await rows(fake, 'Profit_Journals', { orderbyfieldids: 'JournalId' })).map((r) => r.JournalId)).toContain('99');
      journals.splice(0, 2);
      expect(await rows(fake, 'Profit_Journals', { orderbyfieldids: 'JournalId' })).toHaveLength(3);
      // In-place edits of the original objects need invalidate(); through fake.environment they do not.
      (journals[0] as Row).JournalId = '00';
      fake.invalidate();
      expect((await rows(fake, 'Profit_Journals', { orderbyfieldids: 'JournalId' }))[0]?.JournalId).toBe('00');
      // A frozen object's object-valued properties must read as themselves (Proxy invariant).
      Object.freeze(env.connectors.Profit_Journals);
      expect(fake.environment.connectors.Profit_Journals?.rows).toBe(journals);
    } finally {
      await fake.close();
    }
  });
});
