import { useT } from '../i18n';
import { useMonth } from '../state/month';

/** Rows, slice, rate and ETA of the running sync, with cancel. */
export function SyncProgress() {
  const { t, lang } = useT();
  const { progress, cancelSync } = useMonth();
  if (!progress || progress.state !== 'running') return null;
  const total = progress.estimatedTotal;
  const pct = total ? Math.min(100, Math.round((progress.rowsFetched / total) * 100)) : progress.slicesTotal ? Math.round((progress.slicesDone / progress.slicesTotal) * 100) : undefined;
  const n = (v: number) => v.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  return (
    <div className="sync-progress" role="status" aria-live="polite">
      <div className="row between">
        <strong>{t('month.syncing')}</strong>
        <button type="button" onClick={() => void cancelSync()}>
          {t('month.cancel')}
        </button>
      </div>
      <progress max={100} value={pct} aria-label={t('month.syncing')} />
      <p className="muted small">
        {t('month.syncRows', { rows: n(progress.rowsFetched) })}
        {total ? ` ${t('month.syncOf', { total: n(total) })}` : ''}
        {progress.slicesTotal ? ` · ${t('month.syncSlice', { done: progress.slicesDone, total: progress.slicesTotal })}` : ''}
        {progress.slice ? ` (${progress.slice})` : ''}
        {` · ${t('month.syncRate', { rate: n(Math.round(progress.rowsPerSecond)) })}`}
        {progress.etaSeconds !== null ? ` · ${t('month.syncEta', { eta: Math.ceil(progress.etaSeconds) })}` : ''}
      </p>
    </div>
  );
}
