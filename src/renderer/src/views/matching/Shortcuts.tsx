import { useT } from '../../i18n';

export function Shortcuts() {
  const { t } = useT();
  const keys = ['keys.enter', 'keys.click', 'keys.space', 'keys.arrows', 'keys.m', 'keys.u', 'keys.n', 'keys.undo', 'keys.esc'] as const;
  return (
    <details className="panel shortcuts" open>
      <summary>{t('match.shortcuts')}</summary>
      <ul>
        {keys.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      <p className="legend">{t('match.legend')}</p>
    </details>
  );
}
