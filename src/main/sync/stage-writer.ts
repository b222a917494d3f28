// Stage writer: the SQLite inserts of a slice's lines run on a worker thread with its own
// connection to the same file, so parsing the next pages (main thread) and inserting the previous
// ones (worker) overlap on two cores. WAL allows one writer: while batches are in flight the main
// thread only reads; flush() before any main-thread write. Batches commit in the order sent, one
// transaction each, exactly as createStager's stageLines would; acknowledgements come back in
// that order. The worker is plain JS given as source (eval), so it loads the same way under tsx,
// vitest and the electron-vite bundle; it only needs better-sqlite3, resolved here.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { walCheckpointPages, type Db } from '../store/database';
import { STAGE_SQL, markStagedStatements, resetSliceStatements, type Statement } from './staging';

export interface LineWriter {
  /** Queues the slice's reset (see Stager.resetSlice); resolves when the queue has room. */
  resetSlice(month: string): Promise<void>;
  /** Queues one batch (line-batch.ts JSON, UTF-8; one transaction; its bytes move to the worker, unusable here after). Resolves when the queue has room; rejects with the worker's error. */
  stage(month: string, json: Uint8Array): Promise<void>;
  /** Queues the slice's mark (see Stager.markStaged): committed only after the batches before it. */
  markStaged(month: string, rows: number, maxModified: string | null): Promise<void>;
  /**
   * Queues statements to run, in one transaction, after every batch before them is committed;
   * onCommitted runs once they are (progress reports only what a crash would keep).
   */
  exec(statements: readonly Statement[], onCommitted?: () => void): Promise<void>;
  /** Resolves when everything queued is committed (rejects if anything failed). */
  flush(): Promise<void>;
  /** Drains, closes the worker's connection and ends the thread. Never rejects. */
  close(): Promise<void>;
}

/**
 * Line batches sent but not committed: one being written, one waiting (memory stays bounded, the
 * worker never idles while the next pages are parsed). Statements do not count: a slice's reset
 * and mark must not hold back the parsing of the next slice.
 */
const MAX_BATCHES_IN_FLIGHT = 2;

// CommonJS, run with eval. Messages: { month, json, statements } (json: a line batch, UTF-8 bytes
// transferred, which SQLite reads itself) or { close: true }. After a
// failure nothing more is written: a slice is never marked staged without all its lines.
// Page cache 16 MB, as the main connection's: at 1M rows a 64 MB one pushed peak RSS past 500 MB.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = ' + workerData.walCheckpointPages);
db.pragma('journal_size_limit = 67108864');
db.pragma('cache_size = -16384');
db.pragma('foreign_keys = ON');
const insertBatch = db.prepare(workerData.sql.insertBatch);
const lastRowid = db.prepare(workerData.sql.lastRowid).pluck();
const displace = db.prepare(workerData.sql.displace);
const prepared = new Map();
const runId = workerData.runId;
const displaces = db.prepare(workerData.sql.othersOfUnit).pluck().get({ run: runId }) === 1;
const work = db.transaction((m) => {
  if (m.json !== undefined) {
    const after = lastRowid.get();
    insertBatch.run({ json: m.json, run: runId });
    if (displaces) displace.run(m.month, after, runId);
  }
  for (const [sql, params] of m.statements) {
    let st = prepared.get(sql);
    if (st === undefined) prepared.set(sql, (st = db.prepare(sql)));
    st.run(...params);
  }
});
let failed = null;
parentPort.on('message', (m) => {
  if (m.close) {
    db.close();
    parentPort.close();
    return;
  }
  if (failed === null) {
    try {
      work(m);
    } catch (e) {
      failed = { message: e && e.message ? String(e.message) : String(e), code: e && e.code ? String(e.code) : undefined };
    }
  }
  parentPort.postMessage(failed === null ? { ok: true } : { ok: false, ...failed });
});
`;

/** A writer for the run's lines, or null when the database has no file a second connection can open. */
export function startLineWriter(db: Db, runId: number): LineWriter | null {
  if (db.memory || db.name === '' || db.name === ':memory:') return null;
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { sqlite, file: db.name, sql: STAGE_SQL, runId, walCheckpointPages: walCheckpointPages(db) },
    // The worker holds at most a batch or two (~20 MB); a small old generation makes V8 collect
    // early instead of growing the heap (peak RSS of a 1M-row sync stays under 500 MB).
    resourceLimits: { maxOldGenerationSizeMb: 96 },
  });
  const pending: { batch: boolean; onCommitted?: () => void; resolve: () => void; reject: (e: Error) => void }[] = [];
  let batches = 0;
  let failure: Error | null = null;
  let exited = false;
  let slot: (() => void) | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    for (const p of pending.splice(0)) p.reject(failure);
    slot?.();
  };
  worker.on('message', (m: { ok: boolean; message?: string; code?: string }) => {
    const p = pending.shift();
    if (p?.batch) batches -= 1;
    if (m.ok) {
      p?.onCommitted?.();
      p?.resolve();
    }
    else {
      const e = Object.assign(new Error(m.message ?? 'staging failed'), { code: m.code });
      p?.reject(e);
      fail(e);
    }
    slot?.();
  });
  worker.on('error', (e) => fail(e));
  const exit = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true;
      if (pending.length > 0) fail(new Error('stage worker exited'));
      resolve();
    }),
  );
  const settled = (): Promise<void> => {
    const last = pending.at(-1);
    if (failure) return Promise.reject(failure);
    if (!last) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const { resolve: r0, reject: j0 } = last;
      last.resolve = () => {
        r0();
        resolve();
      };
      last.reject = (e) => {
        j0(e);
        reject(e);
      };
    });
  };
  const send = async (message: { month?: string; json?: Uint8Array; statements: readonly Statement[] }, onCommitted?: () => void): Promise<void> => {
    if (failure) throw failure;
    const batch = message.json !== undefined;
    if (batch) batches += 1;
    const done = new Promise<void>((resolve, reject) => pending.push({ batch, onCommitted, resolve, reject }));
    done.catch(() => undefined); // surfaced through send/flush, not as an unhandled rejection
    const bytes = message.json;
    // Moved, not copied, when the bytes own their buffer (encodeBatch's do).
    const own = bytes !== undefined && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    worker.postMessage(message, own ? [bytes.buffer as ArrayBuffer] : []);
    while (batches > MAX_BATCHES_IN_FLIGHT - 1 && !failure) await new Promise<void>((r) => (slot = r));
    slot = null;
    if (failure) throw failure;
  };
  return {
    resetSlice: (month) => send({ statements: resetSliceStatements(db, runId, month) }),
    stage: (month, json) => send({ month, json, statements: [] }),
    markStaged: (month, rows, maxModified) => send({ statements: markStagedStatements(runId, month, rows, maxModified) }),
    exec: (statements, onCommitted) => send({ statements }, onCommitted),
    flush: settled,
    async close() {
      if (exited) return;
      await settled().catch(() => undefined);
      worker.postMessage({ close: true });
      const timer = setTimeout(() => void worker.terminate(), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
