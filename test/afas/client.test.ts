// The client over real HTTP on 127.0.0.1 against a small stand-in server (support/tiny-afas.ts).
import { createServer as createHttpsServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAfasClient, DEFAULT_HEADERS_TIMEOUT_MS, type AfasClientOptions } from '../../src/main/afas/client';
import { classicTokenAuth } from '../../src/main/afas/classic-token';
import { toMutationLine } from '../../src/main/afas/mutation-row';
import type { AfasClient, RequestAuth } from '../../src/main/afas/types';
import { AppFailure } from '../../src/shared/errors';
import { mutationRow, resetMidBody, send, startTinyAfas, type Hook, type TinyAfas } from './support/tiny-afas';

const TOKEN = `<token><version>1</version><data>${'AB'.repeat(32)}</data></token>`;
const ORDER = ['UnitId', 'JournalId', 'EntryNo', 'SeqNo'];

let server: TinyAfas | undefined;
let client: AfasClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function setup(opts: { total?: number; hook?: Hook; delayMs?: number } = {}, clientOpts: Partial<AfasClientOptions> = {}) {
  server = await startTinyAfas(opts);
  client = createAfasClient({ baseUrl: server.baseUrl, auth: classicTokenAuth(TOKEN), retries: 4, backoffBaseMs: 1, backoffMaxMs: 5, timeoutMs: 5000, ...clientOpts });
  return { server, client };
}

async function failureOf(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppFailure);
    return e as AppFailure;
  }
  throw new Error('expected a failure');
}

async function pullAll(c: AfasClient, connector = 'Profit_Transactions_Allocated', extra = {}) {
  const keys: string[] = [];
  let pages = 0;
  for await (const page of c.getRows(connector, { orderBy: ORDER, ...extra })) {
    pages++;
    for (const r of page) keys.push(toMutationLine(r).key);
  }
  return { keys, pages };
}

function expectExactly(keys: string[], total: number) {
  expect(keys).toHaveLength(total);
  expect(new Set(keys).size).toBe(total);
  const expected = Array.from({ length: total }, (_, i) => toMutationLine(mutationRow(i)).key);
  expect(keys).toEqual(expected); // no gap, no duplicate, in order
}

describe('getRows paging', () => {
  it('pages 250,000 rows with no gap and no duplicate, pages of 5,000 under 150,000 cells', async () => {
    const { server: s, client: c } = await setup({ total: 250_000 });
    const { keys, pages } = await pullAll(c);
    expectExactly(keys, 250_000);
    expect(pages).toBe(51); // 50 full pages + the empty page that proves the end
    for (const r of s.seen) {
      expect(r.params.get('orderbyfieldids')).toBe('UnitId,JournalId,EntryNo,SeqNo');
      expect(Number(r.params.get('take')) * 26).toBeLessThan(150_000);
    }
    expect(s.connections()).toBeLessThanOrEqual(4); // keep-alive: a few sockets (≤ maxInFlight) carry all 51 pages
  });

  it('still gets every row exactly once with generic 500s, 503 + retry_after and resets mid-body', async () => {
    const faults: string[] = [];
    const hook: Hook = (req, res, n) => {
      if (!req.path.includes('/connectors/')) return false;
      const skip = Number(req.params.get('skip'));
      const take = Number(req.params.get('take'));
      if (n % 7 === 3) {
        faults.push('500');
        return send(res, 500, { externalMessage: 'An unexpected error has occurred.', errorNumber: -2147180999, profitLogReference: 'abc' });
      }
      if (n % 11 === 5) {
        faults.push('503');
        return send(res, 503, { error: { code: '503', message: 'maintenance' }, retry_after: 0 });
      }
      if (n % 5 === 2) {
        faults.push('reset');
        const rows = Array.from({ length: Math.min(take, 250_000 - skip) }, (_, k) => mutationRow(skip + k));
        return resetMidBody(res, { skip, take, rows });
      }
      return false;
    };
    const { client: c } = await setup({ total: 250_000, hook });
    const { keys } = await pullAll(c);
    expectExactly(keys, 250_000);
    expect(new Set(faults)).toEqual(new Set(['500', '503', 'reset']));
  });

  it('fetches a page again when a 200 arrives whole but does not parse, also a page fetched ahead', async () => {
    const garbled: number[] = [];
    const hook: Hook = (req, res) => {
      if (!req.path.includes('/connectors/')) return false;
      const skip = Number(req.params.get('skip'));
      if ((skip === 0 || skip === 20) && !garbled.includes(skip)) {
        garbled.push(skip);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"rows":[{"UnitId":1,"Journ'); // complete HTTP body, broken JSON (a proxy cut it)
        return true;
      }
      return false;
    };
    const { server: s, client: c } = await setup({ total: 45, hook });
    const keys: string[] = [];
    for await (const page of c.getRows('Profit_Transactions_Allocated', { orderBy: ORDER, take: 10, prefetch: 2 })) {
      for (const r of page) keys.push(toMutationLine(r).key);
    }
    expectExactly(keys, 45);
    expect(garbled.sort((a, b) => a - b)).toEqual([0, 20]);
    expect(s.seen.filter((r) => r.params.get('skip') === '20')).toHaveLength(2);
  });

  it('stops at the first short page and honours an explicit take', async () => {
    const { server: s, client: c } = await setup({ total: 23 });
    const { keys, pages } = await pullAll(c, 'Profit_Transactions_Allocated', { take: 10 });
    expectExactly(keys, 23);
    expect(pages).toBe(3);
    expect(s.seen.map((r) => r.params.get('skip'))).toEqual(['0', '10', '20']);
  });

  it('holds one page while fetching at most the next one, and stops fetching when the caller stops', async () => {
    const { server: s, client: c } = await setup({ total: 1000, delayMs: 30 });
    for await (const page of c.getRows('Profit_Transactions_Allocated', { orderBy: ORDER, take: 100 })) {
      expect(page).toHaveLength(100);
      await new Promise((r) => setTimeout(r, 100)); // a slow consumer: the next page is in flight, no more
      expect(s.seen.length).toBeLessThanOrEqual(2);
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(s.seen).toHaveLength(2);
  });

  it('halves the page when AFAS runs "Out of String space", without losing rows', async () => {
    const hook: Hook = (req, res) => Number(req.params.get('take')) > 1000 && send(res, 500, { externalMessage: 'Out of String space', errorNumber: 14, profitLogReference: 'ref-1' });
    const { server: s, client: c } = await setup({ total: 3000, hook });
    const { keys } = await pullAll(c);
    expectExactly(keys, 3000);
    expect(s.seen.map((r) => r.params.get('take'))).toContain('625');
  });

  it('a page that times out is not sent again as the same query: the rest comes in smaller pages', async () => {
    // AFAS is too slow for pages over 100 rows: those never answer in time.
    const hook: Hook = (req) => req.path.endsWith('/Profit_Transactions_Allocated') && Number(req.params.get('take')) > 100;
    const { server: s, client: c } = await setup({ total: 1000, hook }, { timeoutMs: 150 });
    const { keys } = await pullAll(c, 'Profit_Transactions_Allocated', { take: 400 });
    expectExactly(keys, 1000);
    const queries = s.seen.filter((r) => r.path.endsWith('/Profit_Transactions_Allocated')).map((r) => `${r.params.get('skip')}/${r.params.get('take')}`);
    expect(new Set(queries).size).toBe(queries.length);
    expect(c.retryCounts?.().Profit_Transactions_Allocated?.timeout).toBeGreaterThan(0);
  });

  it('"Command timeout expired." asks the page again in smaller pages, not the same query', async () => {
    const hook: Hook = (req, res) =>
      req.path.endsWith('/Profit_Transactions_Allocated') && Number(req.params.get('take')) > 100
        ? send(res, 500, { externalMessage: 'Command timeout expired.', profitLogReference: 'T1' })
        : false;
    const { server: s, client: c } = await setup({ total: 1000, hook });
    expectExactly((await pullAll(c, 'Profit_Transactions_Allocated', { take: 400 })).keys, 1000);
    const queries = s.seen.filter((r) => r.path.endsWith('/Profit_Transactions_Allocated')).map((r) => `${r.params.get('skip')}/${r.params.get('take')}`);
    expect(new Set(queries).size).toBe(queries.length);
  });

  it('a slow page makes the next pages smaller', async () => {
    const hook: Hook = async (req) => {
      if (req.path.endsWith('/Profit_Transactions_Allocated') && Number(req.params.get('take')) > 100) await new Promise((r) => setTimeout(r, 150));
      return false;
    };
    const { server: s, client: c } = await setup({ total: 2000, hook }, { slowPageMs: 100 });
    expectExactly((await pullAll(c, 'Profit_Transactions_Allocated', { take: 400 })).keys, 2000);
    const takes = s.seen.filter((r) => r.path.endsWith('/Profit_Transactions_Allocated')).map((r) => Number(r.params.get('take')));
    expect(takes[0]).toBe(400);
    expect(takes.at(-1)).toBeLessThanOrEqual(100);
    expect(takes.filter((t) => t > 100).length).toBeLessThan(6);
  });

  it('refuses to page without an order, and a query that AFAS would answer 404', async () => {
    const { server: s, client: c } = await setup({ total: 10 });
    await expect(pullAll(c, 'Profit_Transactions_Allocated', { orderBy: [] })).rejects.toThrow(RangeError);
    const filters = [Array.from({ length: 200 }, (_, i) => ({ fieldId: 'AccountNo', operator: 1 as const, value: String(100000 + i) }))];
    const f = await failureOf(pullAll(c, 'Profit_Transactions_Allocated', { filters }));
    expect(f.appError.code).toBe('afas.query_too_long');
    expect(s.seen).toHaveLength(0);
  });

  it('sends filters as AFAS expects them on the wire', async () => {
    const { server: s, client: c } = await setup({ total: 1 });
    await pullAll(c, 'Profit_Transactions_Allocated', {
      filters: [
        [
          { fieldId: 'UnitId', operator: 1, value: '1' },
          { fieldId: 'EntryDate', operator: 2, value: '2025-04-01T00:00:00' },
          { fieldId: 'InvoiceId', operator: 8, value: '' },
        ],
        [{ fieldId: 'Omschrijving', operator: 6, value: 'Moss & co' }],
      ],
    });
    const p = s.seen[0]!.params;
    expect(p.get('filterfieldids')).toBe('UnitId,EntryDate,InvoiceId;Omschrijving');
    expect(p.get('filtervalues')).toBe('1,2025-04-01T00:00:00,;Moss & co');
    expect(p.get('operatortypes')).toBe('1,2,8;6');
  });
});

describe('requests', () => {
  it('sends token, Accept and Accept-Language, never Connection: close, and reuses sockets', async () => {
    const { server: s, client: c } = await setup({}, { language: 'en' });
    await c.metaInfo();
    await c.profitVersion();
    await c.metaInfo();
    for (const r of s.seen) {
      expect(r.headers.authorization).toBe(`AfasToken ${Buffer.from(TOKEN).toString('base64')}`);
      expect(r.headers.accept).toBe('application/json');
      expect(r.headers['accept-language']).toBe('en-us');
      expect(r.headers.connection ?? '').not.toMatch(/close/i);
    }
    expect(s.connections()).toBeLessThan(s.seen.length); // sockets are reused
    expect(await c.profitVersion()).toBe('22.22.5');
    expect((await c.metaInfo()).getConnectors).toEqual([{ id: 'Profit_Journals', description: 'Dagboeken' }]);
  });

  it('has at most maxInFlight requests open at once', async () => {
    const { server: s, client: c } = await setup({ delayMs: 40 }, { maxInFlight: 3 });
    await Promise.all(Array.from({ length: 12 }, () => c.metaInfo()));
    expect(s.seen).toHaveLength(12);
    expect(s.maxConcurrent()).toBe(3);
  });

  it('shares the parallel-request limit of an environment between clients (UI calls during a sync)', async () => {
    const { server: s, client: sync } = await setup({ delayMs: 40 });
    const ui = createAfasClient({ baseUrl: `${s.baseUrl}/`, auth: classicTokenAuth(TOKEN), timeoutMs: 5000 });
    const other = await startTinyAfas({});
    const elsewhere = createAfasClient({ baseUrl: other.baseUrl, auth: classicTokenAuth(TOKEN), timeoutMs: 5000 });
    try {
      const busy = Promise.all([...Array.from({ length: 12 }, () => sync.metaInfo()), ...Array.from({ length: 12 }, () => ui.profitVersion())]);
      // Another environment has its own limit: not queued behind this one.
      const started = Date.now();
      expect(await elsewhere.profitVersion()).toBe('22.22.5');
      expect(Date.now() - started).toBeLessThan(200);
      await busy;
      expect(s.seen).toHaveLength(24);
      expect(s.maxConcurrent()).toBeLessThanOrEqual(4);
    } finally {
      await ui.close();
      await elsewhere.close();
      await other.close();
    }
  });

  it('reads connector fields from /metainfo/get/{id}', async () => {
    const hook: Hook = (req, res) =>
      req.path === '/ProfitRestServices/metainfo/get/Profit_Journals' &&
      send(res, 200, { name: 'Profit_Journals', fields: [{ id: 'JournalId', fieldId: 'JoCo', dataType: 'string', label: 'Dagboek', length: 10, controlType: 1, decimals: 0 }] });
    const { client: c } = await setup({ hook });
    expect(await c.connectorFields('Profit_Journals')).toEqual([{ id: 'JournalId', fieldId: 'JoCo', dataType: 'string', label: 'Dagboek', length: 10, decimals: 0 }]);
  });
});

describe('retry policy', () => {
  const once = (status: number, body: unknown, headers: Record<string, string> = {}): Hook => (_req, res, n) => (n === 1 ? send(res, status, body, headers) : false);

  it.each([
    [401, null, 'afas.unauthorized'],
    [403, null, 'afas.forbidden_ip'],
    [404, null, 'afas.not_found'],
    [400, { error: 'bad' }, 'afas.bad_request'],
    [500, { externalMessage: "Connector field 'Xyz' not found", errorNumber: 5, profitLogReference: 'LOG-42' }, 'afas.field_not_found'],
    [500, { externalMessage: 'GetConnector not supported for this app or the user is not authorized', profitLogReference: 'LOG-43' }, 'afas.connector_not_authorized'],
    [500, { externalMessage: 'This GetConnector (definition) is blocked', profitLogReference: 'LOG-44' }, 'afas.connector_blocked'],
  ])('does not retry %i and reports it (%s)', async (status, body, code) => {
    const { server: s, client: c } = await setup({ total: 5, hook: (_r, res) => send(res, status, body) });
    const f = await failureOf(pullAll(c));
    expect(f.appError.code).toBe(code);
    expect(s.seen).toHaveLength(1);
    expect(JSON.stringify(f.appError)).not.toContain(Buffer.from(TOKEN).toString('base64'));
    if (body && 'profitLogReference' in body) expect(f.appError.reference).toBe(body.profitLogReference);
  });

  it.each([
    ['500 unexpected error', once(500, { externalMessage: 'An unexpected error has occurred.', errorNumber: -2147180999, profitLogReference: 'x' })],
    ['500 without a body', once(500, null)],
    ['500 deadlock', once(500, { externalMessage: 'Transaction was deadlocked on lock resources. Rerun the transaction.', profitLogReference: 'x' })],
    ['503 retry_after', once(503, { error: { code: '503' }, retry_after: 0 })],
    ['429', once(429, null, { 'retry-after': '0' })],
    ['502', once(502, null)],
    ['reset', (_r, res, n) => (n === 1 ? (res.socket?.destroy(), true) : false)],
  ] as Array<[string, Hook]>)('retries %s and then succeeds', async (_name, hook) => {
    const { server: s, client: c } = await setup({ hook });
    expect(await c.profitVersion()).toBe('22.22.5');
    expect(s.seen).toHaveLength(2);
  });

  it('waits retry_after seconds on 503, and reports long maintenance without waiting', async () => {
    const { server: s, client: c } = await setup({ hook: once(503, { error: { code: '503' }, retry_after: 1 }) });
    const t0 = Date.now();
    await c.profitVersion();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(s.seen).toHaveLength(2);
    await c.close();
    await s.close();
    const { server: s2, client: c2 } = await setup({ hook: (_r, res) => send(res, 503, { error: { code: '503' }, retry_after: 7200 }) });
    const f = await failureOf(c2.profitVersion());
    expect(f.appError.code).toBe('afas.maintenance');
    expect(f.appError.message.nl).toContain('120 minuten');
    expect(s2.seen).toHaveLength(1);
  });

  it('gives up after `retries` and reports the last failure with its log reference', async () => {
    const { server: s, client: c } = await setup({ hook: (_r, res) => send(res, 500, { externalMessage: 'An unexpected error has occurred.', errorNumber: -2147180999, profitLogReference: 'R9' }) }, { retries: 2 });
    const f = await failureOf(c.profitVersion());
    expect(f.appError.code).toBe('afas.functional_error');
    expect(f.appError.reference).toBe('R9');
    expect(f.appError.action?.en).toContain('R9');
    expect(s.seen).toHaveLength(3);
  });

  it('retries with exponential back-off and jitter between tries', async () => {
    const times: number[] = [];
    const { client: c } = await setup(
      { hook: (_r, res, n) => (times.push(Date.now()), n <= 3 ? send(res, 500, { externalMessage: 'An unexpected error has occurred.', profitLogReference: 'x' }) : false) },
      { backoffBaseMs: 40, backoffMaxMs: 10_000 },
    );
    await c.profitVersion();
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps).toHaveLength(3);
    // Ceilings 40, 80, 160 ms; each wait is half to all of its ceiling.
    expect(gaps[0]).toBeGreaterThanOrEqual(18);
    expect(gaps[2]).toBeGreaterThanOrEqual(78);
    expect(gaps[2]).toBeGreaterThan(gaps[0]!);
  });

  it('keeps one retry budget for the whole client (one sync run), then reports the failure', async () => {
    const { server: s, client: c } = await setup(
      { hook: (_r, res) => send(res, 500, { externalMessage: 'An unexpected error has occurred.', profitLogReference: 'B1' }) },
      { retries: 4, retryBudget: { retries: 3 } },
    );
    expect((await failureOf(c.profitVersion())).appError.reference).toBe('B1');
    expect(s.seen).toHaveLength(4); // 1 + the 3 retries of the budget
    await failureOf(c.profitVersion());
    expect(s.seen).toHaveLength(5); // budget spent: no retry any more
  });

  it('stops retrying when the run has waited its time budget', async () => {
    const { server: s, client: c } = await setup(
      { hook: (_r, res) => send(res, 503, { error: { code: '503' }, retry_after: 1 }) },
      { retries: 10, retryBudget: { waitMs: 1500 } },
    );
    const f = await failureOf(c.profitVersion());
    expect(f.appError.code).toBe('afas.maintenance');
    expect(s.seen.length).toBe(2); // one wait of ~1 s fits, a second does not
  });

  it('counts retries per connector and status', async () => {
    let n = 0;
    const hook: Hook = (req, res) => {
      if (!req.path.endsWith('/Profit_Transactions_Allocated')) return false;
      n++;
      if (n === 1) return send(res, 500, { externalMessage: 'An unexpected error has occurred.', profitLogReference: 'x' });
      if (n === 2) return send(res, 503, { error: { code: '503' }, retry_after: 0 });
      if (n === 3) return (res.socket?.destroy(), true);
      if (n === 5) return (res.writeHead(200, { 'content-type': 'application/json', 'content-length': '9' }), res.end('{"rows":['), true);
      return false;
    };
    const { client: c } = await setup({ total: 250, hook });
    expectExactly((await pullAll(c, 'Profit_Transactions_Allocated', { take: 100 })).keys, 250);
    expect(c.retryCounts?.()).toEqual({ Profit_Transactions_Allocated: { '500': 1, '503': 1, network: 1, unreadable: 1 } });
  });

  it('lets the auth layer retry a DPoP nonce 400 with fresh headers', async () => {
    let nonce = 0;
    const auth: RequestAuth = {
      headers: async () => ({ authorization: 'DPoP at', dpop: `proof-${nonce}` }),
      observe: (status, headers) => {
        if (headers['dpop-nonce']) nonce = Number(headers['dpop-nonce']);
        return status === 400 && nonce === 1;
      },
    };
    const hook: Hook = (req, res) => (req.headers.dpop === 'proof-0' ? send(res, 400, { error: 'use_dpop_nonce' }, { 'dpop-nonce': '1' }) : false);
    const { server: s, client: c } = await setup({ hook }, { auth });
    expect(await c.profitVersion()).toBe('22.22.5');
    expect(s.seen.map((r) => r.headers.dpop)).toEqual(['proof-0', 'proof-1']);
  });

  it('stops resending when the auth layer keeps asking (no endless nonce loop)', async () => {
    const auth: RequestAuth = { headers: async () => ({ authorization: 'DPoP at' }), observe: (status) => status === 400 };
    const { server: s, client: c } = await setup({ hook: (_r, res) => send(res, 400, { error: 'use_dpop_nonce' }, { 'dpop-nonce': 'n' }) }, { auth });
    const f = await failureOf(c.profitVersion());
    expect(f.appError.code).toBe('afas.bad_request');
    expect(s.seen).toHaveLength(3);
  });

  it('times out a silent server and translates the timeout, without sending the same query again', async () => {
    const { server: s, client: c } = await setup({ hook: () => true }, { timeoutMs: 150, retries: 1 });
    const f = await failureOf(c.profitVersion());
    expect(f.appError.code).toBe('afas.timeout');
    expect(s.seen).toHaveLength(1);
  });

  it('waits up to 900 s (plus a margin) for AFAS to answer by default', () => {
    expect(DEFAULT_HEADERS_TIMEOUT_MS).toBeGreaterThanOrEqual(900_000);
  });

  it('stops when cancelled', async () => {
    const { client: c } = await setup({ total: 100_000, delayMs: 20 });
    const ac = new AbortController();
    const it = c.getRows('Profit_Transactions_Allocated', { orderBy: ORDER, take: 100, signal: ac.signal, onPage: ({ skip }) => skip >= 200 && ac.abort() });
    const f = await failureOf((async () => { for await (const _ of it) { /* consume */ } })());
    expect(f.appError.code).toBe('afas.cancelled');
  });
});

describe('network failures', () => {
  it('reports a refused connection as a network failure', async () => {
    const probe = await startTinyAfas();
    const baseUrl = probe.baseUrl;
    await probe.close();
    const c = createAfasClient({ baseUrl, auth: classicTokenAuth(TOKEN), retries: 1, backoffBaseMs: 1 });
    const f = await failureOf(c.profitVersion());
    await c.close();
    expect(f.appError.code).toBe('afas.network');
  });

  it('reports an untrusted certificate as a TLS failure and does not retry it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kruispost-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
      let hits = 0;
      const tls = createHttpsServer({ key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) }, (_req, res) => {
        hits++;
        res.end('{}');
      });
      await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
      const { port } = tls.address() as AddressInfo;
      const c = createAfasClient({ baseUrl: `https://127.0.0.1:${port}/ProfitRestServices`, auth: classicTokenAuth(TOKEN), retries: 3, backoffBaseMs: 1 });
      const f = await failureOf(c.profitVersion());
      await c.close();
      await new Promise<void>((r) => tls.close(() => r()));
      expect(f.appError.code).toBe('afas.tls');
      expect(hits).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
