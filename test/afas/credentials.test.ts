import { describe, expect, it } from 'vitest';
import { deleteToken, loadToken, storeToken, tokenAccount, tokenStatus } from '../../src/main/afas/credentials';
import { memorySecretStore } from '../../src/main/secrets/memory';
import { AppFailure } from '../../src/shared/errors';

const DATA = 'F'.repeat(64);

describe('token credentials (memory store)', () => {
  it('stores the normalised token per environment and reports only whether it is there', async () => {
    const store = memorySecretStore();
    await storeToken(store, '12345', `\n${DATA}\n`);
    expect(await store.get(tokenAccount('12345'))).toBe(`<token><version>1</version><data>${DATA}</data></token>`);
    expect(await loadToken(store, '54321')).toBeNull();
    expect(await tokenStatus(store, '12345', '2025-05-01T10:00:00Z')).toEqual({ stored: true, lastVerified: '2025-05-01T10:00:00Z' });
    expect(await tokenStatus(store, '54321', '2025-05-01T10:00:00Z')).toEqual({ stored: false, lastVerified: null });
    expect(await deleteToken(store, '12345')).toBe(true);
    expect(await loadToken(store, '12345')).toBeNull();
  });

  it('refuses a malformed paste before anything is stored', async () => {
    const store = memorySecretStore();
    await expect(storeToken(store, '12345', 'mijn wachtwoord')).rejects.toBeInstanceOf(AppFailure);
    expect(await store.get(tokenAccount('12345'))).toBeNull();
  });
});
