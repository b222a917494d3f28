// Sign-in as one step for the settings screen: browser authorization → code exchange (DPoP-bound)
// → refresh token in the keychain. Returns the RequestAuth with the first access token in memory.
import type { SecretStore } from '../../secrets/types';
import { deleteSecret, type SecretScope } from '../secret-scope';
import { startAuthorization } from './loopback';
import { deleteGrant, writeGrant } from './refresh-store';
import { OAuthSession } from './session';
import { exchangeCode } from './token-endpoint';

export interface SignInOptions {
  baseUrl: string;
  clientId: string;
  envNumber: string;
  secrets: SecretStore;
  openBrowser: (url: string) => Promise<void>;
  timeoutMs?: number;
  signal?: AbortSignal;
  now?: () => number;
  chainDays?: number;
}

export async function signIn(options: SignInOptions): Promise<OAuthSession> {
  const now = options.now ?? Date.now;
  const session = new OAuthSession({ ...options, now });
  const signer = await session.signer();
  const authorization = await startAuthorization({
    baseUrl: options.baseUrl,
    clientId: options.clientId,
    openBrowser: options.openBrowser,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    dpopJkt: signer.key.thumbprint,
  });
  const tokens = await exchangeCode(
    { baseUrl: options.baseUrl, clientId: options.clientId, signer, now, signal: options.signal },
    authorization,
  );
  // A new chain starts with this first refresh token.
  await writeGrant(options.secrets, { number: options.envNumber, baseUrl: options.baseUrl }, {
    refreshToken: tokens.refreshToken,
    chainStartedAt: new Date(now()).toISOString(),
  });
  session.prime(tokens);
  return session;
}

/** Forgets the environment's OAuth grant and DPoP key at this origin (sign out / switch account). */
export async function signOut(secrets: SecretStore, scope: SecretScope): Promise<void> {
  await deleteGrant(secrets, scope);
  await deleteSecret(secrets, 'afas-dpop-key', scope);
}
