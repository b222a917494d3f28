// The schema, one numbered step at a time. Append only: never edit a step that has shipped.
import type { Migration } from './migrate';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    up: `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;`,
  },
];
