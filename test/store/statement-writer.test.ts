// The statement writer's transactions: batches share one for a while, yet each batch is all or
// nothing, a failure keeps the batches before it, and a stop keeps what is done.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/store/database';
import { startStatementWriter } from '../../src/main/store/statement-writer';
import type { Statement } from '../../src/main/sync/staging';

const dir = mkdtempSync(join(tmpdir(), 'kp-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function store(): Db {
  const db = openDatabase(join(dir, `db-${n++}.sqlite`));
  db.exec('CREATE TABLE t (x INTEGER PRIMARY KEY)');
  return db;
}
/** A batch of two rows: x and x + 1000 (so a batch that fails halfway shows whether its first row stayed). */
const batch = (x: number): Statement[] => [
  ['INSERT INTO t VALUES (?)', [x + 1000]],
  ['INSERT INTO t VALUES (?)', [x]],
];
const rows = (db: Db) => db.prepare('SELECT x FROM t ORDER BY x').pluck().all();

async function until(done: () => boolean): Promise<void> {
  const t0 = performance.now();
  while (!done()) {
    if (performance.now() - t0 > 20_000) throw new Error('timed out');
    await new Promise<void>((resolve) => setTimeout(resolve, 5));
  }
}

describe('statement writer', () => {
  for (const transactionMs of [0, 60_000]) {
    it(`a batch that fails rolls back alone; the ones before it stay (transactions of ${transactionMs} ms)`, async () => {
      const db = store();
      db.exec('INSERT INTO t VALUES (3)'); // batch 3 fails on its second row
      const writer = startStatementWriter(db, transactionMs)!;
      const seen: number[] = [];
      await expect(writer.run([batch(1), batch(2), batch(3), batch(4)], (done) => seen.push(done))).rejects.toMatchObject({ committed: 2 });
      await writer.close();
      expect(rows(db)).toEqual([1, 2, 3, 1001, 1002]);
      expect(seen.at(-1)).toBe(2);
      // One commit per batch, or the two in one.
      expect(seen.length).toBe(transactionMs === 0 ? 2 : 1);
      db.close();
    });
  }

  it('a commit that fails keeps nothing of its transaction and runs no later batch', async () => {
    const db = store();
    // A deferred foreign key is checked at COMMIT, not by the batch's own statements.
    db.exec('CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (x INTEGER REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)');
    const writer = startStatementWriter(db, 0)!;
    expect(await writer.run([batch(1)])).toBe(1);
    const wide = startStatementWriter(db, 60_000)!;
    const orphan: Statement[] = [['INSERT INTO c VALUES (99)', []]];
    await expect(wide.run([batch(2), orphan, batch(3)])).rejects.toMatchObject({ message: expect.stringMatching(/FOREIGN KEY/), committed: 0 });
    await Promise.all([writer.close(), wide.close()]);
    expect(rows(db)).toEqual([1, 1001]);
    expect(db.prepare('SELECT count(*) FROM c').pluck().get()).toBe(0);
    db.close();
  });

  it('after a stop no batch starts; the batches done are committed', async () => {
    const db = store();
    const writer = startStatementWriter(db, 60_000)!;
    let committed = 0;
    const run = writer.open((done) => (committed = done));
    run.push(batch(1));
    run.push(batch(2));
    await until(() => committed === 2);
    writer.stop();
    run.push(batch(3));
    expect(await run.end()).toBe(2);
    await writer.close();
    expect(rows(db)).toEqual([1, 2, 1001, 1002]);
    db.close();
  });

  it('a transaction waiting for a next batch commits soon: another connection can write meanwhile', async () => {
    const db = store();
    const writer = startStatementWriter(db, 60_000)!;
    const committed: number[] = [];
    const run = writer.open((done) => committed.push(done));
    run.push(batch(1));
    const t0 = performance.now();
    await until(() => committed.length > 0);
    // Long before the transaction's 60 s: no next batch came (a worker starts in well under 5 s).
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(committed).toEqual([1]);
    db.prepare('INSERT INTO t VALUES (7)').run();
    run.push(batch(2));
    expect(await run.end()).toBe(2);
    await writer.close();
    expect(rows(db)).toEqual([1, 2, 7, 1001, 1002]);
    db.close();
  });
});
