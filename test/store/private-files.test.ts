// The data folder holds the ledger and the controller's work: only its owner may read it.
// Folder 0700, database (and its WAL/SHM) and log 0600, also for files an older version left open.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../src/main/log';
import { openDatabase } from '../../src/main/store/database';

const mode = (path: string) => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kp-private-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe.runIf(posix)('private data folder', () => {
  it('creates the data folder 0700 and the database, WAL and SHM 0600', () => {
    const dir = join(root, 'new', 'Kruispost');
    const db = openDatabase(join(dir, 'kruispost.sqlite'));
    try {
      db.prepare("INSERT INTO settings (key, value) VALUES ('x', 'y')").run();
      expect(mode(dir)).toBe(0o700);
      for (const f of ['kruispost.sqlite', 'kruispost.sqlite-wal', 'kruispost.sqlite-shm']) expect({ f, mode: mode(join(dir, f)) }).toEqual({ f, mode: 0o600 });
    } finally {
      db.close();
    }
  });

  it('tightens a data folder and database an older version left 0755/0644', () => {
    const dir = join(root, 'old');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    openDatabase(join(dir, 'kruispost.sqlite')).close();
    chmodSync(join(dir, 'kruispost.sqlite'), 0o644);
    chmodSync(dir, 0o755);
    openDatabase(join(dir, 'kruispost.sqlite')).close();
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'kruispost.sqlite'))).toBe(0o600);
  });

  it('leaves a folder that is not a Kruispost data folder as it is (e.g. --data-dir pointing at an existing folder)', () => {
    const dir = join(root, 'shared');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'other.txt'), 'not ours');
    openDatabase(join(dir, 'kruispost.sqlite')).close();
    expect(mode(dir)).toBe(0o755);
    expect(mode(join(dir, 'kruispost.sqlite'))).toBe(0o600);
  });

  it('writes the support log 0600, also after it was rotated', () => {
    const file = join(root, 'logs', 'kruispost.log');
    const log = createFileLogger(file);
    log.info('start');
    expect(mode(file)).toBe(0o600);
    chmodSync(file, 0o644);
    createFileLogger(file).info('again');
    expect(mode(file)).toBe(0o600);
  });
});
