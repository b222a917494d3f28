// Round trip against the REAL Secret Service (run via test/keychain/run-in-secret-service.sh).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keytarSecretStore } from '../../src/main/secrets/keychain';
import { deleteToken, loadToken, storeToken, tokenStatus } from '../../src/main/afas/credentials';

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
    await storeToken(store, '12345', `  ${'AB12'.repeat(16)}\n`);
    await storeToken(store, '67890', TOKEN.replace('AB12', 'CD34'));
    expect(await loadToken(store, '12345')).toBe(TOKEN);
    expect(await loadToken(store, '67890')).not.toBe(TOKEN);
    const status = await tokenStatus(store, '12345', '2025-05-01T10:00:00Z');
    expect(status).toEqual({ stored: true, lastVerified: '2025-05-01T10:00:00Z' });
    expect(JSON.stringify(status)).not.toContain('AB12');
    expect(await deleteToken(store, '12345')).toBe(true);
    expect(await tokenStatus(store, '12345', '2025-05-01T10:00:00Z')).toEqual({ stored: false, lastVerified: null });
    expect(await deleteToken(store, '67890')).toBe(true);
  });
});
