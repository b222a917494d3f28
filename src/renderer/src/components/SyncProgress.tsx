import type { SyncProgressView } from '../../../shared/contract';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/messages';
import { useMonth } from '../state/month';

const PHASES = ['plan', 'master', 'discover', 'lines', 'apply', 'match', 'export', 'done'] as const;

/** "match (2/3)" → the phase and which administration of how many. */
function phaseOf(p: SyncProgressView): { phase: (typeof PHASES)[number] | null; unit: [number, number] | null } {
  const m = /^(\w+)(?: \((\d+)\/(\d+)\))?$/.exec(p.phase);
  const phase = (PHASES as readonly string[]).includes(m?.[1] ?? '') ? (m![1] as (typeof PHASES)[number]) : null;
  return { phase, unit: m?.[2] ? [Number(m[2]), Number(m[3])] : null };
}

/** The running sync or export: its phase and step, rows, slice, rate and ETA, with cancel. */
export function SyncProgress() {
  const { t, lang } = useT();
  const { progress, cancelSync } = useMonth();
  if (!progress || progress.state !== 'running') return null;
  const exporting = progress.kind === 'export';
  const { phase, unit } = phaseOf(progress);
  const total = progress.estimatedTotal;
  const fetching = phase === 'plan' || phase === 'master' || phase === 'discover' || phase === 'lines';
  const step = progress.step;
  // While matching or exporting there is no row count to show: the bar moves with the steps.
  const pct = !fetching
    ? step?.total
      ? Math.round((step.done / step.total) * 100)
      : undefined
    : total
      ? Math.min(100, Math.round((progress.rowsFetched / total) * 100))
      : progress.slicesTotal
        ? Math.round((progress.slicesDone / progress.slicesTotal) * 100)
        : undefined;
  const n = (v: number) => v.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const title = exporting ? t('progress.exporting') : t('month.syncing');
  const stepText = step ? t(`progress.step.${step.label}` as MessageKey, { done: n(step.done), total: step.total === null ? '?' : n(step.total) }) : null;
  return (
    <div className="sync-progress" role="status" aria-live="polite" data-phase={phase ?? progress.phase} data-beat={progress.beat ?? 0}>
      <div className="row between">
        <strong>{title}</strong>
        <button type="button" onClick={() => void cancelSync()}>
          {t('month.cancel')}
        </button>
      </div>
      <progress max={100} value={pct} aria-label={title} />
      <p className="muted small" data-testid="progress-phase">
        {phase ? t(`progress.phase.${phase}` as MessageKey) : progress.phase}
        {unit ? ` · ${t('progress.unit', { n: unit[0], of: unit[1] })}` : ''}
        {stepText ? ` · ${stepText}` : ''}
      </p>
      {fetching && (
        <p className="muted small">
          {t('month.syncRows', { rows: n(progress.rowsFetched) })}
          {total ? ` ${t('month.syncOf', { total: n(total) })}` : ''}
          {progress.slicesTotal ? ` · ${t('month.syncSlice', { done: progress.slicesDone, total: progress.slicesTotal })}` : ''}
          {progress.slice ? ` (${progress.slice})` : ''}
          {` · ${t('month.syncRate', { rate: n(Math.round(progress.rowsPerSecond)) })}`}
          {progress.etaSeconds !== null ? ` · ${t('month.syncEta', { eta: Math.ceil(progress.etaSeconds) })}` : ''}
        </p>
      )}
    </div>
  );
}
