import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeAfas } from '../../src/main/demo/fake-afas/types';
import { AUTH, get, startSmall } from './helpers';

describe('fake AFAS metainfo, auth and error answers', () => {
  let fake: FakeAfas;
  let verifierCalls = 0;
  beforeAll(async () => {
    fake = await startSmall({
      authVerifiers: [
        async (req) => {
          const h = req.headers.authorization ?? '';
          if (!h.startsWith('DPoP ')) return null;
          verifierCalls++;
          if (h === 'DPoP good') return { ok: true };
          return { ok: false, status: 400, body: { error: 'use_dpop_nonce' }, headers: { 'DPoP-Nonce': 'n1' } };
        },
      ],
      routes: [
        (req, res, url) => {
          if (url.pathname !== '/oauth/ping') return false;
          res.writeHead(200, { 'content-type': 'text/plain' }).end('pong');
          return true;
        },
      ],
    });
  });
  afterAll(() => fake.close());

  it('lists the connectors the token may call and the environment info', async () => {
    for (const path of ['/metainfo', '/MetaInfo']) {
      const got = await get(fake, path);
      expect(got.status).toBe(200);
      expect(got.json).toEqual({
        updateConnectors: [{ id: 'FiEntries', description: 'Financiële mutaties' }],
        getConnectors: [
          { id: 'Profit_Transactions_Allocated', description: 'Financial entries' },
          { id: 'Profit_Journals', description: 'Journals' },
        ],
        info: { envid: 'O12345AA', appName: expect.any(String), group: expect.any(String), tokenExpiry: expect.any(String) },
      });
    }
  });

  it('describes a connector\'s fields', async () => {
    const got = await get(fake, '/Metainfo/get/Profit_Journals');
    expect(got.status).toBe(200);
    const body = got.json as { name: string; description: string; fields: Record<string, unknown>[] };
    expect(body.name).toBe('Profit_Journals');
    expect(body.description).toBe('Journals');
    expect(body.fields.map((f) => f.id)).toEqual(['UnitId', 'JournalId', 'Description', 'JournalType', 'Blocked']);
    expect(body.fields[0]).toEqual({ id: 'UnitId', fieldId: 'UnitId', dataType: 'int', label: 'Administration', length: 9, controlType: 5, decimals: 0, decimalsFieldId: '' });
  });

  it('tells the Profit version', async () => {
    expect((await get(fake, '/profitversion')).json).toEqual({ version: '26.1.2' });
    expect((await get(fake, '/ProfitVersion')).status).toBe(200);
  });

  it('answers 401 without a body for a missing or wrong token', async () => {
    const none = await get(fake, '/metainfo', {}, {});
    expect(none.status).toBe(401);
    expect(none.text).toBe('');
    const wrong = await get(fake, '/metainfo', {}, { authorization: AUTH.slice(0, -4) + 'AAAA' });
    expect(wrong.status).toBe(401);
  });

  it('answers 401 "GetConnector not supported…" for a connector the app does not have', async () => {
    for (const path of ['/connectors/Profit_Debtor', '/metainfo/get/Profit_Debtor']) {
      const got = await get(fake, path);
      expect(got.status).toBe(401);
      expect(got.json).toMatchObject({ externalMessage: 'GetConnector not supported for this app or the user is not authorized' });
    }
  });

  it('answers 404 for a query string longer than 2,049 characters, and for unknown paths', async () => {
    const ok = await get(fake, '/connectors/Profit_Journals', { orderbyfieldids: 'JournalId', filterfieldids: 'Description', operatortypes: '6', filtervalues: 'x'.repeat(1900) });
    expect(ok.status).toBe(200);
    const long = await get(fake, '/connectors/Profit_Journals', { orderbyfieldids: 'JournalId', filterfieldids: 'Description', operatortypes: '6', filtervalues: 'x'.repeat(2100) });
    expect(long.status).toBe(404);
    expect((await get(fake, '/nothing')).status).toBe(404);
    expect((await get(fake, '/../elsewhere')).status).toBe(404);
  });

  it('lets a verifier own its scheme (DPoP) and passes its refusal through', async () => {
    const good = await get(fake, '/profitversion', {}, { authorization: 'DPoP good' });
    expect(good.status).toBe(200);
    const bad = await get(fake, '/profitversion', {}, { authorization: 'DPoP stale' });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ error: 'use_dpop_nonce' });
    expect(bad.headers['dpop-nonce']).toBe('n1');
    expect(verifierCalls).toBe(2);
  });

  it('routes extra handlers (OAuth) before auth, and logs every request', async () => {
    const res = await fetch(fake.origin + '/oauth/ping');
    expect(await res.text()).toBe('pong');
    const last = fake.requests[fake.requests.length - 1];
    expect(last).toMatchObject({ method: 'GET', path: '/oauth/ping', status: 200 });
    const logged = fake.requests.find((r) => r.path.endsWith('/connectors/Profit_Debtor'));
    expect(logged?.status).toBe(401);
    expect(typeof logged?.time).toBe('number');
  });
});

describe('extra routes and request bodies', () => {
  it('a route can still read a POST body after latency and its own awaits', async () => {
    const fake = await startSmall(
      {
        latencyMs: 20,
        routes: [
          async (req, res, url) => {
            if (url.pathname !== '/oauth/echo') return false;
            await new Promise((r) => setTimeout(r, 20));
            const chunks: Buffer[] = [];
            for await (const c of req) chunks.push(c as Buffer);
            res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.concat(chunks));
            return true;
          },
        ],
      },
      10,
    );
    try {
      const res = await fetch(fake.origin + '/oauth/echo', { method: 'POST', body: 'grant_type=authorization_code&code=abc' });
      expect(await res.text()).toBe('grant_type=authorization_code&code=abc');
    } finally {
      await fake.close();
    }
  });
});
