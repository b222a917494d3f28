// listMatches on a thread of its own: a sync's engine reads the unit's lines (seconds at 600,000)
// while this reads its stored matches (1–3 s at 100,000–200,000), so the two reads overlap on two
// cores. The thread builds the matches as listMatches does and hands them over as JSON, which
// this thread parses natively (a third of building them here). The worker is plain JS given as
// source, as the stage writer's (store/statement-writer.ts says why); a test holds its result to
// listMatches'.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { StoredMatch } from '../../shared/reconcile';
import { LIST_MATCHES_SQL } from './controller-reads';
import type { Db } from './database';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { readonly: true });
db.pragma('busy_timeout = 5000');
const out = [];
let last = null;
for (const r of db.prepare(workerData.sql).raw(true).iterate(workerData.unitId, null, null)) {
  if (last === null || last.id !== r[0]) {
    last = { id: r[0], unitId: workerData.unitId, account: r[1], lines: [], method: r[2], difference: r[3], reason: r[4], evidence: JSON.parse(r[5]), by: r[6], at: r[7] };
    if (r[10]) {
      last.category = r[10];
      last.correction = r[11] ? JSON.parse(r[11]) : null;
    }
    out.push(last);
  }
  last.lines.push({ key: r[8], amount: r[9] });
}
db.close();
const bytes = new TextEncoder().encode(JSON.stringify(out));
parentPort.postMessage(bytes, [bytes.buffer]);
`;

/**
 * The unit's active matches as listMatches(db, unitId) reads them, read on another connection
 * and thread; null when the database has no file another connection can open.
 */
export function readMatchesAside(db: Db, unitId: number): Promise<StoredMatch[]> | null {
  if (db.memory || db.name === '' || db.name === ':memory:') return null;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { sqlite: createRequire(import.meta.url).resolve('better-sqlite3'), file: db.name, sql: LIST_MATCHES_SQL, unitId },
  });
  return new Promise<StoredMatch[]>((resolve, reject) => {
    worker.once('message', (bytes: Uint8Array) => {
      resolve(JSON.parse(new TextDecoder().decode(bytes)) as StoredMatch[]);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`matches reader exited ${code}`)));
  });
}
