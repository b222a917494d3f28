import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeAfas } from '../../src/main/demo/fake-afas/types';
import { AUTH, get, startSmall } from './helpers';

const PAGE = { orderbyfieldids: 'EntryNo,SeqNo', take: 200 };

/** Reads the whole answer; rejects when the connection breaks mid-body. */
async function fetchAll(fake: FakeAfas, path: string): Promise<{ status: number; text: string }> {
  const url = new URL(fake.baseUrl + path);
  for (const [k, v] of Object.entries(PAGE)) url.searchParams.set(k, String(v));
  const res = await request(url, { headers: { authorization: AUTH } });
  return { status: res.statusCode, text: await res.body.text() };
}

describe('fake AFAS fault injection', () => {
  let fake: FakeAfas;
  beforeAll(async () => {
    fake = await startSmall({}, 400);
  });
  afterEach(() => fake.faults.clear());
  afterAll(() => fake.close());

  it('500: Profit\'s functional error body, once, then normal again', async () => {
    fake.faults.add({ kind: '500', message: 'Out of String space' });
    const bad = await get(fake, '/connectors/Profit_Journals', { orderbyfieldids: 'JournalId' });
    expect(bad.status).toBe(500);
    expect(bad.json).toEqual({ externalMessage: 'Out of String space', errorNumber: expect.any(Number), profitLogReference: expect.stringMatching(/\S/) });
    expect((await get(fake, '/connectors/Profit_Journals', { orderbyfieldids: 'JournalId' })).status).toBe(200);
  });

  it('503: the maintenance body with retry_after and a Retry-After header', async () => {
    fake.faults.add({ kind: '503', retryAfter: 3 });
    const got = await get(fake, '/metainfo');
    expect(got.status).toBe(503);
    expect(got.headers['retry-after']).toBe('3');
    expect(got.json).toEqual({ error: { code: '503', message: expect.stringContaining('maintenance') }, retry_after: 3 });
  });

  it('401, 403 and 404 answer with their status', async () => {
    fake.faults.add({ kind: '401' });
    fake.faults.add({ kind: '403' });
    fake.faults.add({ kind: '404' });
    // Every matching fault counts the request; the first eligible one answers it.
    expect((await get(fake, '/profitversion')).status).toBe(401);
    expect((await get(fake, '/profitversion')).status).toBe(403);
    expect((await get(fake, '/profitversion')).status).toBe(404);
    expect((await get(fake, '/profitversion')).status).toBe(200);
  });

  it('matches by path and by the nth matching request, for `times` requests', async () => {
    fake.faults.add({ kind: '500', match: { path: /\/connectors\/Profit_Transactions_Allocated$/, nth: 2 }, times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await get(fake, '/connectors/Profit_Transactions_Allocated', PAGE)).status);
      statuses.push((await get(fake, '/connectors/Profit_Journals', { orderbyfieldids: 'JournalId' })).status);
    }
    expect(statuses).toEqual([200, 200, 500, 200, 500, 200, 200, 200]);
    expect(fake.requests.filter((r) => r.fault === '500').length).toBeGreaterThanOrEqual(2);
  });

  it('reset: the connection dies mid-body', async () => {
    fake.faults.add({ kind: 'reset', match: { path: /connectors/ } });
    await expect(fetchAll(fake, '/connectors/Profit_Transactions_Allocated')).rejects.toThrow();
    const ok = await fetchAll(fake, '/connectors/Profit_Transactions_Allocated');
    expect(ok.status).toBe(200);
    expect((JSON.parse(ok.text) as { rows: unknown[] }).rows).toHaveLength(200);
  });

  it('truncate: fewer bytes than Content-Length promised, then the connection closes', async () => {
    fake.faults.add({ kind: 'truncate' });
    await expect(fetchAll(fake, '/connectors/Profit_Transactions_Allocated')).rejects.toThrow();
    expect((await fetchAll(fake, '/connectors/Profit_Transactions_Allocated')).status).toBe(200);
  });

  it('slow: answers normally after the delay', async () => {
    fake.faults.add({ kind: 'slow', delayMs: 300 });
    const started = Date.now();
    const got = await get(fake, '/profitversion');
    expect(got.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('rate: a share of the matching requests, the same ones on every run whatever their order', async () => {
    const statuses = async () => {
      fake.faults.clear();
      fake.faults.add({ kind: '500', rate: 0.3, seed: 5, message: 'An unexpected error has occurred.', errorNumber: -2147180999 });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await get(fake, '/connectors/Profit_Transactions_Allocated', { ...PAGE, skip: 200 * (i % 20) })).status);
      return out;
    };
    const first = await statuses();
    const failed = first.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(24);
    expect(await statuses()).toEqual(first);
    fake.faults.clear();
    fake.faults.add({ kind: '500', rate: 1, message: 'An unexpected error has occurred.', errorNumber: -2147180999 });
    expect((await get(fake, '/profitversion')).json).toEqual({ externalMessage: 'An unexpected error has occurred.', errorNumber: -2147180999, profitLogReference: expect.stringMatching(/\S/) });
  });

  it('cut: a 200 whose body stops halfway, Content-Length and all', async () => {
    fake.faults.add({ kind: 'cut', match: { path: /connectors/ } });
    const cut = await fetchAll(fake, '/connectors/Profit_Transactions_Allocated');
    expect(cut.status).toBe(200);
    expect(() => JSON.parse(cut.text)).toThrow();
    expect(JSON.parse((await fetchAll(fake, '/connectors/Profit_Transactions_Allocated')).text).rows).toHaveLength(200);
  });

  it('clear() removes pending faults', async () => {
    fake.faults.add({ kind: '500', times: Infinity });
    expect((await get(fake, '/profitversion')).status).toBe(500);
    fake.faults.clear();
    expect((await get(fake, '/profitversion')).status).toBe(200);
  });

  it('latencyMs delays every answer', async () => {
    const slow = await startSmall({ latencyMs: 150 }, 10);
    try {
      const started = Date.now();
      expect((await get(slow, '/profitversion')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await slow.close();
    }
  });
});
