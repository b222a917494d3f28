// Sync of one administration: AFAS → staging → one-transaction swap. Incremental (only slices whose
// content changed, plus the open period), resumable (staged slices survive an interruption, keyed
// by run), cancellable, and never half-written: until the swap commits, the previous state stands.
import { type AdministrationConfig, type MutationLine, type Period, periodId } from '../../shared/domain';
import { AppFailure, isAppFailure } from '../../shared/errors';
import { toMutationLine } from '../afas/mutation-row';
import type { AfasClient, AfasRow } from '../afas/types';
import type { Db } from '../store/database';
import type { RetryCounts } from '../../shared/views';
import { lastSuccessfulRun, recordRetries, retriesSince, sliceStates } from '../store/sync-runs';
import { changedSince, readChanges, CHANGED_CONNECTOR, type Changes } from './changes';
import { discoverCreditors, fetchMaster, fetchSlice, type FetchContext } from './fetch';
import { ProgressTracker, type SyncProgress } from './progress';
import { amsterdamDate, monthsBetween, sliceOf, type MonthSlice } from './slices';
import { applyRun, createStager, dropStagedLines, hashAccounts, runStatements, type Statement } from './staging';
import { startLineWriter } from './stage-writer';
import { creditorDiscoveryJournals, lookaheadAccountsOf, syncAccountsOf } from '../reconcile/profiles';
import { lastMonthWithLines, lookaheadWindow, planLookahead } from './lookahead';

export interface SyncOptions {
  db: Db;
  client: AfasClient;
  config: AdministrationConfig;
  from: Period;
  to: Period;
  signal?: AbortSignal;
  onProgress?: (p: SyncProgress) => void;
  /** Row → MutationLine; defaults to the AFAS client's toMutationLine. */
  parse?: (row: AfasRow) => MutationLine;
  /** Clock (tests): decides the open period and timestamps. */
  now?: () => Date;
  /** Page size for GetConnector calls. */
  take?: number;
}

export interface SyncResult {
  runId: number;
  status: 'done' | 'cancelled';
  resumed: boolean;
  accounts: string[];
  /** Months in from..to, and the months after `to` read for the lookahead accounts */
  slicesTotal: number;
  /** The months after `to` whose lookahead-account lines (releases still to come) the store holds. */
  lookahead: string[];
  /** Months fetched by this call */
  slicesFetched: string[];
  /** Months left as they were (unchanged in AFAS) */
  slicesUnchanged: string[];
  rowsFetched: number;
  rowsApplied: number;
  /** GetConnector pages requested, per connector */
  requests: Record<string, number>;
  /** The client's retries during this call, per connector and status (also added to the run's record). */
  retries: RetryCounts;
}

/** The accounts every profile of the administration names, and their bank accounts. */
export function profileAccounts(config: AdministrationConfig): string[] {
  return syncAccountsOf(config);
}

interface RunRow {
  id: number;
  status: string;
  period_from: string;
  period_to: string;
  accounts: string;
  changes_mark: string | null;
}

export async function syncAdministration(opts: SyncOptions): Promise<SyncResult> {
  const { db, client, config, signal } = opts;
  const unitId = config.unitId;
  const now = opts.now ?? (() => new Date());
  const parse = opts.parse ?? toMutationLine;
  const periodFrom = periodId(opts.from);
  const periodTo = periodId(opts.to);
  const months = monthsBetween(opts.from, opts.to);
  if (months.length === 0) {
    throw new AppFailure('sync-period-range', { nl: 'De eindperiode ligt vóór de beginperiode.', en: 'The end period is before the start period.' });
  }
  const openMonth = amsterdamDate(now()).slice(0, 7);
  const base = profileAccounts(config);
  const requests = new Map<string, number>();
  const tracker = new ProgressTracker(months.length, new Map(), opts.onProgress);
  const ctx: FetchContext = {
    client, unitId, signal, take: opts.take, parse, requests,
    onRows: (n) => {
      tracker.rowsFetched += n;
      tracker.report();
    },
  };
  const count = (c: string, n: number) => requests.set(c, (requests.get(c) ?? 0) + n);
  const retriesBefore = client.retryCounts?.() ?? {};
  const retries = () => retriesSince(client.retryCounts?.() ?? {}, retriesBefore);

  // Resume the newest run of this unit when it was interrupted on the same range and accounts.
  const newest = db
    .prepare<[number], RunRow>('SELECT id, status, period_from, period_to, accounts, changes_mark FROM sync_runs WHERE unit_id = ? ORDER BY id DESC LIMIT 1')
    .get(unitId);
  // A run is planned (resumable) once its accounts are recorded; before that they are '[]'.
  const resumable =
    newest !== undefined &&
    newest.status !== 'done' &&
    newest.period_from === periodFrom &&
    newest.period_to === periodTo &&
    base.every((a) => (JSON.parse(newest.accounts) as string[]).includes(a));
  abandonUnfinished(db, unitId, resumable ? newest.id : null);

  let runId: number;
  let accounts: string[];
  let lookahead: string[] = [];
  const states = sliceStates(db, unitId);
  tracker.phase = 'plan';
  tracker.report();
  try {
    if (resumable) {
      runId = newest.id;
      accounts = JSON.parse(newest.accounts) as string[];
      db.prepare("UPDATE sync_runs SET status = 'running', error_code = NULL WHERE id = ?").run(runId);
      // AFAS may have changed while we were away: staged slices touched since are fetched again.
      const changes = await changesOrAll(client, newest.changes_mark, signal, count);
      const stager = createStager(db, runId);
      const staged = db
        .prepare<[number], { month: string }>("SELECT month FROM sync_run_slices WHERE run_id = ? AND status = 'staged' AND month <> 'master'")
        .all(runId);
      for (const s of staged) {
        if (changes === null || changedSince(changes, s.month, newest.changes_mark)) stager.resetSlice(s.month);
      }
    } else {
      const previousMarks = months.map((m) => states.get(m.month)?.changesMark ?? null).filter((m): m is string => m !== null);
      const since = previousMarks.length > 0 ? previousMarks.reduce((a, b) => (a < b ? a : b)) : null;
      const changes = await changesOrAll(client, since, signal, count);
      const at = now().toISOString();
      runId = Number(
        db
          .prepare(
            "INSERT INTO sync_runs (unit_id, started, status, period_from, period_to, accounts, changes_mark) VALUES (?, ?, 'running', ?, ?, ?, ?)",
          )
          .run(unitId, at, periodFrom, periodTo, '[]', changes?.mark ?? null).lastInsertRowid, // accounts set when planned
      );
      db.prepare("INSERT INTO sync_run_slices (run_id, month, status) VALUES (?, 'master', 'pending')").run(runId);
      const stager = createStager(db, runId);
      tracker.phase = 'master';
      tracker.report();
      await fetchMaster(ctx, stager);
      stager.markStaged('master', 0, null);

      const isDirty = (m: MonthSlice, hash: string | null) => {
        const st = states.get(m.month);
        return st === undefined || changes === null || m.month >= openMonth || (hash !== null && st.accountsHash !== hash) || changedSince(changes, m.month, st.changesMark);
      };
      accounts = base;
      // Creditors a profile finds in its journal (Moss's merchant creditors, unless configured).
      const discoverIn = creditorDiscoveryJournals(config);
      if (discoverIn.length > 0) {
        tracker.phase = 'discover';
        tracker.report();
        const creditorIds = new Set(
          db.prepare<[number], { id: string }>("SELECT id FROM staging_master WHERE run_id = ? AND kind = 'creditor'").all(runId).map((r) => r.id),
        );
        const known = lastSuccessfulRun(db, unitId)?.accounts ?? [];
        const found = new Set(known.filter((a) => creditorIds.has(a)));
        const changed = months.filter((mm) => isDirty(mm, null));
        if (changed.length > 0) {
          for (const journal of discoverIn) for (const c of await discoverCreditors(ctx, changed[0]!.start, changed[changed.length - 1]!.next, journal, creditorIds)) found.add(c);
        }
        accounts = [...new Set([...base, ...found])];
      }
      const hash = hashAccounts(accounts);
      const dirty = months.filter((m) => isDirty(m, hash));
      // The months after the period, for the accounts whose future lines the rules read.
      const ahead = lookaheadAccountsOf(config);
      const last = ahead.length > 0 ? await lastMonthWithLines(ctx, ahead, lookaheadWindow(opts.to)) : null;
      const plan = planLookahead({ to: opts.to, ahead, runAccounts: accounts, states, lastWithLines: last, openMonth, changes });
      lookahead = plan.months;
      const addSlice = db.prepare("INSERT INTO sync_run_slices (run_id, month, status, accounts) VALUES (?, ?, 'pending', ?)");
      db.transaction(() => {
        for (const m of dirty) addSlice.run(runId, m.month, null);
        for (const m of plan.dirty) addSlice.run(runId, m.month, m.accounts ? JSON.stringify(m.accounts) : null);
        db.prepare('UPDATE sync_runs SET accounts = ?, slices_total = ? WHERE id = ?').run(JSON.stringify(accounts), dirty.length + plan.dirty.length, runId);
      })();
    }

    const stager = createStager(db, runId);
    const master = db.prepare<[number], { status: string }>("SELECT status FROM sync_run_slices WHERE run_id = ? AND month = 'master'").get(runId);
    if (master?.status !== 'staged') {
      tracker.phase = 'master';
      tracker.report();
      await fetchMaster(ctx, stager);
      stager.markStaged('master', 0, null);
    }
    const planned = db
      .prepare<[number], { month: string; status: string; rows: number; accounts: string | null }>(
        "SELECT month, status, rows, accounts FROM sync_run_slices WHERE run_id = ? AND month <> 'master' ORDER BY month",
      )
      .all(runId);
    // Resumed: the months after the period are the ones it planned (and those stored before).
    if (resumable) lookahead = [...new Set([...planned.map((p) => p.month), ...states.keys()])].filter((m) => m > periodTo && m <= lookaheadWindow(opts.to).last.month).sort();
    const pending = planned.filter((s) => s.status === 'pending');
    const expected = new Map(pending.map((s) => [s.month, states.get(s.month)?.rows ?? null] as const));
    const lines = new ProgressTracker(pending.length, expected, opts.onProgress);
    lines.phase = 'lines';
    ctx.onRows = (n) => {
      lines.rowsFetched += n;
      lines.report();
    };
    const fetched: string[] = [];
    // Lines are inserted on a worker thread; it is closed (drained) before anything else writes,
    // also when a slice fails or the sync is cancelled.
    const writer = pending.length > 0 ? startLineWriter(db, runId) : null;
    try {
      for (const s of pending) {
        signal?.throwIfAborted();
        lines.slice = s.month;
        lines.report();
        const r = await fetchSlice(ctx, stager, sliceOf(s.month), s.accounts ? (JSON.parse(s.accounts) as string[]) : accounts, writer);
        const counted: Statement = ['UPDATE sync_runs SET slices_fetched = slices_fetched + 1, rows_fetched = rows_fetched + ? WHERE id = ?', [r.rows, runId]];
        const done = () => {
          fetched.push(s.month);
          lines.slicesDone += 1;
          lines.report();
        };
        if (writer) await writer.exec([counted], done);
        else {
          runStatements(db, [counted]);
          done();
        }
      }
      await writer?.flush();
    } finally {
      await writer?.close();
    }
    signal?.throwIfAborted();

    lines.phase = 'apply';
    lines.slice = null;
    lines.report();
    const changesMark = db.prepare<[number], { m: string | null }>('SELECT changes_mark AS m FROM sync_runs WHERE id = ?').get(runId)?.m ?? null;
    const { rowsApplied } = applyRun(db, { id: runId, unitId, accounts, changesMark, at: now().toISOString() });
    const retried = retries();
    recordRetries(db, runId, retried);
    lines.phase = 'done';
    lines.report();
    const plannedMonths = new Set(planned.map((p) => p.month));
    return {
      runId,
      status: 'done',
      resumed: resumable,
      accounts,
      slicesTotal: months.length + lookahead.length,
      lookahead,
      slicesFetched: fetched,
      slicesUnchanged: [...months.map((m) => m.month), ...lookahead].filter((m) => !plannedMonths.has(m)),
      rowsFetched: lines.rowsFetched,
      rowsApplied,
      requests: Object.fromEntries(requests),
      retries: retried,
    };
  } catch (e) {
    const cancelled = signal?.aborted === true;
    const id = db.prepare<[number], { id: number }>("SELECT id FROM sync_runs WHERE unit_id = ? AND status = 'running' ORDER BY id DESC LIMIT 1").get(unitId)?.id;
    if (id !== undefined) {
      db.prepare('UPDATE sync_runs SET status = ?, finished = ?, error_code = ? WHERE id = ?').run(
        cancelled ? 'cancelled' : 'failed',
        now().toISOString(),
        cancelled ? 'cancelled' : isAppFailure(e) ? e.appError.code : 'internal',
        id,
      );
      recordRetries(db, id, retries());
    }
    if (cancelled) {
      return {
        runId: id ?? 0, status: 'cancelled', resumed: resumable, accounts: [], slicesTotal: months.length, lookahead: [],
        slicesFetched: [], slicesUnchanged: [], rowsFetched: tracker.rowsFetched, rowsApplied: 0, requests: Object.fromEntries(requests),
        retries: retries(),
      };
    }
    throw e;
  }
}

/** Changes since the mark; null when the connector cannot be read (then everything is refetched). */
async function changesOrAll(client: AfasClient, since: string | null, signal: AbortSignal | undefined, count: (c: string, n: number) => void): Promise<Changes | null> {
  try {
    const r = await readChanges(client, since, signal);
    count(CHANGED_CONNECTOR, r.requests);
    return r;
  } catch (e) {
    if (signal?.aborted) throw e;
    return null;
  }
}

/** Older unfinished runs cannot be resumed: drop their staging, mark crashed ones failed. */
function abandonUnfinished(db: Db, unitId: number, keep: number | null): void {
  db.transaction(() => {
    const stale = db
      .prepare<[number, number], { id: number }>("SELECT id FROM sync_runs WHERE unit_id = ? AND status <> 'done' AND id <> ?")
      .all(unitId, keep ?? -1);
    for (const { id } of stale) {
      dropStagedLines(db, unitId, id);
      db.prepare('DELETE FROM staging_master WHERE run_id = ?').run(id);
      db.prepare('DELETE FROM sync_run_slices WHERE run_id = ?').run(id);
      db.prepare("UPDATE sync_runs SET status = 'failed', error_code = coalesce(error_code, 'interrupted'), finished = coalesce(finished, started) WHERE id = ? AND status = 'running'").run(id);
    }
  })();
}
