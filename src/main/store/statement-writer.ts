// Statements written on a thread of their own, with its own connection to the same file: the
// backend's thread goes on computing (the month's picture) while SQLite writes (a run's 200,000
// auto matches). Each batch is one transaction; a batch that fails rolls back and stops the rest.
// Between batches the worker reads a stop flag, so a cancel keeps what was committed. Plain JS
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

// Messages: { batch } (each one transaction, answered { committed: n }), then { end } → { done: n }
// or { failed: message, done: n }. After a failure or a stop the run's later batches are skipped.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = ' + workerData.walCheckpointPages);
db.pragma('foreign_keys = ON');
const stop = new Int32Array(workerData.stop);
const prepared = new Map();
const run = db.transaction((statements) => {
  for (const [sql, params] of statements) {
    let st = prepared.get(sql);
    if (st === undefined) prepared.set(sql, (st = db.prepare(sql)));
    st.run(...params);
  }
});
let n = 0;
let failed = null;
let stopped = false;
parentPort.on('message', (m) => {
  if (m.close) {
    db.close();
    parentPort.close();
    return;
  }
  if (m.end) {
    parentPort.postMessage(failed === null ? { done: n } : { failed, done: n });
    n = 0;
    failed = null;
    stopped = false;
    return;
  }
  if (failed !== null || stopped || (stopped = Atomics.load(stop, 0) === 1)) return;
  try {
    run(m.batch);
    parentPort.postMessage({ committed: ++n });
  } catch (e) {
    failed = e && e.message ? String(e.message) : String(e);
  }
});
`;

/** A writer on the database's file, or null when there is no file a second connection can open. */
export function startStatementWriter(db: Db): StatementWriter | null {
  if (db.memory || db.name === '' || db.name === ':memory:') return null;
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { sqlite: createRequire(import.meta.url).resolve('better-sqlite3'), file: db.name, stop: stop.buffer, walCheckpointPages: walCheckpointPages(db) },
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
