// Sync run history and per-slice state (read side; the sync writes them).
import type { Db } from './database';

export type SyncRunStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface SyncRun {
  id: number;
  unitId: number;
  started: string;
  finished: string | null;
  status: SyncRunStatus;
  periodFrom: string;
  periodTo: string;
  accounts: string[];
  slicesTotal: number;
  slicesFetched: number;
  rowsFetched: number;
  rowsApplied: number;
  changesMark: string | null;
  errorCode: string | null;
}

interface RunRow {
  id: number;
  unit_id: number;
  started: string;
  finished: string | null;
  status: SyncRunStatus;
  period_from: string;
  period_to: string;
  accounts: string;
  slices_total: number;
  slices_fetched: number;
  rows_fetched: number;
  rows_applied: number;
  changes_mark: string | null;
  error_code: string | null;
}

export function runFromRow(r: RunRow): SyncRun {
  return {
    id: r.id,
    unitId: r.unit_id,
    started: r.started,
    finished: r.finished,
    status: r.status,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    accounts: JSON.parse(r.accounts) as string[],
    slicesTotal: r.slices_total,
    slicesFetched: r.slices_fetched,
    rowsFetched: r.rows_fetched,
    rowsApplied: r.rows_applied,
    changesMark: r.changes_mark,
    errorCode: r.error_code,
  };
}

/** Newest first. */
export function listSyncRuns(db: Db, unitId?: number, limit = 50): SyncRun[] {
  return db
    .prepare<[number | null, number | null, number], RunRow>('SELECT * FROM sync_runs WHERE (? IS NULL OR unit_id = ?) ORDER BY id DESC LIMIT ?')
    .all(unitId ?? null, unitId ?? null, limit)
    .map(runFromRow);
}

export function getSyncRun(db: Db, id: number): SyncRun | null {
  const r = db.prepare<[number], RunRow>('SELECT * FROM sync_runs WHERE id = ?').get(id);
  return r ? runFromRow(r) : null;
}

export function lastSuccessfulRun(db: Db, unitId: number): SyncRun | null {
  const r = db.prepare<[number], RunRow>("SELECT * FROM sync_runs WHERE unit_id = ? AND status = 'done' ORDER BY id DESC LIMIT 1").get(unitId);
  return r ? runFromRow(r) : null;
}

export interface SliceState {
  unitId: number;
  month: string;
  accountsHash: string;
  changesMark: string | null;
  rows: number;
  maxModified: string | null;
  syncedAt: string;
}

export function sliceStates(db: Db, unitId: number): Map<string, SliceState> {
  const rows = db
    .prepare<[number], { month: string; accounts_hash: string; changes_mark: string | null; rows: number; max_modified: string | null; synced_at: string }>(
      'SELECT month, accounts_hash, changes_mark, rows, max_modified, synced_at FROM sync_slices WHERE unit_id = ?',
    )
    .all(unitId);
  return new Map(
    rows.map((r) => [r.month, { unitId, month: r.month, accountsHash: r.accounts_hash, changesMark: r.changes_mark, rows: r.rows, maxModified: r.max_modified, syncedAt: r.synced_at }]),
  );
}
