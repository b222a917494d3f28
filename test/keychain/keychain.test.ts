// Round trip against the REAL Secret Service (run via test/keychain/run-in-secret-service.sh).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keytarSecretStore } from '../../src/main/secrets/keychain';
import { deleteToken, loadToken, storeToken, tokenAccount, tokenStatus } from '../../src/main/afas/credentials';

const A = { number: '12345', baseUrl: 'https://12345.rest.afas.online/ProfitRestServices' };
const B = { number: '67890', baseUrl: 'https://67890.rest.afas.online/ProfitRestServices' };
const TOKEN = `<token><version>1</version><data>${'AB12'.repeat(16)}</data></token>`;

describe('keytar secret store (real Secret Service)', () => {
  // A unique service name per run, so a leftover from an aborted run cannot make this pass.
  const store = keytarSecretStore(`Kruispost-test-${randomUUID()}`);

  it('stores, reads back, overwrites and deletes a secret', async () => {
    expect(await store.get('afas-token:12345')).toBeNull();
    await store.set('afas-token:12345', 'first');
    expect(await store.get('afas-token:12345')).toBe('first');
    await store.set('afas-token:12345', 'second');
    expect(await store.get('afas-token:12345')).toBe('second');
    expect(await store.delete('afas-token:12345')).toBe(true);
    expect(await store.get('afas-token:12345')).toBeNull();
    expect(await store.delete('afas-token:12345')).toBe(false);
  });

  it('keeps tokens per environment and reports status without the token', async () => {
    await storeToken(store, A, `  ${'AB12'.repeat(16)}\n`);
    await storeToken(store, B, TOKEN.replace('AB12', 'CD34'));
    expect(await loadToken(store, A)).toBe(TOKEN);
    expect(await loadToken(store, B)).not.toBe(TOKEN);
    const status = await tokenStatus(store, A, '2025-05-01T10:00:00Z');
    expect(status).toEqual({ stored: true, lastVerified: '2025-05-01T10:00:00Z' });
    expect(JSON.stringify(status)).not.toContain('AB12');
    expect(await deleteToken(store, A)).toBe(true);
    expect(await tokenStatus(store, A, '2025-05-01T10:00:00Z')).toEqual({ stored: false, lastVerified: null });
    expect(await deleteToken(store, B)).toBe(true);
  });

  it('keys each secret by environment AND origin in the real keychain; an old unbound entry moves to its own AFAS host only', async () => {
    await storeToken(store, A, TOKEN);
    expect(await store.get(tokenAccount(A))).toBe(TOKEN);
    expect(await loadToken(store, { number: '12345', baseUrl: 'https://12345.resttest.afas.online/ProfitRestServices' })).toBeNull();
    expect(await loadToken(store, { number: '12345', baseUrl: 'http://127.0.0.1:4010/ProfitRestServices' })).toBeNull();
    expect(await deleteToken(store, A)).toBe(true);

    await store.set('afas-token:12345', TOKEN); // as an older Kruispost stored it
    expect(await loadToken(store, { number: '12345', baseUrl: 'https://proxy.example.nl/ProfitRestServices' })).toBeNull();
    expect(await loadToken(store, A)).toBe(TOKEN);
    expect(await store.get('afas-token:12345')).toBeNull();
    expect(await deleteToken(store, A)).toBe(true);
  });
});
