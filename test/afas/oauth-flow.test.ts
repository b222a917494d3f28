// The whole OAuth 2.1 + PKCE + DPoP flow over real HTTP: the client (src/main/afas/oauth) against
// the fake AFAS with its OAuth routes and DPoP verifier, one shared injectable clock.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  dpopKeyAccount,
  oauthAccount,
  oauthAuth,
  readGrant,
  signIn,
  type OAuthSession,
} from '../../src/main/afas/oauth';
import { DpopSigner, accessTokenHash, loadOrCreateDpopKey } from '../../src/main/afas/oauth/dpop';
import { writeGrant, type StoredGrant } from '../../src/main/afas/oauth/refresh-store';
import { exchangeCode, refreshTokens } from '../../src/main/afas/oauth/token-endpoint';
import { startAuthorization } from '../../src/main/afas/oauth/loopback';
import { createAfasClient } from '../../src/main/afas/client';
import type { RequestAuth } from '../../src/main/afas/types';
import { createFakeOAuth, type FakeOAuth } from '../../src/main/demo/fake-afas/oauth-server';
import { startFakeAfas } from '../../src/main/demo/fake-afas/server';
import type { FakeAfas } from '../../src/main/demo/fake-afas/types';
import { memorySecretStore } from '../../src/main/secrets/memory';
import type { SecretStore } from '../../src/main/secrets/types';
import { isAppFailure } from '../../src/shared/errors';

const CLIENT_ID = 'kruispost-desktop';
const writeGrantFor = (store: SecretStore, baseUrl: string, grant: StoredGrant) => writeGrant(store, { number: ENV, baseUrl }, grant);
/** The environment at the fake AFAS: what its secrets are bound to. */
const scope = () => ({ number: ENV, baseUrl: afas.baseUrl });
const ENV = '12345';
const DAY = 86_400_000;

let t = Date.UTC(2027, 0, 4, 9, 0, 0);
const now = () => t;

let afas: FakeAfas;
let oauth: FakeOAuth;
let secrets: SecretStore;
let browserPages: { status: number; text: string }[];

/** Like the system browser: follows AFAS's 302 to the loopback callback and shows the page. */
async function browser(url: string): Promise<void> {
  const res = await fetch(url);
  browserPages.push({ status: res.status, text: await res.text() });
}

async function failureCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppFailure(e)) return e.appError.code;
    throw e;
  }
  throw new Error('expected a failure');
}

/** What the AFAS client does with a RequestAuth: headers, send, observe, at most one retry. */
async function apiGet(auth: RequestAuth, path = '/metainfo'): Promise<{ status: number; body: string }> {
  const url = `${afas.baseUrl}${path}?skip=0&take=1`;
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, { headers: { ...(await auth.headers('GET', url)), accept: 'application/json' } });
    const body = await res.text();
    const headers = Object.fromEntries(res.headers);
    const again = await auth.observe?.(res.status, headers, res.ok ? null : body);
    if (!again || attempt === 1) return { status: res.status, body };
  }
}

async function signedIn(): Promise<OAuthSession> {
  return signIn({ baseUrl: afas.baseUrl, clientId: CLIENT_ID, envNumber: ENV, secrets, openBrowser: browser, now });
}

beforeEach(async () => {
  t = Date.UTC(2027, 0, 4, 9, 0, 0);
  oauth = createFakeOAuth({ clientId: CLIENT_ID, now });
  afas = await startFakeAfas({
    environment: {
      envId: 'O12345AA',
      connectors: {
        Profit_Journals: {
          fields: [
            { id: 'JournalId', dataType: 'string', label: 'Dagboek' },
            { id: 'Description', dataType: 'string', label: 'Omschrijving' },
          ],
          rows: [
            { JournalId: '10', Description: 'Kas' },
            { JournalId: '20', Description: 'Bank' },
            { JournalId: '30', Description: 'Memoriaal' },
          ],
        },
      },
    },
    tokens: [],
    routes: oauth.routes,
    authVerifiers: [oauth.verifier],
  });
  secrets = memorySecretStore();
  browserPages = [];
});

afterEach(async () => {
  await afas.close();
});

describe('sign-in', () => {
  it('authorizes in the browser, exchanges the code after the nonce dance and calls the API with DPoP', async () => {
    const session = await signedIn();
    expect(browserPages).toEqual([{ status: 200, text: expect.stringContaining('U kunt dit venster sluiten') }]);
    // The server demands a nonce first, the client retries once with it.
    expect(oauth.state.tokenResults).toEqual(['use_dpop_nonce', 'ok']);
    const grant = await readGrant(secrets, scope());
    expect(grant?.chainStartedAt).toBe(new Date(t).toISOString());
    expect(oauth.state.refreshTokens.get(grant!.refreshToken)?.used).toBe(false);
    const key = JSON.parse((await secrets.get(dpopKeyAccount(scope())))!);
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(key.d).toBeTypeOf('string');

    const meta = await apiGet(session);
    expect(meta.status).toBe(200);
    expect(JSON.parse(meta.body).info.envid).toBe('O12345AA');
    // The access token was bound to the stored key.
    const [issued] = [...oauth.state.accessTokens.values()];
    expect(issued?.jkt).toBe((await loadOrCreateDpopKey(secrets, scope())).thumbprint);
    // Access tokens never reach the keychain.
    const [access] = [...oauth.state.accessTokens.keys()];
    expect(await secrets.get(oauthAccount(scope()))).not.toContain(access);
  });

  it('gives each API request a fresh proof with htm, htu without query, iat, nonce and ath', async () => {
    const session = await signedIn();
    const url = `${afas.baseUrl}/connectors/Profit_Journals?skip=0&take=10#x`;
    const h1 = await session.headers('GET', url);
    const h2 = await session.headers('GET', url);
    const [access] = [...oauth.state.accessTokens.keys()];
    expect(h1.Authorization).toBe(`DPoP ${access}`);
    const header = decodeProtectedHeader(h1.DPoP!);
    expect(header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256' } });
    expect((header.jwk as Record<string, unknown>).d).toBeUndefined();
    const claims = decodeJwt(h1.DPoP!);
    expect(claims).toMatchObject({
      htm: 'GET',
      htu: `${afas.baseUrl}/connectors/Profit_Journals`,
      iat: Math.floor(t / 1000),
      ath: accessTokenHash(access!),
    });
    expect(claims.nonce).toBeTypeOf('string');
    expect(decodeJwt(h2.DPoP!).jti).not.toBe(claims.jti);
  });

  it('retries an API call once when the nonce went stale (401 use_dpop_nonce)', async () => {
    const session = await signedIn();
    oauth.state.expireNonces();
    const meta = await apiGet(session);
    expect(meta.status).toBe(200);
    expect(oauth.state.apiResults).toEqual(['use_dpop_nonce', 'ok']);
  });
});

describe('with the AFAS client', () => {
  it('reads metainfo and pages of rows, through a stale nonce and an expired access token', async () => {
    const session = await signedIn();
    const client = createAfasClient({ baseUrl: afas.baseUrl, auth: session, retries: 0 });
    try {
      expect((await client.metaInfo()).info?.envid).toBe('O12345AA');
      oauth.state.expireNonces();
      t += 3700_000;
      const rows: unknown[] = [];
      for await (const page of client.getRows('Profit_Journals', { orderBy: ['JournalId'], take: 2 })) {
        rows.push(...page);
        oauth.state.expireNonces(); // the next page meets a stale nonce at the API
      }
      expect(rows).toHaveLength(3);
      // The refresh did its own nonce dance at the token endpoint.
      expect(oauth.state.tokenResults).toEqual(['use_dpop_nonce', 'ok', 'use_dpop_nonce', 'ok']);
      expect(oauth.state.apiResults).toEqual(['ok', 'ok', 'use_dpop_nonce', 'ok']);
    } finally {
      await client.close();
    }
  });
});

describe('refresh', () => {
  it('refreshes an expired access token (expires_in "3600"), stores the new single-use refresh token first', async () => {
    const session = await signedIn();
    const first = (await readGrant(secrets, scope()))!;
    t += 3000_000; // 50 min: still valid
    expect((await apiGet(session)).status).toBe(200);
    expect(oauth.state.tokenResults.filter((r) => r === 'ok')).toHaveLength(1);

    t += 700_000; // past the hour
    expect((await apiGet(session)).status).toBe(200);
    const second = (await readGrant(secrets, scope()))!;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.chainStartedAt).toBe(first.chainStartedAt);
    expect(oauth.state.refreshTokens.get(first.refreshToken)?.used).toBe(true);

    // Replaying the spent refresh token fails, even with the right key and a fresh proof.
    const signer = await session.signer();
    const replay = refreshTokens({ baseUrl: afas.baseUrl, clientId: CLIENT_ID, signer, now }, first.refreshToken);
    expect(await failureCode(replay)).toBe('oauth-signin-again');
    expect(oauth.state.tokenResults.at(-1)).toBe('invalid_grant');
  });

  it('does not use a new access token whose refresh token could not be stored', async () => {
    await signedIn();
    const failingWrites = { ...secrets, set: async () => Promise.reject(new Error('keychain locked')) };
    const restarted = oauthAuth({ baseUrl: afas.baseUrl, clientId: CLIENT_ID, envNumber: ENV, secrets: failingWrites, now });
    await expect(apiGet(restarted)).rejects.toThrow('keychain locked');
    expect(oauth.state.tokenResults.filter((r) => r === 'ok')).toHaveLength(2); // the refresh happened…
    expect(oauth.state.apiResults).toEqual([]); // …but its access token was never sent
  });

  it('refreshes only once when concurrent requests find the token expired', async () => {
    const session = await signedIn();
    t += 3700_000;
    const results = await Promise.all([apiGet(session), apiGet(session), apiGet(session)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(oauth.state.tokenResults.filter((r) => r === 'ok')).toHaveLength(2); // sign-in + one refresh
  });

  it('after a restart loads the same DPoP key from the keychain and refreshes with it', async () => {
    await signedIn();
    const keyBefore = await secrets.get(dpopKeyAccount(scope()));
    // A new process: nothing in memory, only the keychain.
    const restarted = oauthAuth({ baseUrl: afas.baseUrl, clientId: CLIENT_ID, envNumber: ENV, secrets, now });
    expect((await apiGet(restarted)).status).toBe(200);
    expect(await secrets.get(dpopKeyAccount(scope()))).toBe(keyBefore);
    expect(oauth.state.tokenResults.filter((r) => r === 'ok')).toHaveLength(2);
  });

  it('a refresh signed with another key is refused: sign in again', async () => {
    await signedIn();
    await secrets.delete(dpopKeyAccount(scope())); // key lost: a new one gets made
    const restarted = oauthAuth({ baseUrl: afas.baseUrl, clientId: CLIENT_ID, envNumber: ENV, secrets, now });
    expect(await failureCode(apiGet(restarted))).toBe('oauth-signin-again');
    expect(await readGrant(secrets, scope())).toBeNull();
  });

  it('ends the chain 30 days after the first token: oauth-signin-again, in Dutch and English', async () => {
    const session = await signedIn();
    for (let day = 1; day <= 29; day++) {
      t += DAY;
      expect((await apiGet(session)).status).toBe(200);
    }
    t += DAY + 1;
    let failure: unknown;
    try {
      await apiGet(session);
    } catch (e) {
      failure = e;
    }
    expect(isAppFailure(failure)).toBe(true);
    if (!isAppFailure(failure)) return;
    expect(failure.appError.code).toBe('oauth-signin-again');
    expect(failure.appError.message.nl).toMatch(/opnieuw aanmelden/);
    expect(failure.appError.action?.en).toMatch(/Sign in to AFAS again/);
    expect(await readGrant(secrets, scope())).toBeNull();
  });

  it('the server ends the chain too, whatever the client believes', async () => {
    await signedIn();
    const lenient = oauthAuth({ baseUrl: afas.baseUrl, clientId: CLIENT_ID, envNumber: ENV, secrets, now, chainDays: 60 });
    t += 31 * DAY;
    expect(await failureCode(apiGet(lenient))).toBe('oauth-signin-again');
    expect(oauth.state.tokenResults.at(-1)).toBe('invalid_grant');
  });

  it('on 401 invalid_token refreshes and retries once', async () => {
    const session = await signedIn();
    oauth.state.revokeAccessTokens();
    expect((await apiGet(session)).status).toBe(200);
    expect(oauth.state.apiResults).toEqual(['invalid_token', 'ok']);
  });
});

describe('refused and slow tokens with requests in flight', () => {
  it('parallel requests refused with 401 invalid_token share one refresh and each succeed on its retry', async () => {
    const session = await signedIn();
    const client = createAfasClient({ baseUrl: afas.baseUrl, auth: session, retries: 0 });
    try {
      await client.metaInfo();
      oauth.state.revokeAccessTokens();
      const results = await Promise.allSettled([client.metaInfo(), client.profitVersion(), client.metaInfo(), client.profitVersion()]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      expect(oauth.state.apiResults.filter((r) => r === 'invalid_token')).toHaveLength(4); // all four went out with the revoked token
      expect(oauth.state.tokenResults.filter((r) => r === 'ok')).toHaveLength(2); // sign-in + ONE refresh
    } finally {
      await client.close();
    }
  });

  it('gives up a token refresh that hangs after its timeout, in Dutch and English', async () => {
    const { baseUrl, close } = await hangingTokenEndpoint();
    try {
      const store = memorySecretStore();
      const grant = { refreshToken: 'rt-1', chainStartedAt: new Date(t).toISOString() };
      await writeGrantFor(store, baseUrl, grant);
      const session = oauthAuth({ baseUrl, clientId: CLIENT_ID, envNumber: ENV, secrets: store, now, refreshTimeoutMs: 200 });
      const outcome = await Promise.race([failureOf(session.headers('GET', `${baseUrl}/metainfo`)), sleep(3000).then(() => 'still waiting')]);
      expect(outcome).toMatchObject({ code: 'oauth-token-timeout', message: { nl: expect.stringMatching(/op tijd/), en: expect.stringMatching(/in time/) } });
    } finally {
      await close();
    }
  });

  it('a request waiting for a refresh can be cancelled (the sync is cancelled) without waiting for AFAS', async () => {
    const { baseUrl, close } = await hangingTokenEndpoint();
    try {
      const store = memorySecretStore();
      await writeGrantFor(store, baseUrl, { refreshToken: 'rt-1', chainStartedAt: new Date(t).toISOString() });
      const session = oauthAuth({ baseUrl, clientId: CLIENT_ID, envNumber: ENV, secrets: store, now, refreshTimeoutMs: 60_000 });
      const stop = new AbortController();
      setTimeout(() => stop.abort(), 100);
      const started = Date.now();
      const outcome = await Promise.race([failureOf(session.headers('GET', `${baseUrl}/metainfo`, stop.signal)), sleep(3000).then(() => 'still waiting')]);
      expect(outcome).toMatchObject({ code: 'oauth-refresh-cancelled' });
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await close();
    }
  });
});

describe('the fake AFAS refuses bad proofs', () => {
  it('refuses a replayed proof (same jti)', async () => {
    const session = await signedIn();
    const url = `${afas.baseUrl}/metainfo`;
    const headers = await session.headers('GET', url);
    expect((await fetch(url, { headers })).status).toBe(200);
    const again = await fetch(url, { headers });
    expect(again.status).toBe(401);
    expect(again.headers.get('www-authenticate')).toMatch(/error="invalid_dpop_proof"/);
  });

  it('refuses a proof whose ath is for another token, and a proof for another URL or method', async () => {
    const session = await signedIn();
    const url = `${afas.baseUrl}/metainfo`;
    const signer = await session.signer();
    const { Authorization } = await session.headers('GET', url);
    const wrongAth = await fetch(url, { headers: { Authorization: Authorization!, DPoP: await signer.proof('GET', url, 'another-token') } });
    expect(wrongAth.status).toBe(401);
    expect(wrongAth.headers.get('www-authenticate')).toMatch(/invalid_dpop_proof.*ath/);
    const token = Authorization!.slice('DPoP '.length);
    const otherUrl = await fetch(url, { headers: { Authorization: Authorization!, DPoP: await signer.proof('GET', `${afas.baseUrl}/profitversion`, token) } });
    expect(otherUrl.headers.get('www-authenticate')).toMatch(/htu/);
    const otherMethod = await fetch(url, { headers: { Authorization: Authorization!, DPoP: await signer.proof('POST', url, token) } });
    expect(otherMethod.headers.get('www-authenticate')).toMatch(/htm/);
    // Without a proof the DPoP token is worthless.
    expect((await fetch(url, { headers: { Authorization: Authorization! } })).status).toBe(401);
  });

  it('refuses the access token with a proof from another key', async () => {
    const session = await signedIn();
    const url = `${afas.baseUrl}/metainfo`;
    const { Authorization } = await session.headers('GET', url);
    const token = Authorization!.slice('DPoP '.length);
    const thief = new DpopSigner(await loadOrCreateDpopKey(memorySecretStore(), scope()), now);
    thief.observe(url, { 'dpop-nonce': [...oauth.state.nonces.keys()].at(-1) });
    const res = await fetch(url, { headers: { Authorization: Authorization!, DPoP: await thief.proof('GET', url, token) } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/another key/);
  });

  it('refuses an old proof (iat) and an expired access token', async () => {
    const session = await signedIn();
    const url = `${afas.baseUrl}/metainfo`;
    const headers = await session.headers('GET', url);
    t += 120_000;
    const late = await fetch(url, { headers });
    expect(late.headers.get('www-authenticate')).toMatch(/iat/);
    t += 3600_000;
    const expired = await fetch(url, { headers: await rawHeadersFor(session, url) });
    expect(expired.headers.get('www-authenticate')).toMatch(/invalid_token.*expired/);
  });

  it('checks PKCE and uses a code once', async () => {
    const signer = new DpopSigner(await loadOrCreateDpopKey(secrets, scope()), now);
    const ctx = { baseUrl: afas.baseUrl, clientId: CLIENT_ID, signer, now };
    const auth = await startAuthorization({ baseUrl: afas.baseUrl, clientId: CLIENT_ID, openBrowser: browser });
    expect(await failureCode(exchangeCode(ctx, { ...auth, codeVerifier: 'x'.repeat(43) }))).toBe('oauth-token-failed');
    expect(oauth.state.tokenResults.at(-1)).toBe('invalid_grant');
    // The failed attempt spent the code.
    expect(await failureCode(exchangeCode(ctx, auth))).toBe('oauth-token-failed');

    const auth2 = await startAuthorization({ baseUrl: afas.baseUrl, clientId: CLIENT_ID, openBrowser: browser });
    const tokens = await exchangeCode(ctx, auth2);
    expect(tokens.expiresAt).toBe(t + 3600_000);
    expect(await failureCode(exchangeCode(ctx, auth2))).toBe('oauth-token-failed');
  });

  it('authorize refuses a non-loopback redirect and a plain challenge method', async () => {
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: 'https://evil.example/cb',
      state: 's',
      code_challenge: 'c'.repeat(43),
      code_challenge_method: 'S256',
    });
    const evil = await fetch(`${afas.baseUrl}/oauth/authorize?${q}`, { redirect: 'manual' });
    expect(evil.status).toBe(400);
    q.set('redirect_uri', 'http://127.0.0.1:9/callback');
    q.set('code_challenge_method', 'plain');
    const plain = await fetch(`${afas.baseUrl}/oauth/authorize?${q}`, { redirect: 'manual' });
    expect(plain.status).toBe(302);
    expect(new URL(plain.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function failureOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    if (isAppFailure(e)) return e.appError;
    throw e;
  }
  throw new Error('expected a failure');
}

/** A token endpoint that accepts the request and never answers. */
async function hangingTokenEndpoint(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server = createServer(() => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ProfitRestServices`;
  return {
    baseUrl,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Headers for the session's current access token without triggering a refresh. */
async function rawHeadersFor(session: OAuthSession, url: string): Promise<Record<string, string>> {
  const [access] = [...oauth.state.accessTokens.keys()];
  const signer = await session.signer();
  return { Authorization: `DPoP ${access}`, DPoP: await signer.proof('GET', url, access) };
}
