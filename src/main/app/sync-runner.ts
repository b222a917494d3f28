// One background job at a time — a sync over the workspace's administrations (with its matching),
// or an export: progress as it happens, cancel through an AbortController and the host's shared
// cancel flag (read between the steps of synchronous work), failures kept as an AppError.
import { randomUUID } from 'node:crypto';
import type { AdministrationConfig, Period } from '../../shared/domain';
import { AppFailure, toAppError } from '../../shared/errors';
import type { AfasClient } from '../afas/types';
import type { Db } from '../store/database';
import type { SyncProgress } from '../sync/progress';
import { syncAdministration } from '../sync/sync-administration';
import { silentLogger, type Logger } from '../log';
import { beatDue, createJob, isCancelled, type Job } from './job';
import type { SyncProgressView } from './types';

export interface SyncJob {
  /** Made when the run starts (the token is read from the keychain then); closed at its end. */
  client: () => Promise<AfasClient>;
  administrations: AdministrationConfig[];
  from: Period;
  to: Period;
  now: () => Date;
  /** After each administration's successful sync (auto-matching), with its job: steps, ticks, cancel. */
  afterUnit: (config: AdministrationConfig, job: Job) => void | Promise<void>;
  /** When the whole run ends (any state). */
  onEnd?: (view: SyncProgressView) => void;
}

export class SyncRunner {
  private view: SyncProgressView | null = null;
  private readonly listeners = new Set<(view: SyncProgressView) => void>();
  private controller: AbortController | null = null;
  /** The running sync's AFAS client (its retry counts go into the view). */
  private client: AfasClient | null = null;
  private ended: SyncProgressView | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: Logger = silentLogger,
    /** The host's cancel flag ([0] is 1 while a cancel is asked), when there is a host. */
    private readonly cancelFlag: Int32Array | null = null,
  ) {}

  private busy(): AppFailure {
    return new AppFailure(
      'sync.busy',
      { nl: 'Er loopt al een synchronisatie of export.', en: 'A sync or export is already running.' },
      { nl: 'Wacht tot deze klaar is of annuleer hem.', en: 'Wait for it to finish or cancel it.' },
    );
  }

  /** A job whose steps and heartbeats go into the run's view, cancelled by `signal` or the host's flag. */
  private job(runId: string, signal: AbortSignal): Job {
    const flag = this.cancelFlag;
    return createJob({
      cancelled: () => signal.aborted || (flag !== null && Atomics.load(flag, 0) === 1),
      report: (step) => {
        if (this.view?.runId === runId) this.set({ ...this.view, step, beat: (this.view.beat ?? 0) + 1 });
      },
    });
  }

  /**
   * While a run waits (on AFAS, on the disk), every 50 ms: the host's flag reaches it through its
   * AbortController, and every beat its view gets a heartbeat, so the screen sees it is alive
   * (synchronous work beats through its job's ticks instead).
   */
  private watchFlag(controller: AbortController): () => void {
    const flag = this.cancelFlag;
    let last = performance.now();
    const timer = setInterval(() => {
      if (flag !== null && Atomics.load(flag, 0) === 1) controller.abort();
      const now = performance.now();
      if (this.view?.state === 'running' && beatDue(now, last)) {
        last = now;
        this.set({ ...this.view, beat: (this.view.beat ?? 0) + 1 });
      }
    }, 50);
    return () => clearInterval(timer);
  }

  /**
   * An export as a job of its own: one at a time with syncs, its progress in the same view, and
   * cancellable the same way. Resolves with the work's result; rejects with job.cancelled.
   */
  async exclusive<T>(work: (job: Job) => Promise<T>): Promise<T> {
    if (this.running) throw this.busy();
    const runId = randomUUID();
    const controller = new AbortController();
    this.controller = controller;
    const unwatch = this.watchFlag(controller);
    this.set({
      runId, kind: 'export', state: 'running', phase: 'export', step: { label: 'export', done: 0, total: null }, beat: 0, rowsFetched: 0,
      estimatedTotal: null, slice: null, slicesDone: 0, slicesTotal: 0, rowsPerSecond: 0, etaSeconds: null, error: null,
    });
    const done = work(this.job(runId, controller.signal));
    this.running = done.then(
      () => this.finish(runId, 'done', null),
      (e: unknown) => (isCancelled(e) || controller.signal.aborted ? this.finish(runId, 'cancelled', null) : this.finish(runId, 'failed', toAppError(e))),
    ).finally(() => {
      unwatch();
      this.released(runId);
    });
    return done;
  }

  /** Called with every change of the run's view, as it happens (the backend pushes them on). */
  onChange(listener: (view: SyncProgressView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(view: SyncProgressView): void {
    this.view = view;
    // After its end a run's view changes quietly (its retries); the end is told once the runner is free.
    if (this.ended && this.ended.runId === view.runId) {
      this.ended = view;
      return;
    }
    for (const l of this.listeners) l({ ...view });
  }

  status(): SyncProgressView | null {
    return this.view ? { ...this.view } : null;
  }

  start(job: SyncJob): { runId: string } {
    if (this.running) throw this.busy();
    const runId = randomUUID();
    const controller = new AbortController();
    this.controller = controller;
    const unwatch = this.watchFlag(controller);
    this.set({
      runId, kind: 'sync', state: 'running', phase: 'plan', step: null, beat: 0, rowsFetched: 0, estimatedTotal: null, slice: null,
      slicesDone: 0, slicesTotal: 0, rowsPerSecond: 0, etaSeconds: null, error: null,
    });
    const run = async (): Promise<void> => {
      const client = await job.client();
      try {
        this.client = client;
        await this.syncAll(job, client, runId, controller.signal);
      } finally {
        this.noteRetries(runId);
        this.client = null;
        await client.close();
      }
    };
    this.running = run()
      .catch((e: unknown) => {
        if (controller.signal.aborted || isCancelled(e)) this.finish(runId, 'cancelled', null);
        else {
          this.log.error('sync.failed', e);
          // What was retried before the run gave up (finished units were logged as they ended).
          const retries = this.view?.runId === runId ? this.view.retries : undefined;
          if (retries && Object.keys(retries).length > 0) this.log.info('sync.retries', { failed: true, retries });
          if (process.env['KRUISPOST_DEBUG']) console.error(e);
          this.finish(runId, 'failed', toAppError(e));
        }
      })
      .finally(() => {
        unwatch();
        this.released(runId);
        const view = this.status();
        if (view && view.runId === runId) job.onEnd?.(view);
      });
    return { runId };
  }

  private async syncAll(job: SyncJob, client: AfasClient, runId: string, signal: AbortSignal): Promise<void> {
    const units = job.administrations.length;
    let before = 0;
    for (const [i, config] of job.administrations.entries()) {
      const onProgress = (p: SyncProgress) => {
        if (!this.view || this.view.runId !== runId) return;
        this.set({
          ...this.view,
          phase: units > 1 ? `${p.phase} (${i + 1}/${units})` : p.phase,
          rowsFetched: before + p.rowsFetched,
          estimatedTotal: p.estimatedTotal === null ? null : before + p.estimatedTotal,
          slice: p.slice === null ? null : `${config.unitId}:${p.slice}`,
          slicesDone: p.slicesDone,
          slicesTotal: p.slicesTotal,
          rowsPerSecond: p.rowsPerSecond,
          etaSeconds: p.etaSeconds,
        });
      };
      const r = await syncAdministration({ db: this.db, client, config, from: job.from, to: job.to, signal, onProgress, now: job.now });
      if (Object.keys(r.retries).length > 0) this.log.info('sync.retries', { unitId: config.unitId, retries: r.retries });
      if (r.status === 'cancelled') {
        this.finish(runId, 'cancelled', null);
        return;
      }
      before += r.rowsFetched;
      if (this.view?.runId === runId) this.set({ ...this.view, phase: units > 1 ? `match (${i + 1}/${units})` : 'match' });
      await job.afterUnit(config, this.job(runId, signal));
      if (this.view?.runId === runId) this.set({ ...this.view, step: null });
    }
    this.finish(runId, 'done', null);
  }

  /** The run's retries so far, in the view (the report's sync.retries). */
  private noteRetries(runId: string): void {
    const retries = this.client?.retryCounts?.();
    if (retries && this.view && this.view.runId === runId) this.set({ ...this.view, retries });
  }

  /** The run's end, kept until the runner is free (see released): who hears it may start the next. */
  private finish(runId: string, state: SyncProgressView['state'], error: SyncProgressView['error']): void {
    this.noteRetries(runId);
    if (!this.view || this.view.runId !== runId || this.ended) return;
    this.ended = { ...this.view, state, error, phase: state === 'done' ? 'done' : this.view.phase, etaSeconds: state === 'done' ? 0 : null };
    this.view = this.ended;
  }

  private released(runId: string): void {
    this.running = null;
    this.controller = null;
    const end = this.ended;
    this.ended = null;
    if (end && end.runId === runId) this.set(end);
  }

  cancel(): void {
    this.controller?.abort();
  }

  /** Resolves when no sync runs (for close() and the CLI). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
