import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/store/database';
import type { Migration } from '../../src/main/store/migrate';
import { AppFailure } from '../../src/shared/errors';

const v1: Migration = { version: 1, name: 'one', up: 'CREATE TABLE a (x INTEGER);' };
const v2: Migration = { version: 2, name: 'two', up: 'CREATE TABLE b (y INTEGER);' };
const tmp = () => join(mkdtempSync(join(tmpdir(), 'kp-migrate-')), 'db.sqlite');

describe('SQLite foundation', () => {
  it('opens in WAL mode and applies migrations once, in order', () => {
    const file = tmp();
    const db = openDatabase(file, [v1, v2]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([1, 2]);
    db.close();
    const again = openDatabase(file, [v1, v2]);
    expect(again.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(2);
    again.close();
  });

  it('keeps a backup copy before migrating an existing file', () => {
    const file = tmp();
    const db = openDatabase(file, [v1]);
    db.prepare('INSERT INTO a VALUES (42)').run();
    db.close();
    openDatabase(file, [v1, v2]).close();
    const backup = `${file}.before-v2.bak`;
    expect(existsSync(backup)).toBe(true);
    const old = new Database(backup, { readonly: true });
    expect(old.prepare('SELECT x FROM a').pluck().get()).toBe(42);
    expect(old.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(1);
    old.close();
  });

  it('refuses a database from a newer app and leaves the file untouched', () => {
    const file = tmp();
    openDatabase(file, [v1, v2]).close();
    const before = readFileSync(file);
    let err: unknown;
    try {
      openDatabase(file, [v1]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppFailure);
    expect((err as AppFailure).appError.code).toBe('database-newer');
    expect((err as AppFailure).appError.message.nl).toMatch(/nieuwere versie/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls a failing migration back completely', () => {
    const file = tmp();
    const broken: Migration = { version: 2, name: 'broken', up: 'CREATE TABLE c (z INTEGER); INSERT INTO nope VALUES (1);' };
    expect(() => openDatabase(file, [v1, broken])).toThrow();
    const db = new Database(file);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'c'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(1);
    db.close();
  });

  it('refuses a database whose applied migrations are not a prefix of ours', () => {
    const file = tmp();
    openDatabase(file, [v1]).close();
    expect(() => openDatabase(file, [{ ...v1, name: 'other' }, v2])).toThrow(/migration 1/);
  });
});
