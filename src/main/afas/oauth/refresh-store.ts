// The refresh token and the start of its chain, in the keychain only, bound to the environment and
// origin it was issued for. AFAS refresh tokens are single-use, so each new one is written here
// before the access token that came with it is used.
import type { SecretStore } from '../../secrets/types';
import { deleteSecret, readSecret, secretAccount, writeSecret, type SecretScope } from '../secret-scope';

export const oauthAccount = (scope: SecretScope): string => secretAccount('afas-oauth', scope);

export interface StoredGrant {
  refreshToken: string;
  /** ISO time of the first token of this chain: the chain ends chainDays after it. */
  chainStartedAt: string;
}

export async function readGrant(secrets: SecretStore, scope: SecretScope): Promise<StoredGrant | null> {
  const raw = await readSecret(secrets, 'afas-oauth', scope);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredGrant>;
    if (typeof parsed.refreshToken === 'string' && typeof parsed.chainStartedAt === 'string') {
      return { refreshToken: parsed.refreshToken, chainStartedAt: parsed.chainStartedAt };
    }
  } catch {
    // Unreadable: treated as not signed in.
  }
  return null;
}

export function writeGrant(secrets: SecretStore, scope: SecretScope, grant: StoredGrant): Promise<void> {
  return writeSecret(secrets, 'afas-oauth', scope, JSON.stringify(grant));
}

export async function deleteGrant(secrets: SecretStore, scope: SecretScope): Promise<void> {
  await deleteSecret(secrets, 'afas-oauth', scope);
}
