// Every AFAS secret (classic token, OAuth grant, DPoP key) is bound to the environment AND the
// origin it was given for: keychain account "<kind>:<number>@<origin>". A changed host therefore
// finds nothing to send; the old host's secret never follows a new base URL by itself.
import type { SecretStore } from '../secrets/types';
import { isAfasHost } from './host-policy';

export type SecretKind = 'afas-token' | 'afas-oauth' | 'afas-dpop-key';
export const SECRET_KINDS: readonly SecretKind[] = ['afas-token', 'afas-oauth', 'afas-dpop-key'];

/** Which environment, at which address (an Environment fits). */
export interface SecretScope {
  number: string;
  baseUrl: string;
}

export function originOf(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

export function secretAccount(kind: SecretKind, scope: SecretScope): string {
  return `${kind}:${scope.number}@${originOf(scope.baseUrl)}`;
}

/** AFAS's own host for this environment number (https://12345.rest….afas.online). */
function ownAfasHost(scope: SecretScope): boolean {
  const url = new URL(scope.baseUrl);
  return isAfasHost(url) && url.hostname.split('.')[0] === scope.number;
}

/**
 * The secret for this scope. Older versions keyed secrets by number only; such an entry is moved to
 * the environment's own AFAS host when that is asked for, and never handed to any other host.
 */
export async function readSecret(secrets: SecretStore, kind: SecretKind, scope: SecretScope): Promise<string | null> {
  const account = secretAccount(kind, scope);
  const bound = await secrets.get(account);
  if (bound !== null || !ownAfasHost(scope)) return bound;
  const legacyAccount = `${kind}:${scope.number}`;
  const legacy = await secrets.get(legacyAccount);
  if (legacy === null) return null;
  await secrets.set(account, legacy);
  await secrets.delete(legacyAccount);
  return legacy;
}

export function writeSecret(secrets: SecretStore, kind: SecretKind, scope: SecretScope, secret: string): Promise<void> {
  return secrets.set(secretAccount(kind, scope), secret);
}

export function deleteSecret(secrets: SecretStore, kind: SecretKind, scope: SecretScope): Promise<boolean> {
  return secrets.delete(secretAccount(kind, scope));
}

/** Whether any secret is stored for the scope. */
export async function hasSecrets(secrets: SecretStore, scope: SecretScope): Promise<boolean> {
  for (const kind of SECRET_KINDS) if ((await readSecret(secrets, kind, scope)) !== null) return true;
  return false;
}

/** Re-binds every secret of `from` to `to` (the controller agreed); nothing stays under `from`. */
export async function moveSecrets(secrets: SecretStore, from: SecretScope, to: SecretScope): Promise<void> {
  for (const kind of SECRET_KINDS) {
    const secret = await readSecret(secrets, kind, from);
    if (secret === null) continue;
    await writeSecret(secrets, kind, to, secret);
    await deleteSecret(secrets, kind, from);
  }
}

export async function dropSecrets(secrets: SecretStore, scope: SecretScope): Promise<void> {
  for (const kind of SECRET_KINDS) {
    await readSecret(secrets, kind, scope); // an unbound legacy entry of this host goes too
    await deleteSecret(secrets, kind, scope);
  }
}
