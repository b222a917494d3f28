// One SQLite file (path injectable), WAL, foreign keys on, migrated on open; owner-only on disk.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { ensurePrivateDir, ensurePrivateFile } from './private-files';

export type Db = Database.Database;

export function openDatabase(file: string, migrations = MIGRATIONS): Db {
  if (file !== ':memory:') {
    ensurePrivateDir(dirname(file));
    // Made (or tightened) before SQLite opens it: the WAL and SHM files inherit its mode.
    ensurePrivateFile(file);
    for (const side of [`${file}-wal`, `${file}-shm`]) if (existsSync(side)) ensurePrivateFile(side);
  }
  const db = new Database(file);
  try {
    // 16 KiB pages for a new file (an existing one keeps its size): a sync inserts ~300-byte rows
    // by the million; 1M rows stage ~20% faster than with 4 KiB pages (fewer splits, shallower trees).
    db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    // FULL: a confirmed match or sign-off survives a power loss right after the controller saw it
    // saved (NORMAL may lose the last commits). The sync's stage worker keeps NORMAL on its own
    // connection: an interrupted slice is fetched again anyway.
    db.pragma('synchronous = FULL');
    // A sync writes hundreds of MB: checkpoint every 64 MB of WAL instead of every 4 MB, so hot
    // pages (index tails, the staging heap) are copied back once rather than many times; the WAL
    // file is cut back to 64 MB after a checkpoint. Commits stay as durable as before.
    db.pragma(`wal_autocheckpoint = ${walCheckpointPages(db)}`);
    db.pragma('journal_size_limit = 67108864');
    // 16 MB page cache (default 2 MB), as the stage worker's: index pages stay in memory. More
    // buys nothing since lines are staged in place (no swap of 1M lines on this connection); the
    // read of 600,000 lines for the engine would fill 64 MB of it and keep it to the end of the
    // job, at its memory peak. Allocated only as used.
    db.pragma('cache_size = -16384');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, file, migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Pages in 64 MB of WAL (the pragma counts pages, and their size depends on when the file was made). */
export function walCheckpointPages(db: Db): number {
  return Math.round((64 * 2 ** 20) / (db.pragma('page_size', { simple: true }) as number));
}
