import { PeriodPicker } from '../components/PeriodPicker';
import { SyncProgress } from '../components/SyncProgress';
import { useT } from '../i18n';
import { useMonth } from '../state/month';
import { useWorkspace } from '../state/workspace';

type LastSyncView = NonNullable<NonNullable<ReturnType<typeof useWorkspace.getState>['view']>['lastSync']>;

/**
 * The last fetch in one definition: when (Amsterdam time) and the rows that run fetched from AFAS
 * over all administrations, the number the toast said. A failed run never reads as a fetch.
 */
function LastSync({ last, when, num }: { last: LastSyncView | null; when: (iso: string | null) => string; num: (n: number) => string }) {
  const { t } = useT();
  if (!last) return <span className="muted small" data-testid="last-synced">{t('month.neverSynced')}</span>;
  if (last.status === 'failed' || last.status === 'cancelled') {
    const key = last.status === 'cancelled' ? 'month.lastCancelled' : last.lastDone ? 'month.lastFailed' : 'month.lastFailedNever';
    return (
      <span className={`small ${last.status === 'failed' ? 'bad' : 'muted'}`} data-testid="last-synced" data-status={last.status}>
        {t(key, { when: when(last.finishedAt), done: last.lastDone ? when(last.lastDone) : '' })}
      </span>
    );
  }
  return (
    <span className="muted small" data-testid="last-synced" data-status={last.status}>
      {last.rows === 0 ? t('month.lastSyncedNothing', { when: when(last.finishedAt) }) : t('month.lastSynced', { when: when(last.finishedAt), rows: num(last.rows) })}
    </span>
  );
}

/** Administration, period, fetch (with progress), last fetched, export. */
export function MonthBar() {
  const { t, when, num } = useT();
  const { view, setShowSetup, leaveDemo, busy } = useWorkspace();
  const { unitId, setUnit, progress, startSync, exportWorkbook, result, exported, exporting, switchWorkspace } = useMonth();
  const running = progress?.state === 'running';
  const last = view?.lastSync;
  return (
    <section className="monthbar" aria-label={t('month.period')}>
      <div className="row wrap">
        <label className="field inline">
          <span>{t('month.admin')}</span>
          <select value={unitId ?? ''} onChange={(e) => setUnit(Number(e.target.value))}>
            {view?.administrations.map((a) => (
              <option key={a.unitId} value={a.unitId}>
                {a.unitId} {a.name ?? ''}
              </option>
            ))}
          </select>
        </label>
        <PeriodPicker />
        <button type="button" className="primary" disabled={running || unitId === null} onClick={() => void startSync()}>
          {t(result && result.fetched !== false ? 'month.resync' : 'month.sync')}
        </button>
        <LastSync last={last ?? null} when={when} num={num} />
        <span className="spacer" />
        {view?.demo && (
          <>
            <span className="badge demo">{t('month.demoBadge')}</span>
            <button
              type="button"
              className="ghost"
              disabled={running || busy === 'demo'}
              onClick={async () => {
                await leaveDemo();
                const real = useWorkspace.getState().view;
                switchWorkspace(real?.administrations[0]?.unitId ?? null, null);
              }}
            >
              {t('month.leaveDemo')}
            </button>
          </>
        )}
        <button type="button" disabled={!result || result.fetched === false || exporting} aria-describedby={exported ? 'export-done' : undefined} onClick={() => void exportWorkbook()}>
          {exporting ? t('month.exporting') : t('month.export')}
        </button>
        <button type="button" className="ghost" onClick={() => setShowSetup(true)}>
          {t('month.setup')}
        </button>
      </div>
      {exported && (
        <p id="export-done" className="ok small export-done" data-testid="export-done">
          ✓ {t('month.exported', { path: exported })}
        </p>
      )}
      <SyncProgress />
    </section>
  );
}
