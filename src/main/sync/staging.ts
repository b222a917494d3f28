// Staging: fetched rows land keyed by run (and month), one transaction per page, so an interruption
// keeps what finished. Lines are staged in place: in mutation_lines under their run, invisible to
// readers until the run is done (store/lines.ts VISIBLE). applyRun swaps a run in with ONE
// transaction: before it commits, readers see the previous good state; after, the new one.
import type { AfasRow } from '../afas/types';
import type { Db } from '../store/database';
import { LINE_COLUMNS } from '../store/lines';
import { sliceOf } from './slices';

export type MasterKind = 'administration' | 'account' | 'journal' | 'creditor';

export interface Stager {
  /** Drops what a half-fetched slice left behind. */
  resetSlice(month: string): void;
  /** One batch of lines of a slice (line-batch.ts JSON, UTF-8), in one transaction. */
  stageLines(month: string, json: Uint8Array): void;
  markStaged(month: string, rows: number, maxModified: string | null): void;
  stageMaster(kind: MasterKind, rows: readonly { id: string; row: AfasRow }[]): void;
  resetMaster(): void;
}

/** The SQL that stages one batch of lines (shared with the stage worker, which runs it on its own connection). */
export const STAGE_SQL = {
  // Lines go straight into mutation_lines under their run: staged (invisible) until applyRun.
  // A batch is ONE statement over a JSON array of lineValues arrays (line-batch.ts): SQLite reads
  // it as JSONB in C, so no row is parsed, allocated or bound in JS (1M rows: ~30% less worker
  // time than a JS JSON.parse and a run() per row). The extra is a JSON object, stored as its JSON
  // text (->). The batch comes as UTF-8 bytes (a BLOB to SQLite, read as text). Rows go in array
  // order: of two with one key, the later one stays, as with one INSERT OR REPLACE per row.
  insertBatch: `INSERT OR REPLACE INTO mutation_lines (${LINE_COLUMNS.join(', ')}, run_id)
     SELECT ${LINE_COLUMNS.map((c, i) => (c === 'extra' ? `value -> ${i}` : `value ->> ${i}`)).join(', ')}, @run FROM jsonb_each(jsonb(CAST(@json AS TEXT)))`,
  lastRowid: 'SELECT coalesce(max(rowid), 0) FROM mutation_lines',
  // Visible lines with the key of a line just staged (it moved to another month or account): the
  // swap deletes them. Other runs' staged lines are gone by now (abandonUnfinished).
  displace: `INSERT OR IGNORE INTO line_displaced (run_id, month, line)
     SELECT n.run_id, ?, o.rowid FROM mutation_lines n JOIN mutation_lines o
       ON o.unit_id = n.unit_id AND o.journal_id = n.journal_id AND o.entry_no = n.entry_no AND o.seq_no = n.seq_no AND o.run_id IS NOT n.run_id
     WHERE n.rowid > ? AND n.run_id = ?`,
  // Whether the run's unit has lines besides the run's own: if not (its first sync), no staged line
  // can displace one, and the probe per batch is skipped. Nothing else writes the unit meanwhile.
  othersOfUnit: `SELECT EXISTS (SELECT 1 FROM mutation_lines WHERE unit_id = (SELECT unit_id FROM sync_runs WHERE id = @run) AND run_id IS NOT @run)`,
} as const;

export function createStager(db: Db, runId: number): Stager {
  const insertBatch = db.prepare(STAGE_SQL.insertBatch);
  const lastRowid = db.prepare<[], number>(STAGE_SQL.lastRowid).pluck();
  const displace = db.prepare(STAGE_SQL.displace);
  const insertMaster = db.prepare('INSERT OR REPLACE INTO staging_master (run_id, kind, id, raw) VALUES (?, ?, ?, ?)');
  // Asked at the first batch: most stagers never stage lines themselves (the worker does).
  let displaces: boolean | undefined;
  const stageLines = db.transaction((month: string, json: Uint8Array) => {
    displaces ??= db.prepare<{ run: number }, number>(STAGE_SQL.othersOfUnit).pluck().get({ run: runId }) === 1;
    const after = lastRowid.get() ?? 0;
    insertBatch.run({ json, run: runId });
    if (displaces) displace.run(month, after, runId);
  });
  const stageMaster = db.transaction((kind: MasterKind, rows: readonly { id: string; row: AfasRow }[]) => {
    for (const r of rows) insertMaster.run(runId, kind, r.id, JSON.stringify(r.row));
  });
  return {
    resetSlice: (month) => runStatements(db, resetSliceStatements(db, runId, month)),
    stageLines: (month, json) => stageLines(month, json),
    markStaged: (month, rows, maxModified) => runStatements(db, markStagedStatements(runId, month, rows, maxModified)),
    stageMaster: (kind, rows) => stageMaster(kind, rows),
    resetMaster: () => void db.prepare('DELETE FROM staging_master WHERE run_id = ?').run(runId),
  };
}

/** One SQL statement with its parameters: the unit of work the stage worker runs as well. */
export type Statement = readonly [sql: string, params: readonly unknown[]];

export function runStatements(db: Db, statements: readonly Statement[]): void {
  db.transaction(() => {
    for (const [sql, params] of statements) db.prepare(sql).run(...params);
  })();
}

/** What resetSlice writes (it reads the run here): the slice's staged lines and bookkeeping dropped. */
export function resetSliceStatements(db: Db, runId: number, month: string): Statement[] {
  const out: Statement[] = [];
  // The slice's own accounts when it has them (a month after the period), else the run's.
  const run = db
    .prepare<[string, number], { unit_id: number; accounts: string }>(
      'SELECT r.unit_id, coalesce(s.accounts, r.accounts) AS accounts FROM sync_runs r LEFT JOIN sync_run_slices s ON s.run_id = r.id AND s.month = ? WHERE r.id = ?',
    )
    .get(month, runId);
  if (run) {
    const range = sliceOf(month);
    // A slice's lines are of the run's unit and accounts, dated in the month (the AFAS filter).
    out.push([
      `DELETE FROM mutation_lines WHERE unit_id = ? AND account_no IN (SELECT value FROM json_each(?))
       AND entry_date >= ? AND entry_date <= ? AND run_id = ?`,
      [run.unit_id, run.accounts, range.start, range.end, runId],
    ]);
  }
  out.push(['DELETE FROM line_displaced WHERE run_id = ? AND month = ?', [runId, month]]);
  out.push(["UPDATE sync_run_slices SET status = 'pending', rows = 0, max_modified = NULL WHERE run_id = ? AND month = ?", [runId, month]]);
  return out;
}

export function markStagedStatements(runId: number, month: string, rows: number, maxModified: string | null): Statement[] {
  return [["UPDATE sync_run_slices SET status = 'staged', rows = ?, max_modified = ? WHERE run_id = ? AND month = ?", [rows, maxModified, runId, month]]];
}

/** Drops every line a run staged (a run that will not be resumed). */
export function dropStagedLines(db: Db, unitId: number, runId: number): void {
  db.prepare('DELETE FROM mutation_lines WHERE unit_id = ? AND run_id = ?').run(unitId, runId);
  db.prepare('DELETE FROM line_displaced WHERE run_id = ?').run(runId);
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const flag = (v: unknown): number | null => (v === null || v === undefined ? null : v ? 1 : 0);

/**
 * The swap, in one transaction: master data of the unit replaced; per staged slice, the lines of
 * the run's accounts in that month replaced (so lines deleted in AFAS vanish); the slice
 * bookkeeping updated; staging dropped; the run marked done. Matches, notes and sign-offs are
 * keyed by line key and are not touched.
 */
export function applyRun(db: Db, run: { id: number; unitId: number; accounts: string[]; changesMark: string | null; at: string }): { rowsApplied: number } {
  return db.transaction(() => {
    const { id, unitId } = run;
    const master = db.prepare<[number, string], { id: string; raw: string }>('SELECT id, raw FROM staging_master WHERE run_id = ? AND kind = ?');
    const masterStaged = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM sync_run_slices WHERE run_id = ? AND month = 'master' AND status = 'staged'").get(id)!.n > 0;
    if (masterStaged) {
      for (const r of master.all(id, 'administration')) {
        const row = JSON.parse(r.raw) as AfasRow;
        db.prepare(
          `INSERT INTO administrations (unit_id, name, code, synced_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (unit_id) DO UPDATE SET name = excluded.name, code = excluded.code, synced_at = excluded.synced_at`,
        ).run(Number(r.id), str(row.AdminNm), str(row.AdminCd), run.at);
      }
      db.prepare('DELETE FROM ledger_accounts WHERE unit_id = ?').run(unitId);
      const acc = db.prepare('INSERT INTO ledger_accounts (unit_id, account_no, description, type, blocked, raw) VALUES (?, ?, ?, ?, ?, ?)');
      for (const r of master.all(id, 'account')) {
        const row = JSON.parse(r.raw) as AfasRow;
        acc.run(unitId, r.id, str(row.Description), str(row.Type), flag(row.Blocked), r.raw);
      }
      db.prepare('DELETE FROM journals WHERE unit_id = ?').run(unitId);
      const jou = db.prepare('INSERT INTO journals (unit_id, journal_id, description, journal_type, blocked, raw) VALUES (?, ?, ?, ?, ?, ?)');
      for (const r of master.all(id, 'journal')) {
        const row = JSON.parse(r.raw) as AfasRow;
        jou.run(unitId, r.id, str(row.Description), str(row.JournalType), flag(row.Blocked), r.raw);
      }
      db.prepare('DELETE FROM creditors WHERE unit_id = ?').run(unitId);
      const cre = db.prepare('INSERT INTO creditors (unit_id, creditor_id, name, iban, raw) VALUES (?, ?, ?, ?, ?)');
      for (const r of master.all(id, 'creditor')) {
        const row = JSON.parse(r.raw) as AfasRow;
        cre.run(unitId, r.id, str(row.CreditorName), str(row.IBAN), r.raw);
      }
    }
    const slices = db
      .prepare<[number], { month: string; rows: number; max_modified: string | null; accounts: string | null }>(
        "SELECT month, rows, max_modified, accounts FROM sync_run_slices WHERE run_id = ? AND status = 'staged' AND month <> 'master' ORDER BY month",
      )
      .all(id);
    const runAccounts = JSON.stringify(run.accounts);
    // The run's lines are in place already (a repeated row collapsed when staged, the last one
    // winning): the swap only deletes the visible lines they replace, then marks the run done.
    db.prepare('DELETE FROM mutation_lines WHERE rowid IN (SELECT line FROM line_displaced WHERE run_id = ?) AND run_id IS NOT ?').run(id, id);
    const del = db.prepare(
      `DELETE FROM mutation_lines WHERE unit_id = ? AND account_no IN (SELECT value FROM json_each(?))
       AND entry_date >= ? AND entry_date <= ? AND run_id IS NOT ?`,
    );
    const count = db
      .prepare<[number, string, string, string, number], number>(
        `SELECT count(*) FROM mutation_lines WHERE unit_id = ? AND account_no IN (SELECT value FROM json_each(?))
         AND entry_date >= ? AND entry_date <= ? AND run_id = ?`,
      )
      .pluck();
    const book = db.prepare(
      `INSERT INTO sync_slices (unit_id, month, accounts_hash, changes_mark, rows, max_modified, synced_at, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (unit_id, month) DO UPDATE SET accounts_hash = excluded.accounts_hash, changes_mark = excluded.changes_mark,
         rows = excluded.rows, max_modified = excluded.max_modified, synced_at = excluded.synced_at, run_id = excluded.run_id`,
    );
    let rowsApplied = 0;
    for (const s of slices) {
      const range = sliceOf(s.month);
      // A slice replaces the lines of the accounts it was fetched with, and records them.
      const accounts = s.accounts ?? runAccounts;
      del.run(unitId, accounts, range.start, range.end, id);
      rowsApplied += count.get(unitId, accounts, range.start, range.end, id) ?? 0;
      book.run(unitId, s.month, hashAccounts(JSON.parse(accounts) as string[]), run.changesMark, s.rows, s.max_modified, run.at, id);
    }
    db.prepare('DELETE FROM line_displaced WHERE run_id = ?').run(id);
    db.prepare('DELETE FROM staging_master WHERE run_id = ?').run(id);
    db.prepare("UPDATE sync_runs SET status = 'done', finished = ?, rows_applied = ?, error_code = NULL WHERE id = ?").run(run.at, rowsApplied, id);
    return { rowsApplied };
  })();
}

/** Order-independent identity of an account set (a changed set refetches the slice). */
export function hashAccounts(accounts: readonly string[]): string {
  return JSON.stringify([...new Set(accounts)].sort());
}
