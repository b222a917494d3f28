// Sync run history and per-slice state (read side; the sync writes them).
import type { RetryCounts } from '../../shared/views';
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
  retries: RetryCounts;
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
  retries: string;
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
    retries: JSON.parse(r.retries) as RetryCounts,
  };
}

/** a + b, per connector and status. */
export function addRetries(a: RetryCounts, b: RetryCounts): RetryCounts {
  const out: RetryCounts = structuredClone(a);
  for (const [what, byStatus] of Object.entries(b)) {
    const o = (out[what] ??= {});
    for (const [status, n] of Object.entries(byStatus)) o[status] = (o[status] ?? 0) + n;
  }
  return out;
}

/** a − b (counts that only grow: what happened between two readings). */
export function retriesSince(now: RetryCounts, before: RetryCounts): RetryCounts {
  const out: RetryCounts = {};
  for (const [what, byStatus] of Object.entries(now)) {
    for (const [status, n] of Object.entries(byStatus)) {
      const d = n - (before[what]?.[status] ?? 0);
      if (d > 0) (out[what] ??= {})[status] = d;
    }
  }
  return out;
}

/** Adds retries to a run's record. */
export function recordRetries(db: Db, runId: number, retries: RetryCounts): void {
  if (Object.keys(retries).length === 0) return;
  const row = db.prepare<[number], { retries: string }>('SELECT retries FROM sync_runs WHERE id = ?').get(runId);
  if (!row) return;
  db.prepare('UPDATE sync_runs SET retries = ? WHERE id = ?').run(JSON.stringify(addRetries(JSON.parse(row.retries) as RetryCounts, retries)), runId);
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
