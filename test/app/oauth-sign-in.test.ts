// "Sign in with AFAS" through the orchestrator: the bundled demo's fake AFAS with OAuth 2.1 (PKCE +
// DPoP) over real HTTP, the browser played by fetch following AFAS's redirect to the loopback.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMonthEnd, type MonthEndService } from '../../src/main/app/month-end';
import { configureDemo, DEFAULT_OAUTH_CLIENT_ID, startDemoServer, type DemoServer } from '../../src/main/app/demo-server';
import { tokenAccount } from '../../src/main/afas/credentials';
import { oauthAccount, readGrant } from '../../src/main/afas/oauth';
import { memorySecretStore } from '../../src/main/secrets/memory';
import type { SecretStore } from '../../src/main/secrets/types';
import { openDatabase, type Db } from '../../src/main/store/database';
import { isAppFailure } from '../../src/shared/errors';

const JUNE = { year: 2025, month: 6 };
const clock = () => new Date('2025-07-03T09:00:00Z');
let dir: string;
let db: Db;
let secrets: SecretStore;
let me: MonthEndService;
let demo: DemoServer;
const pages: { status: number; text: string }[] = [];
/** The demo environment and its address: what its secrets are bound to. */
const envScope = () => {
  const e = me.workspace().environment!;
  return { number: e.number, baseUrl: e.baseUrl! };
};

/** The system browser: follows AFAS's 302 to the loopback callback and shows the page. */
async function browser(url: string): Promise<void> {
  const res = await fetch(url);
  pages.push({ status: res.status, text: await res.text() });
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

/** Every byte SQLite wrote (database and WAL), to prove a secret never went there. */
function sqliteBytes(): string {
  return readdirSync(dir)
    .filter((f) => f.startsWith('kruispost.sqlite'))
    .map((f) => readFileSync(join(dir, f)).toString('latin1'))
    .join('\n');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kruispost-oauth-'));
  db = openDatabase(join(dir, 'kruispost.sqlite'));
  secrets = memorySecretStore();
  // A short sign-in timeout: AFAS shows a refused client an error page and never calls back.
  me = createMonthEnd({ db, secrets, dataDir: dir, clock, openExternal: browser, oauthTimeoutMs: 1500 });
  demo = await startDemoServer();
  await configureDemo(me, demo);
  // Forget the demo's classic token: from here on only OAuth can authorise.
  await secrets.delete(tokenAccount(envScope()));
});

afterAll(async () => {
  await me.close();
  await demo?.fake.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sign in with AFAS (OAuth) in the orchestrator', () => {
  it('a sign-in that never comes back from the browser times out, and nothing changes', async () => {
    expect(await failureCode(me.signInWithAfas('not-registered'))).toBe('oauth-timeout');
    expect(pages.map((p) => p.status)).toEqual([400]);
    expect(me.workspace().token.kind).toBe('classic');
    expect(me.workspace().oauthClientId).toBe(DEFAULT_OAUTH_CLIENT_ID);
  });

  it('signs in through the browser: kind oauth, refresh token in the SecretStore, not in SQLite', async () => {
    pages.length = 0;
    const ws = await me.signInWithAfas(DEFAULT_OAUTH_CLIENT_ID);
    expect(ws.token).toMatchObject({ stored: true, kind: 'oauth', lastVerified: null });
    expect(ws.oauthClientId).toBe(DEFAULT_OAUTH_CLIENT_ID);
    expect(pages).toEqual([{ status: 200, text: expect.stringContaining('U kunt dit venster sluiten') }]);
    const grant = await readGrant(secrets, envScope());
    expect(grant?.refreshToken).toBeTruthy();
    expect(await secrets.get(oauthAccount(envScope()))).toContain(grant!.refreshToken);
    const bytes = sqliteBytes();
    expect(bytes).toContain('"authKind":"oauth"');
    expect(bytes).not.toContain(grant!.refreshToken);
  });

  it('tests the connection and syncs with DPoP-authorised calls', async () => {
    const oauth = demo.oauth;
    const apiBefore = oauth.state.apiResults.length;
    const conn = await me.testConnection();
    expect(conn.administrations.map((a) => a.unitId)).toEqual([1, 2]);
    expect(me.workspace().token.lastVerified).toBe(clock().toISOString());

    me.startSync(JUNE);
    const end = await me.waitForSync();
    expect(end?.error ?? null).toBeNull();
    expect(end?.state).toBe('done');
    expect(end!.rowsFetched).toBeGreaterThan(0);
    const truth = demo.dataset.truth.units[0]!.periods['2025-06']!;
    const r = me.result(1, JUNE);
    for (const t of truth.accounts) expect(r.accounts.find((x) => x.account === t.account)?.closing).toBe(t.closing);

    // Every call went through the OAuth verifier (no classic token is left to use).
    const calls = oauth.state.apiResults.slice(apiBefore);
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.filter((c) => c !== 'ok' && c !== 'use_dpop_nonce')).toEqual([]);
    expect(calls).toContain('ok');
  });

  it('after a restart, refreshes with the stored single-use refresh token', async () => {
    const before = (await readGrant(secrets, envScope()))!.refreshToken;
    const again = createMonthEnd({ db, secrets, dataDir: dir, clock, openExternal: browser });
    try {
      await again.testConnection();
      expect(again.workspace().token).toMatchObject({ stored: true, kind: 'oauth' });
      const after = (await readGrant(secrets, envScope()))!.refreshToken;
      expect(after).not.toBe(before);
      expect(demo.oauth.state.refreshTokens.get(before)?.used).toBe(true);
      expect(sqliteBytes()).not.toContain(after);
    } finally {
      await again.close();
    }
  });

  it('signs out: the grant is gone and the workspace asks for a token again', async () => {
    const ws = await me.signOutAfas();
    expect(ws.token).toMatchObject({ stored: false, kind: null });
    expect(await readGrant(secrets, envScope())).toBeNull();
    expect(await failureCode(me.testConnection())).toBe('workspace.no-token');
  });

  it('when AFAS refuses the refresh token, the workspace asks to sign in again', async () => {
    await me.signInWithAfas(DEFAULT_OAUTH_CLIENT_ID);
    const spent = (await readGrant(secrets, envScope()))!.refreshToken;
    // As if another device had used it: single-use, so AFAS refuses it.
    demo.oauth.state.refreshTokens.get(spent)!.used = true;
    const again = createMonthEnd({ db, secrets, dataDir: dir, clock, openExternal: browser });
    try {
      expect(await failureCode(again.testConnection())).toBe('oauth-signin-again');
      expect(again.workspace().token).toMatchObject({ stored: false, kind: null });
      expect(await readGrant(secrets, envScope())).toBeNull();
    } finally {
      await again.close();
    }
  });
});
