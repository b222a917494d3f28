// Numbered migrations, each in its own transaction, tracked in a table. Before migrating, the
// file is copied aside; a database written by a newer app is refused untouched.
import { copyFileSync, existsSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { AppFailure } from '../../shared/errors';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export function migrate(db: Database.Database, file: string, migrations: readonly Migration[]): { applied: number[]; backup: string | null } {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
  const latest = migrations.at(-1)?.version ?? 0;
  const newest = applied.at(-1)?.version ?? 0;
  if (newest > latest) {
    throw new AppFailure(
      'database-newer',
      {
        nl: `De database is gemaakt door een nieuwere versie van Kruispost (schema ${newest}, deze versie kent ${latest}). Het bestand is niet aangeraakt.`,
        en: `The database was written by a newer Kruispost (schema ${newest}; this version knows ${latest}). The file was left untouched.`,
      },
      { nl: 'Installeer de nieuwste versie van Kruispost.', en: 'Install the latest version of Kruispost.' },
    );
  }
  // Applied migrations must be exactly a prefix of the known list.
  applied.forEach((row, i) => {
    const known = migrations[i];
    if (!known || known.version !== row.version || known.name !== row.name) {
      throw new AppFailure(
        'database-foreign',
        {
          nl: `De database past niet bij deze versie (migratie ${row.version} "${row.name}" is onbekend). Het bestand is niet aangeraakt.`,
          en: `The database does not fit this version (migration ${row.version} "${row.name}" is unknown). The file was left untouched.`,
        },
        { nl: 'Kies een andere gegevensmap of neem contact op met support.', en: 'Choose another data folder or contact support.' },
      );
    }
  });
  const pending = migrations.slice(applied.length);
  let backup: string | null = null;
  if (pending.length > 0 && applied.length > 0 && file !== ':memory:' && existsSync(file) && statSync(file).size > 0) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    backup = `${file}.before-v${pending[0]!.version}.bak`;
    copyFileSync(file, backup);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.up);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
  return { applied: pending.map((m) => m.version), backup };
}
