// A stored secret follows its AFAS origin, never a changed base URL: the orchestrator keeps the old
// host's token away from a new host and says so; the app's main process may ask to carry it over.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenAccount } from '../../src/main/afas/credentials';
import { dpopKeyAccount, oauthAccount } from '../../src/main/afas/oauth';
import { hostChangeQuestion } from '../../src/main/app/host-change';
import { createMonthEnd, type MonthEndService } from '../../src/main/app/month-end';
import { workspaceConfigStore } from '../../src/main/app/workspace-config';
import { memorySecretStore } from '../../src/main/secrets/memory';
import type { SecretStore } from '../../src/main/secrets/types';
import { openDatabase, type Db } from '../../src/main/store/database';
import { isAppFailure } from '../../src/shared/errors';
import { startTinyAfas, type TinyAfas } from '../afas/support/tiny-afas';

const DATA = 'AB'.repeat(32);
const TOKEN = `<token><version>1</version><data>${DATA}</data></token>`;
const HEADER = `AfasToken ${Buffer.from(TOKEN).toString('base64')}`;

let dir: string;
let db: Db;
let secrets: SecretStore;
let a: TinyAfas;
let b: TinyAfas;
const open: MonthEndService[] = [];

function monthEnd(confirmHostChange?: (c: { environment: string; from: string; to: string }) => Promise<boolean>): MonthEndService {
  const me = createMonthEnd({ db, secrets, dataDir: dir, ...(confirmHostChange ? { confirmHostChange } : {}) });
  open.push(me);
  return me;
}

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppFailure(e)) return e.appError;
    throw e;
  }
  throw new Error('expected a failure');
}

const tokenSentTo = (s: TinyAfas) => s.seen.some((r) => r.headers.authorization === HEADER);
const origin = (s: TinyAfas) => new URL(s.baseUrl).origin;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kp-host-'));
  db = openDatabase(join(dir, 'kruispost.sqlite'));
  secrets = memorySecretStore();
  a = await startTinyAfas();
  b = await startTinyAfas();
});

afterEach(async () => {
  for (const me of open.splice(0)) await me.close();
  db.close();
  await a.close();
  await b.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a changed AFAS host', () => {
  it('never receives the token stored for the old host; the orchestrator says so and drops it', async () => {
    const me = monthEnd();
    await me.saveEnvironment({ number: '12345', type: 'production', baseUrl: a.baseUrl });
    await me.storeClassicToken(TOKEN);
    await me.testConnection();
    expect(tokenSentTo(a)).toBe(true);

    const ws = await me.saveEnvironment({ number: '12345', type: 'production', baseUrl: b.baseUrl });
    expect(ws.token.stored).toBe(false);
    const err = await failure(me.testConnection());
    expect(err.code).toBe('workspace.no-token');
    expect(err.message.en).toContain(origin(b));
    expect(err.message.en).toMatch(/never sent/);
    expect(err.message.nl).toMatch(/nooit/);
    expect(tokenSentTo(b)).toBe(false);
    expect(b.seen).toHaveLength(0);
    // Without a main-process confirmation the old host's secret is dropped.
    expect(await secrets.get(tokenAccount({ number: '12345', baseUrl: a.baseUrl }))).toBeNull();
  });

  it('a restart with a host changed behind its back (config edited) still sends nothing there', async () => {
    const me = monthEnd();
    await me.saveEnvironment({ number: '12345', type: 'production', baseUrl: a.baseUrl });
    await me.storeClassicToken(TOKEN);
    const config = workspaceConfigStore(db);
    config.update((c) => ({ ...c, environment: { number: '12345', type: 'production', baseUrl: b.baseUrl } }));
    const restarted = monthEnd();
    expect((await failure(restarted.testConnection())).code).toBe('workspace.no-token');
    expect(b.seen).toHaveLength(0);
  });

  it('carries the token and OAuth sign-in over only when the main process asks and the controller agrees', async () => {
    const asked: unknown[] = [];
    const me = monthEnd(async (change) => {
      asked.push(change);
      return true;
    });
    await me.saveEnvironment({ number: '12345', type: 'production', baseUrl: a.baseUrl });
    await me.storeClassicToken(TOKEN);
    const from = { number: '12345', baseUrl: a.baseUrl };
    await secrets.set(oauthAccount(from), JSON.stringify({ refreshToken: 'rt', chainStartedAt: '2025-01-01T00:00:00Z' }));
    await secrets.set(dpopKeyAccount(from), '{"kty":"EC"}');
    const ws = await me.saveEnvironment({ number: '12345', type: 'production', baseUrl: b.baseUrl });
    expect(asked).toEqual([{ environment: '12345', from: origin(a), to: origin(b) }]);
    expect(ws.token.stored).toBe(true);
    await me.testConnection();
    expect(tokenSentTo(b)).toBe(true);
    const to = { number: '12345', baseUrl: b.baseUrl };
    expect(await secrets.get(oauthAccount(to))).toContain('"rt"');
    expect(await secrets.get(dpopKeyAccount(to))).toBe('{"kty":"EC"}');
    for (const account of [tokenAccount(from), oauthAccount(from), dpopKeyAccount(from)]) expect(await secrets.get(account)).toBeNull();
  });

  it('drops the old secrets when the controller declines, and does not ask when nothing is stored', async () => {
    let asked = 0;
    const me = monthEnd(async () => {
      asked++;
      return false;
    });
    await me.saveEnvironment({ number: '12345', type: 'production', baseUrl: a.baseUrl });
    await me.saveEnvironment({ number: '12345', type: 'production', baseUrl: b.baseUrl });
    expect(asked).toBe(0);
    await me.storeClassicToken(TOKEN);
    await me.saveEnvironment({ number: '12345', type: 'production', baseUrl: a.baseUrl });
    expect(asked).toBe(1);
    expect(await secrets.get(tokenAccount({ number: '12345', baseUrl: b.baseUrl }))).toBeNull();
    expect((await me.saveEnvironment({ number: '12345', type: 'production', baseUrl: a.baseUrl })).token.stored).toBe(false);
  });

  it('the question the main process shows names both addresses, in Dutch and English, and defaults to not sending', () => {
    const q = hostChangeQuestion({ environment: '12345', from: 'https://12345.rest.afas.online', to: 'https://proxy.example.nl' });
    for (const text of [q.message, q.detail]) expect(text).toMatch(/12345/);
    expect(q.detail).toContain('https://12345.rest.afas.online');
    expect(q.detail).toContain('https://proxy.example.nl');
    expect(q.detail).toMatch(/nieuwe adres/);
    expect(q.detail).toMatch(/new address/);
    expect(q.buttons).toHaveLength(2);
    expect(q.buttons[q.defaultId]).toMatch(/Forget|Vergeet/);
    expect(q.cancelId).toBe(q.defaultId);
    expect(q.carryOverId).not.toBe(q.defaultId);
  });
});
