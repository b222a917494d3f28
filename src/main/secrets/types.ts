// The keychain behind a small interface: keytar against the OS keychain in the app and CLI,
// an in-memory map in unit tests. Secrets (AFAS tokens, OAuth refresh tokens, DPoP keys) live here only.
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/** keytar service name: one per app, accounts per environment (e.g. "afas-token:12345"). */
export const KEYCHAIN_SERVICE = 'Kruispost';
