// The classic token per environment, kept in the keychain only. The renderer sees tokenStatus(),
// never the token itself; lastVerified is kept by the caller (settings), not here.
import type { SecretStore } from '../secrets/types';
import { parseClassicToken } from './classic-token';

export function tokenAccount(environmentNumber: string): string {
  return `afas-token:${environmentNumber}`;
}

/** Validates and normalises before storing, so a malformed paste fails here, not on first use. */
export async function storeToken(store: SecretStore, environmentNumber: string, pasted: string): Promise<void> {
  await store.set(tokenAccount(environmentNumber), parseClassicToken(pasted));
}

export async function loadToken(store: SecretStore, environmentNumber: string): Promise<string | null> {
  return store.get(tokenAccount(environmentNumber));
}

export async function deleteToken(store: SecretStore, environmentNumber: string): Promise<boolean> {
  return store.delete(tokenAccount(environmentNumber));
}

export interface TokenStatus {
  stored: boolean;
  lastVerified: string | null;
}

export async function tokenStatus(store: SecretStore, environmentNumber: string, lastVerified: string | null = null): Promise<TokenStatus> {
  const stored = (await loadToken(store, environmentNumber)) !== null;
  return { stored, lastVerified: stored ? lastVerified : null };
}
