// Everything the handlers and the CLI need, built once from a data directory. No electron here.
import { join } from 'node:path';
import { openDatabase, type Db } from './store/database';
import { createSettingsStore, type SettingsStore } from './store/settings';

export interface Services {
  db: Db;
  settings: SettingsStore;
  dataDir: string;
  appVersion: string;
}

export function createServices(opts: { dataDir: string; appVersion: string }): Services {
  const db = openDatabase(join(opts.dataDir, 'kruispost.sqlite'));
  return { db, settings: createSettingsStore(db), dataDir: opts.dataDir, appVersion: opts.appVersion };
}
