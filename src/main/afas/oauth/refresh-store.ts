// The refresh token and the start of its chain, in the keychain only. AFAS refresh tokens are
// single-use, so each new one is written here before the access token that came with it is used.
import type { SecretStore } from '../../secrets/types';

export const oauthAccount = (envNumber: string): string => `afas-oauth:${envNumber}`;

export interface StoredGrant {
  refreshToken: string;
  /** ISO time of the first token of this chain: the chain ends chainDays after it. */
  chainStartedAt: string;
}

export async function readGrant(secrets: SecretStore, envNumber: string): Promise<StoredGrant | null> {
  const raw = await secrets.get(oauthAccount(envNumber));
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

export function writeGrant(secrets: SecretStore, envNumber: string, grant: StoredGrant): Promise<void> {
  return secrets.set(oauthAccount(envNumber), JSON.stringify(grant));
}

export async function deleteGrant(secrets: SecretStore, envNumber: string): Promise<void> {
  await secrets.delete(oauthAccount(envNumber));
}
