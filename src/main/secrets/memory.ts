// An in-memory SecretStore for unit tests and the demo: same contract as the keychain, no disk.
import type { SecretStore } from './types';

export function memorySecretStore(initial: Record<string, string> = {}): SecretStore {
  const map = new Map(Object.entries(initial));
  return {
    async get(account) {
      return map.get(account) ?? null;
    },
    async set(account, secret) {
      map.set(account, secret);
    },
    async delete(account) {
      return map.delete(account);
    },
  };
}
