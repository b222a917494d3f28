import type { Lang } from '../../shared/domain';
import type { Db } from './database';

export interface SettingsStore {
  language(): Lang;
  setLanguage(lang: Lang): void;
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export function createSettingsStore(db: Db): SettingsStore {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const get = (key: string) => read.get(key)?.value ?? null;
  const set = (key: string, value: string) => void write.run(key, value);
  return {
    get,
    set,
    language: () => (get('language') === 'en' ? 'en' : 'nl'), // Dutch by default
    setLanguage: (lang) => set('language', lang),
  };
}
