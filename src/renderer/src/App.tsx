import { useEffect } from 'react';
import { LanguageSwitch } from './components/LanguageSwitch';
import { useT } from './i18n';
import { useSettings } from './state/settings';

export function App() {
  const { t, lang } = useT();
  const { loaded, load } = useSettings();
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
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
        <LanguageSwitch />
      </header>
      <main className="content">
        <section className="card">
          <h2>{t('home.welcome')}</h2>
          <p>{t('home.intro')}</p>
        </section>
      </main>
    </div>
  );
}
