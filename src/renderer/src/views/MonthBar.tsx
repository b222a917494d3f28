import { PeriodPicker } from '../components/PeriodPicker';
import { SyncProgress } from '../components/SyncProgress';
import { useT } from '../i18n';
import { useMonth } from '../state/month';
import { useWorkspace } from '../state/workspace';

/** Administration, period, fetch (with progress), last fetched, export. */
export function MonthBar() {
  const { t, date } = useT();
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
          {t(result ? 'month.resync' : 'month.sync')}
        </button>
        <span className="muted small" data-testid="last-synced">
          {last ? t('month.lastSynced', { when: `${date(last.finishedAt)} ${last.finishedAt.slice(11, 16)}`, rows: last.rows.toLocaleString() }) : t('month.neverSynced')}
        </span>
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
        <button type="button" disabled={!result || exporting} aria-describedby={exported ? 'export-done' : undefined} onClick={() => void exportWorkbook()}>
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
