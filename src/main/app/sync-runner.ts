// One background sync at a time over the workspace's administrations: progress for polling,
// cancel through an AbortController, failures kept as an AppError (nl/en + what to do).
import { randomUUID } from 'node:crypto';
import type { AdministrationConfig, Period } from '../../shared/domain';
import { AppFailure, toAppError } from '../../shared/errors';
import type { AfasClient } from '../afas/types';
import type { Db } from '../store/database';
import type { SyncProgress } from '../sync/progress';
import { syncAdministration } from '../sync/sync-administration';
import { silentLogger, type Logger } from '../log';
import type { SyncProgressView } from './types';

export interface SyncJob {
  /** Made when the run starts (the token is read from the keychain then); closed at its end. */
  client: () => Promise<AfasClient>;
  administrations: AdministrationConfig[];
  from: Period;
  to: Period;
  now: () => Date;
  /** After each administration's successful sync (auto-matching). */
  afterUnit: (config: AdministrationConfig) => void;
  /** When the whole run ends (any state). */
  onEnd?: (view: SyncProgressView) => void;
}

export class SyncRunner {
  private view: SyncProgressView | null = null;
  private readonly listeners = new Set<(view: SyncProgressView) => void>();
  private controller: AbortController | null = null;
  /** The running sync's AFAS client (its retry counts go into the view). */
  private client: AfasClient | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: Logger = silentLogger,
  ) {}

  /** Called with every change of the run's view, as it happens (the backend pushes them on). */
  onChange(listener: (view: SyncProgressView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(view: SyncProgressView): void {
    this.view = view;
    for (const l of this.listeners) l({ ...view });
  }

  status(): SyncProgressView | null {
    return this.view ? { ...this.view } : null;
  }

  start(job: SyncJob): { runId: string } {
    if (this.running) {
      throw new AppFailure(
        'sync.busy',
        { nl: 'Er loopt al een synchronisatie.', en: 'A sync is already running.' },
        { nl: 'Wacht tot deze klaar is of annuleer hem.', en: 'Wait for it to finish or cancel it.' },
      );
    }
    const runId = randomUUID();
    const controller = new AbortController();
    this.controller = controller;
    this.set({
      runId, state: 'running', phase: 'plan', rowsFetched: 0, estimatedTotal: null, slice: null,
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
        if (controller.signal.aborted) this.finish(runId, 'cancelled', null);
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
        this.running = null;
        this.controller = null;
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
      job.afterUnit(config);
    }
    this.finish(runId, 'done', null);
  }

  /** The run's retries so far, in the view (the report's sync.retries). */
  private noteRetries(runId: string): void {
    const retries = this.client?.retryCounts?.();
    if (retries && this.view && this.view.runId === runId) this.set({ ...this.view, retries });
  }

  private finish(runId: string, state: SyncProgressView['state'], error: SyncProgressView['error']): void {
    this.noteRetries(runId);
    if (!this.view || this.view.runId !== runId) return;
    this.set({ ...this.view, state, error, phase: state === 'done' ? 'done' : this.view.phase, etaSeconds: state === 'done' ? 0 : null });
  }

  cancel(): void {
    this.controller?.abort();
  }

  /** Resolves when no sync runs (for close() and the CLI). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
