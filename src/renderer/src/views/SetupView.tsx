import { useT } from '../i18n';
import { useMonth } from '../state/month';
import { useWorkspace } from '../state/workspace';
import { AccountStep } from './setup/AccountStep';
import { ConnectionStep } from './setup/ConnectionStep';

/** First run (and "Setup" later): demo first, then the three steps. */
export function SetupView() {
  const { t } = useT();
  const { view, busy, startDemo, setShowSetup } = useWorkspace();
  const { switchWorkspace } = useMonth();
  return (
    <div className="setup">
      <section className="panel hero">
        <div>
          <h2>{t('setup.title')}</h2>
          <p className="muted">{t('setup.intro')}</p>
        </div>
        <div className="demo">
          <button
            type="button"
            className="primary big"
            disabled={busy === 'demo'}
            onClick={async () => {
              if (await startDemo()) {
                const demo = useWorkspace.getState().view;
                const first = demo?.administrations[0];
                // The demo's planted problems are in its last month: main says which.
                switchWorkspace(first?.unitId ?? null, demo?.period ?? null);
              }
            }}
          >
            {t('setup.demo')}
          </button>
          <small className="muted">{t('setup.demoHint')}</small>
        </div>
      </section>
      <ConnectionStep />
      <AccountStep />
      {view && view.administrations.length > 0 && (
        <button type="button" className="primary" onClick={() => setShowSetup(false)}>
          {t('setup.done')}
        </button>
      )}
    </div>
  );
}
