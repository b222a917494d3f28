// keytar against the OS keychain (Secret Service on Linux, Keychain on macOS, Credential Vault on
// Windows). Loaded lazily so code that only needs the interface never loads the native module.
import { KEYCHAIN_SERVICE, type SecretStore } from './types';

type Keytar = typeof import('keytar');

let keytarPromise: Promise<Keytar> | undefined;

function loadKeytar(): Promise<Keytar> {
  keytarPromise ??= import('keytar').then((m) => ((m as { default?: Keytar }).default ?? m) as Keytar);
  return keytarPromise;
}

export function keytarSecretStore(service: string = KEYCHAIN_SERVICE): SecretStore {
  return {
    async get(account) {
      return (await loadKeytar()).getPassword(service, account);
    },
    async set(account, secret) {
      await (await loadKeytar()).setPassword(service, account, secret);
    },
    async delete(account) {
      return (await loadKeytar()).deletePassword(service, account);
    },
  };
}
