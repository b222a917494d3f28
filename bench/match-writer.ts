// Diagnostic (not a target): the match writer's thread on a database kept by bench:month-end
// (BENCH_KEEP=1 prints its directory). On a copy: its auto matches are deleted, then planned again
// (planBulkMatches, as a sync does) and written by startStatementWriter, once with one transaction
// per batch and once with the writer's own transactions; prints the writer's time for both.
//   npx tsx bench/match-writer.ts <kept dir>/data/kruispost.sqlite
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planBulkMatches } from '../src/main/store/bulk-plan';
import { listMatches } from '../src/main/store/controller-reads';
import { openDatabase } from '../src/main/store/database';
import { startStatementWriter, TRANSACTION_MS } from '../src/main/store/statement-writer';

const source = process.argv[2];
if (!source || !existsSync(source)) throw new Error('usage: npx tsx bench/match-writer.ts <kept bench database>');

async function replay(transactionMs: number): Promise<void> {
  const file = join(tmpdir(), `kruispost-match-writer-${transactionMs}.sqlite`);
  const drop = () => ['', '-wal', '-shm'].forEach((s) => rmSync(file + s, { force: true }));
  drop();
  copyFileSync(source!, file);
  if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${file}-wal`);
  const db = openDatabase(file);
  const auto = db.prepare<[], number>("SELECT unit_id FROM matches WHERE created_by = 'auto' LIMIT 1").pluck().get();
  if (auto === undefined) throw new Error('the database has no auto matches: keep one of bench:month-end');
  const proposals = listMatches(db, auto).filter((m) => m.by === 'auto');
  db.exec("DELETE FROM match_lines WHERE match_id IN (SELECT id FROM matches WHERE created_by = 'auto'); DELETE FROM matches WHERE created_by = 'auto'");
  db.pragma('wal_checkpoint(TRUNCATE)');
  const plan = planBulkMatches(db, proposals, [], 'auto', new Date().toISOString());
  const writer = startStatementWriter(db, transactionMs)!;
  const t0 = performance.now();
  const done = await writer.run(plan.batches);
  const seconds = (performance.now() - t0) / 1000;
  await writer.close();
  const lines = proposals.reduce((n, m) => n + m.lines.length, 0);
  console.log(`transactions of ${transactionMs} ms: ${done}/${plan.batches.length} batches, ${plan.kept.length} matches, ${lines} lines in ${seconds.toFixed(2)} s`);
  db.close();
  drop();
}

await replay(0); // one transaction per batch, as before the writer shared them
await replay(TRANSACTION_MS);
