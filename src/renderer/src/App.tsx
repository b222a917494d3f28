import { useEffect } from 'react';
import { ErrorNotice } from './components/ErrorNotice';
import { LanguageSwitch } from './components/LanguageSwitch';
import { Toast } from './components/Toast';
import { UserName } from './components/UserName';
import { useT } from './i18n';
import { useMonth } from './state/month';
import { useSettings } from './state/settings';
import { useWorkspace } from './state/workspace';
import { Dashboard } from './views/Dashboard';
import { MatchingView } from './views/MatchingView';
import { MonthBar } from './views/MonthBar';
import { SetupView } from './views/SetupView';

export function App() {
  const { t, lang } = useT();
  const { loaded, load } = useSettings();
  const { view, showSetup, load: loadWorkspace } = useWorkspace();
  const { unitId, account, setUnit } = useMonth();
  useEffect(() => {
    void load();
    void loadWorkspace();
  }, [load, loadWorkspace]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const firstUnit = view?.administrations[0]?.unitId;
  const hint = view?.period;
  useEffect(() => {
    if (hint) useMonth.getState().applyPeriodHint(hint);
  }, [hint]);
  useEffect(() => {
    if (unitId === null && firstUnit !== undefined) setUnit(firstUnit);
  }, [unitId, firstUnit, setUnit]);
  if (!loaded) return null;
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">K</span>
          <div>
            <h1>{t('app.title')}</h1>
            <p className="tagline">{t('app.tagline')}</p>
          </div>
        </div>
        {/* The toast lives in the (sticky) top bar: it never covers the tables below. */}
        <div className="toast-slot">
          <Toast />
        </div>
        <div className="row">
          <UserName />
          <LanguageSwitch />
        </div>
      </header>
      <main className="content">
        <ErrorNotice />
        {!view ? null : showSetup || view.administrations.length === 0 ? (
          <>
            <section className="card welcome">
              <h2>{t('home.welcome')}</h2>
              <p>{t('home.intro')}</p>
            </section>
            <SetupView />
          </>
        ) : (
          <>
            <MonthBar />
            {account ? <MatchingView account={account} /> : <Dashboard />}
          </>
        )}
      </main>
    </div>
  );
}
