// The classic token per environment and origin, kept in the keychain only. The renderer sees
// tokenStatus(), never the token itself; lastVerified is kept by the caller (settings), not here.
import type { SecretStore } from '../secrets/types';
import { parseClassicToken } from './classic-token';
import { deleteSecret, readSecret, secretAccount, writeSecret, type SecretScope } from './secret-scope';

export function tokenAccount(scope: SecretScope): string {
  return secretAccount('afas-token', scope);
}

/** Validates and normalises before storing, so a malformed paste fails here, not on first use. */
export async function storeToken(store: SecretStore, scope: SecretScope, pasted: string): Promise<void> {
  await writeSecret(store, 'afas-token', scope, parseClassicToken(pasted));
}

export async function loadToken(store: SecretStore, scope: SecretScope): Promise<string | null> {
  return readSecret(store, 'afas-token', scope);
}

export async function deleteToken(store: SecretStore, scope: SecretScope): Promise<boolean> {
  return deleteSecret(store, 'afas-token', scope);
}

export interface TokenStatus {
  stored: boolean;
  lastVerified: string | null;
}

export async function tokenStatus(store: SecretStore, scope: SecretScope, lastVerified: string | null = null): Promise<TokenStatus> {
  const stored = (await loadToken(store, scope)) !== null;
  return { stored, lastVerified: stored ? lastVerified : null };
}
