// DPoP (RFC 9449): one ES256 key pair per AFAS environment and origin, kept in the keychain so refresh tokens
// (bound to the key's thumbprint) keep working after a restart, and a fresh proof JWT per request.
import { SignJWT, base64url, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { randomBytes, createHash } from 'node:crypto';
import type { SecretStore } from '../../secrets/types';
import { readSecret, secretAccount, writeSecret, type SecretScope } from '../secret-scope';

export const dpopKeyAccount = (scope: SecretScope): string => secretAccount('afas-dpop-key', scope);

export interface DpopKey {
  privateKey: CryptoKey;
  /** Public part only (kty, crv, x, y): goes into every proof's header. */
  publicJwk: JWK;
  thumbprint: string;
}

async function fromPrivateJwk(jwk: JWK): Promise<DpopKey> {
  const publicJwk: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
  const privateKey = (await importJWK(jwk, 'ES256')) as CryptoKey;
  return { privateKey, publicJwk, thumbprint: await calculateJwkThumbprint(publicJwk) };
}

/** Loads the environment's key from the store, or makes one and stores it before first use. */
export async function loadOrCreateDpopKey(secrets: SecretStore, scope: SecretScope): Promise<DpopKey> {
  const stored = await readSecret(secrets, 'afas-dpop-key', scope);
  if (stored) {
    try {
      const jwk = JSON.parse(stored) as JWK;
      if (jwk.kty === 'EC' && jwk.crv === 'P-256' && jwk.d) return await fromPrivateJwk(jwk);
    } catch {
      // Unreadable key: fall through and replace it; tokens bound to it need a new sign-in anyway.
    }
  }
  const pair = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(pair.privateKey);
  await writeSecret(secrets, 'afas-dpop-key', scope, JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, d: jwk.d }));
  return fromPrivateJwk(jwk);
}

/** base64url(sha256(access token)): the proof's `ath` claim. */
export function accessTokenHash(accessToken: string): string {
  return base64url.encode(createHash('sha256').update(accessToken, 'utf8').digest());
}

/** `htu`: the request URL without query and fragment. */
export function htuOf(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/**
 * Signs proofs and remembers the latest `DPoP-Nonce` the server sent (per origin: the token
 * endpoint and the REST API share one at AFAS).
 */
export class DpopSigner {
  private readonly nonces = new Map<string, string>();

  constructor(
    readonly key: DpopKey,
    private readonly now: () => number = Date.now,
  ) {}

  async proof(method: string, url: string, accessToken?: string): Promise<string> {
    const nonce = this.nonces.get(new URL(url).origin);
    const claims: Record<string, string> = {
      jti: base64url.encode(randomBytes(18)),
      htm: method.toUpperCase(),
      htu: htuOf(url),
    };
    if (nonce) claims.nonce = nonce;
    if (accessToken) claims.ath = accessTokenHash(accessToken);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: this.key.publicJwk })
      .setIssuedAt(Math.floor(this.now() / 1000))
      .sign(this.key.privateKey);
  }

  /** Keeps the newest nonce from any response (headers lower-cased or a Headers object). */
  observe(url: string, headers: Headers | Record<string, string | undefined>): void {
    const nonce = headers instanceof Headers ? headers.get('dpop-nonce') : headers['dpop-nonce'];
    if (nonce) this.nonces.set(new URL(url).origin, nonce);
  }
}
