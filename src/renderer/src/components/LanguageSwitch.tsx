import type { Lang } from '../../../shared/domain';
import { useT } from '../i18n';
import { useSettings } from '../state/settings';

export function LanguageSwitch() {
  const { t, lang } = useT();
  const setLanguage = useSettings((s) => s.setLanguage);
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {(['nl', 'en'] as Lang[]).map((l) => (
        <button
          key={l}
          type="button"
          className={l === lang ? 'active' : ''}
          aria-pressed={l === lang}
          title={t(`lang.${l}`)}
          onClick={() => void setLanguage(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
