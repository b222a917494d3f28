// The DPoP key in the keychain and the proofs it signs, checked with jose as a server would.
import { describe, expect, it } from 'vitest';
import { EmbeddedJWK, calculateJwkThumbprint, jwtVerify, type JWK } from 'jose';
import { DpopSigner, accessTokenHash, dpopKeyAccount, htuOf, loadOrCreateDpopKey } from '../../src/main/afas/oauth/dpop';
import { memorySecretStore } from '../../src/main/secrets/memory';

const at = (number: string) => ({ number, baseUrl: `https://${number}.rest.afas.online/ProfitRestServices` });

describe('DPoP key', () => {
  it('is made once, stored as a private JWK and loaded again after a restart', async () => {
    const secrets = memorySecretStore();
    const first = await loadOrCreateDpopKey(secrets, at('12345'));
    const stored = JSON.parse((await secrets.get(dpopKeyAccount(at('12345'))))!) as JWK;
    expect(stored).toMatchObject({ kty: 'EC', crv: 'P-256', x: first.publicJwk.x, y: first.publicJwk.y });
    expect(stored.d).toBeTypeOf('string');
    expect(first.publicJwk).not.toHaveProperty('d');
    const again = await loadOrCreateDpopKey(secrets, at('12345'));
    expect(again.thumbprint).toBe(first.thumbprint);
    expect(again.thumbprint).toBe(await calculateJwkThumbprint(first.publicJwk));
    // Another environment gets its own key, and so does the same one at another origin.
    expect((await loadOrCreateDpopKey(secrets, at('67890'))).thumbprint).not.toBe(first.thumbprint);
    expect((await loadOrCreateDpopKey(secrets, { number: '12345', baseUrl: 'http://127.0.0.1:9/ProfitRestServices' })).thumbprint).not.toBe(first.thumbprint);
  });

  it('replaces an unreadable stored key', async () => {
    const secrets = memorySecretStore({ [dpopKeyAccount(at('1'))]: 'not json' });
    const key = await loadOrCreateDpopKey(secrets, at('1'));
    expect(JSON.parse((await secrets.get(dpopKeyAccount(at('1'))))!).x).toBe(key.publicJwk.x);
  });
});

describe('DPoP proof', () => {
  it('verifies with its embedded key and carries htm, htu, iat, jti, nonce and ath', async () => {
    const t = Date.UTC(2027, 1, 1);
    const signer = new DpopSigner(await loadOrCreateDpopKey(memorySecretStore(), at('1')), () => t);
    const url = 'https://12345.rest.afas.online/ProfitRestServices/connectors/X?skip=0&take=5#frag';
    const withoutNonce = await jwtVerify(await signer.proof('get', url), EmbeddedJWK, { typ: 'dpop+jwt', currentDate: new Date(t) });
    expect(withoutNonce.payload.nonce).toBeUndefined();
    expect(withoutNonce.payload.ath).toBeUndefined();

    signer.observe(url, new Headers({ 'DPoP-Nonce': 'n-1' }));
    signer.observe('https://other.example/x', { 'dpop-nonce': 'n-other' });
    const { payload, protectedHeader } = await jwtVerify(await signer.proof('GET', url, 'tok'), EmbeddedJWK, {
      typ: 'dpop+jwt',
      currentDate: new Date(t),
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({
      htm: 'GET',
      htu: 'https://12345.rest.afas.online/ProfitRestServices/connectors/X',
      iat: t / 1000,
      nonce: 'n-1',
      ath: accessTokenHash('tok'),
    });
    expect(payload.jti).not.toBe(withoutNonce.payload.jti);
    // RFC 9449 example: ath of "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"
    expect(accessTokenHash('Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU')).toBe('fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo');
    expect(htuOf('http://127.0.0.1:1/a/b?c=d')).toBe('http://127.0.0.1:1/a/b');
  });
});
