import { useT } from '../i18n';
import { useNotice } from '../state/notice';

/** The last error, in the current language, always with what to do about it. */
export function ErrorNotice() {
  const { t, bi } = useT();
  const { error, dismissError } = useNotice();
  if (!error) return null;
  return (
    <div className="notice error" role="alert">
      <div>
        <strong>{t('error.title')}: </strong>
        <span>{bi(error.message)}</span>
        {error.action && <p className="notice-action">{t('error.action', { action: bi(error.action) })}</p>}
        {error.reference && <p className="muted small">{t('error.reference', { ref: error.reference })}</p>}
      </div>
      <button type="button" className="ghost" onClick={dismissError}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}
