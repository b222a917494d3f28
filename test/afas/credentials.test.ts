import { describe, expect, it } from 'vitest';
import { deleteToken, loadToken, storeToken, tokenAccount, tokenStatus } from '../../src/main/afas/credentials';
import { memorySecretStore } from '../../src/main/secrets/memory';
import { AppFailure } from '../../src/shared/errors';

const DATA = 'F'.repeat(64);
const XML = `<token><version>1</version><data>${DATA}</data></token>`;
const PROD = { number: '12345', baseUrl: 'https://12345.rest.afas.online/ProfitRestServices' };
const OTHER = { number: '54321', baseUrl: 'https://54321.rest.afas.online/ProfitRestServices' };

describe('token credentials (memory store)', () => {
  it('stores the normalised token per environment and reports only whether it is there', async () => {
    const store = memorySecretStore();
    await storeToken(store, PROD, `\n${DATA}\n`);
    expect(await store.get(tokenAccount(PROD))).toBe(XML);
    expect(await loadToken(store, OTHER)).toBeNull();
    expect(await tokenStatus(store, PROD, '2025-05-01T10:00:00Z')).toEqual({ stored: true, lastVerified: '2025-05-01T10:00:00Z' });
    expect(await tokenStatus(store, OTHER, '2025-05-01T10:00:00Z')).toEqual({ stored: false, lastVerified: null });
    expect(await deleteToken(store, PROD)).toBe(true);
    expect(await loadToken(store, PROD)).toBeNull();
  });

  it('refuses a malformed paste before anything is stored', async () => {
    const store = memorySecretStore();
    await expect(storeToken(store, PROD, 'mijn wachtwoord')).rejects.toBeInstanceOf(AppFailure);
    expect(await store.get(tokenAccount(PROD))).toBeNull();
  });
});

describe('a token is bound to the origin it was stored for', () => {
  it('is keyed by environment AND origin: the same number at another host finds nothing', async () => {
    const store = memorySecretStore();
    await storeToken(store, PROD, DATA);
    expect(tokenAccount(PROD)).toBe('afas-token:12345@https://12345.rest.afas.online');
    for (const elsewhere of [
      'https://12345.resttest.afas.online/ProfitRestServices',
      'https://proxy.example.nl/ProfitRestServices',
      'http://127.0.0.1:4010/ProfitRestServices',
    ]) {
      expect(await loadToken(store, { number: '12345', baseUrl: elsewhere }), elsewhere).toBeNull();
    }
    // Another path on the same origin is the same AFAS.
    expect(await loadToken(store, { number: '12345', baseUrl: 'https://12345.rest.afas.online/profitrestservices/' })).toBe(XML);
  });

  it("adopts a token stored by an older version (keyed by number only) for the environment's own AFAS host only", async () => {
    const legacy = memorySecretStore({ 'afas-token:12345': XML });
    expect(await loadToken(legacy, { number: '12345', baseUrl: 'https://proxy.example.nl/ProfitRestServices' })).toBeNull();
    expect(await loadToken(legacy, { number: '12345', baseUrl: 'https://99999.rest.afas.online/ProfitRestServices' })).toBeNull();
    expect(await loadToken(legacy, { number: '12345', baseUrl: 'http://127.0.0.1:1/ProfitRestServices' })).toBeNull();
    expect(await legacy.get('afas-token:12345')).toBe(XML);
    expect(await loadToken(legacy, PROD)).toBe(XML);
    // Moved, not copied: the unbound entry is gone.
    expect(await legacy.get('afas-token:12345')).toBeNull();
    expect(await legacy.get(tokenAccount(PROD))).toBe(XML);
  });
});
