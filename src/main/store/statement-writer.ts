// Statements written on a thread of their own, with its own connection to the same file: the
// backend's thread goes on computing (the month's picture) while SQLite writes (a run's 200,000
// auto matches). Each batch is all or nothing (a savepoint); a batch that fails rolls back and
// stops the rest. Batches share a transaction for up to TRANSACTION_MS: every commit writes each
// page the batches dirtied, and consecutive batches dirty the same index pages (match_lines'
// key index), so one commit per batch wrote them 41 times for 200,000 matches (bench/match-writer.ts:
// 3.7-4.4 s -> 3.1-3.5 s). Before each batch the worker reads a stop
// flag: a cancel commits what is done and writes no more. Plain JS
// given as source (eval), as the stage writer is: it loads the same way under tsx, vitest and the
// bundle, and needs only better-sqlite3.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { walCheckpointPages, type Db } from './database';
import type { Statement } from '../sync/staging';

export interface StatementWriter {
  /** Runs the batches in order; resolves with how many committed (fewer when stopped). The batches are copied to the writer's thread at once: the caller may drop them right after. */
  run(batches: readonly (readonly Statement[])[], onBatch?: (done: number) => void): Promise<number>;
  /**
   * The same, with the batches sent one by one as the caller makes them: the writer starts on the
   * first while the next is made, and no batch waits in memory for the rest. One open run at a time.
   */
  open(onBatch?: (done: number) => void): WriterRun;
  /** No batch after the one being written starts. */
  stop(): void;
  close(): Promise<void>;
}

export interface WriterRun {
  push(batch: readonly Statement[]): void;
  /** No more batches: resolves with how many committed; rejects (with `committed`) when one failed. */
  end(): Promise<number>;
}

/** How long one transaction takes batches: short enough that a cancel or another connection's write waits little. */
export const TRANSACTION_MS = 300;

// Messages: { batch } (answered { committed: n } at each commit, n counting this run's batches),
// then { end } → { done: n } or { failed: message, done: n }. After a failure or a stop the run's later batches are skipped.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = ' + workerData.walCheckpointPages);
db.pragma('foreign_keys = ON');
db.pragma('temp_store = MEMORY'); // the batches' temp tables (5,000 proposals at most) need no file
const stop = new Int32Array(workerData.stop);
const prepared = new Map();
// Inside the open transaction better-sqlite3 runs this as a savepoint: a failing batch rolls back alone.
const run = db.transaction((statements) => {
  for (const [sql, params] of statements) {
    let st = prepared.get(sql);
    if (st === undefined) prepared.set(sql, (st = db.prepare(sql)));
    st.run(...params);
  }
});
let n = 0; // batches committed in this run
let pending = 0; // batches done in the open transaction
let openedAt = 0;
let idle = null;
let failed = null;
let stopped = false;
const message = (e) => (e && e.message ? String(e.message) : String(e));
const commit = () => {
  clearTimeout(idle);
  idle = null;
  if (db.inTransaction) {
    try {
      db.exec('COMMIT');
      n += pending;
      if (pending > 0) parentPort.postMessage({ committed: n });
    } catch (e) {
      // Nothing of the open transaction is kept; no later batch runs.
      if (failed === null) failed = message(e);
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  }
  pending = 0; // also when a failure SQLite rolled back whole took them with it
};
parentPort.on('message', (m) => {
  if (m.close) {
    commit();
    db.close();
    parentPort.close();
    return;
  }
  if (m.end) {
    commit();
    parentPort.postMessage(failed === null ? { done: n } : { failed, done: n });
    n = 0;
    failed = null;
    stopped = false;
    return;
  }
  if (failed !== null || stopped) return;
  if ((stopped = Atomics.load(stop, 0) === 1)) return commit();
  clearTimeout(idle);
  if (!db.inTransaction) {
    db.exec('BEGIN');
    openedAt = performance.now();
  }
  try {
    run(m.batch);
    pending++;
  } catch (e) {
    failed = message(e);
    return commit();
  }
  // Committed when the budget is spent, or when no next batch comes soon (the sender is slower).
  if (performance.now() - openedAt >= workerData.transactionMs) commit();
  else idle = setTimeout(commit, 20);
});
`;

/** A writer on the database's file, or null when there is no file a second connection can open. */
export function startStatementWriter(db: Db, transactionMs = TRANSACTION_MS): StatementWriter | null {
  if (db.memory || db.name === '' || db.name === ':memory:') return null;
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      sqlite: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: db.name,
      stop: stop.buffer,
      walCheckpointPages: walCheckpointPages(db),
      transactionMs,
    },
  });
  const exit = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const open = (onBatch?: (done: number) => void): WriterRun => {
    const ended = new Promise<number>((resolve, reject) => {
      const onMessage = (m: { committed?: number; done?: number; failed?: string }) => {
        if (m.committed !== undefined) onBatch?.(m.committed);
        if (m.done === undefined) return;
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (m.failed !== undefined) reject(Object.assign(new Error(m.failed), { committed: m.done }));
        else resolve(m.done);
      };
      const onError = (e: Error) => reject(e);
      worker.on('message', onMessage);
      worker.once('error', onError);
    });
    ended.catch(() => undefined); // the caller's end() hands it on
    return {
      push: (batch) => worker.postMessage({ batch }),
      end: () => {
        worker.postMessage({ end: true });
        return ended;
      },
    };
  };
  return {
    open,
    run(batches, onBatch) {
      const r = open(onBatch);
      for (const b of batches) r.push(b);
      return r.end();
    },
    stop: () => Atomics.store(stop, 0, 1),
    async close() {
      worker.postMessage({ close: true });
      const timer = setTimeout(() => void worker.terminate(), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
