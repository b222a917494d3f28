// Everything the handlers and the CLI need, built once from a data directory. No electron here:
// the Electron main passes the keychain store and a save dialog, tests pass memory and a temp path.
import { join } from 'node:path';
import { createMonthEnd } from './app';
import type { ConfirmHostChange } from './app/host-change';
import type { MonthEnd } from './app/types';
import { memorySecretStore } from './secrets/memory';
import type { SecretStore } from './secrets/types';
import { openDatabase, type Db } from './store/database';
import { createSettingsStore, type SettingsStore } from './store/settings';

export interface Services {
  db: Db;
  settings: SettingsStore;
  dataDir: string;
  appVersion: string;
  secrets: SecretStore;
  monthEnd: MonthEnd;
  /** Asks where to save a file; null when the controller cancels. */
  chooseSavePath(defaultName: string): Promise<string | null>;
  close(): Promise<void>;
}

export interface ServiceOptions {
  dataDir: string;
  appVersion: string;
  secrets?: SecretStore;
  chooseSavePath?: (defaultName: string) => Promise<string | null>;
  /** Opens the system browser for the AFAS OAuth sign-in (Electron: shell.openExternal). */
  openExternal?: (url: string) => Promise<void>;
  /** Raised by the host to cancel (read inside long synchronous work); the backend worker passes it. */
  cancelFlag?: Int32Array;
  /** Electron: a main-process dialog asking whether a changed AFAS host gets the stored secrets. */
  confirmHostChange?: ConfirmHostChange;
  /** The CLI: authorise with the classic token, whatever the workspace says about OAuth. */
  classicTokenOnly?: boolean;
  /** Replaces the real orchestrator (tests with hand-made results). */
  monthEnd?: (deps: { db: Db; secrets: SecretStore; dataDir: string; appVersion: string }) => MonthEnd;
}

export function createServices(opts: ServiceOptions): Services {
  const db = openDatabase(join(opts.dataDir, 'kruispost.sqlite'));
  const secrets = opts.secrets ?? memorySecretStore();
  const deps = { db, secrets, dataDir: opts.dataDir, appVersion: opts.appVersion };
  const monthEnd = opts.monthEnd
    ? opts.monthEnd(deps)
    : createMonthEnd({
        ...deps,
        ...(opts.openExternal ? { openExternal: opts.openExternal } : {}),
        ...(opts.cancelFlag ? { cancelFlag: opts.cancelFlag } : {}),
        ...(opts.confirmHostChange ? { confirmHostChange: opts.confirmHostChange } : {}),
        ...(opts.classicTokenOnly ? { classicTokenOnly: true } : {}),
      });
  let closed = false;
  return {
    db,
    settings: createSettingsStore(db),
    dataDir: opts.dataDir,
    appVersion: opts.appVersion,
    secrets,
    monthEnd,
    chooseSavePath: opts.chooseSavePath ?? (async (name) => join(opts.dataDir, name)),
    async close() {
      if (closed) return;
      closed = true;
      await monthEnd.close();
      db.close();
    },
  };
}
