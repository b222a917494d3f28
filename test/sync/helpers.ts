import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/main/store/database';
import { VISIBLE } from '../../src/main/store/lines';

/** A real SQLite file in a fresh tmp dir. */
export function tmpDb(): { db: Db; file: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kruispost-sync-'));
  const file = join(dir, 'kruispost.sqlite');
  const db = openDatabase(file);
  return {
    db,
    file,
    dir,
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every stored line as key → [debit, credit], for whole-state comparisons. */
export function snapshot(db: Db): Record<string, [number, number]> {
  const rows = db
    .prepare<[], { unit_id: number; journal_id: string; entry_no: number; seq_no: number; debit: number; credit: number }>(
      `SELECT unit_id, journal_id, entry_no, seq_no, debit, credit FROM mutation_lines WHERE ${VISIBLE} ORDER BY 1, 2, 3, 4`,
    )
    .all();
  return Object.fromEntries(rows.map((r) => [`${r.unit_id}/${r.journal_id}/${r.entry_no}/${r.seq_no}`, [r.debit, r.credit]]));
}

/** Lines written by runs that are not done: staged, invisible to readers. */
export function stagedLines(db: Db): number {
  return db.prepare<[], number>(`SELECT count(*) FROM mutation_lines WHERE NOT ${VISIBLE}`).pluck().get() ?? 0;
}
