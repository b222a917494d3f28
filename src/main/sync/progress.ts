// Progress of a sync run: rows, slices, throughput and an ETA from the previous row counts.
import type { SyncProgressView } from '../../shared/views';

export type SyncPhase = 'plan' | 'master' | 'discover' | 'lines' | 'apply' | 'done';

/** What the renderer's view shows of a run while it goes (slice: YYYY-MM being fetched, or null). */
export type SyncProgress = Pick<
  SyncProgressView,
  'rowsFetched' | 'estimatedTotal' | 'slice' | 'slicesDone' | 'slicesTotal' | 'rowsPerSecond' | 'etaSeconds'
> & { phase: SyncPhase };

export class ProgressTracker {
  private readonly started = performance.now();
  rowsFetched = 0;
  slicesDone = 0;
  phase: SyncPhase = 'plan';
  slice: string | null = null;
  constructor(
    public slicesTotal: number,
    /** Expected rows still to fetch per slice (previous counts; null when unknown) */
    private readonly expected: Map<string, number | null>,
    private readonly emit?: (p: SyncProgress) => void,
  ) {}

  estimatedTotal(): number | null {
    const known = [...this.expected.values()].filter((v): v is number => v !== null);
    if (this.expected.size === 0) return this.rowsFetched;
    if (known.length === 0) {
      // No history: extrapolate from the slices done in this run.
      return this.slicesDone > 0 ? Math.round((this.rowsFetched / this.slicesDone) * this.slicesTotal) : null;
    }
    const avg = known.reduce((s, v) => s + v, 0) / known.length;
    const total = [...this.expected.values()].reduce<number>((s, v) => s + (v ?? avg), 0);
    return Math.max(Math.round(total), this.rowsFetched);
  }

  report(): void {
    if (!this.emit) return;
    const seconds = (performance.now() - this.started) / 1000;
    const rowsPerSecond = seconds > 0 ? Math.round(this.rowsFetched / seconds) : 0;
    const estimatedTotal = this.estimatedTotal();
    const etaSeconds = estimatedTotal !== null && rowsPerSecond > 0 ? Math.max(0, (estimatedTotal - this.rowsFetched) / rowsPerSecond) : null;
    this.emit({
      phase: this.phase,
      rowsFetched: this.rowsFetched,
      estimatedTotal,
      slice: this.slice,
      slicesDone: this.slicesDone,
      slicesTotal: this.slicesTotal,
      rowsPerSecond,
      etaSeconds,
    });
  }
}
