import type { Flag } from '../../../shared/reconcile';
import { useT } from '../i18n';

const ICON = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/** Every flag in words: what is wrong, on which account, how many lines. */
export function FlagList({ flags, onShow }: { flags: Flag[]; onShow(account: string): void }) {
  const { t, bi } = useT();
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...flags].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <section className="panel flags" aria-labelledby="flags-h">
      <h3 id="flags-h">
        {t('flags.title')} <span className="count">{flags.length}</span>
      </h3>
      {sorted.length === 0 ? (
        <p className="ok">{t('flags.none')}</p>
      ) : (
        <ul>
          {sorted.map((f, i) => (
            <li key={`${f.code}-${f.account}-${i}`} className={`flag sev-${f.severity}`} data-code={f.code}>
              <span className="flag-icon" aria-hidden="true">
                {ICON[f.severity]}
              </span>
              <div>
                <div>
                  <span className="sr-only">{t(`severity.${f.severity}`)}: </span>
                  {bi(f.message)}
                </div>
                <div className="muted small">
                  {f.account} · {t('flags.lines', { n: f.lines.length })}
                </div>
              </div>
              <button type="button" className="ghost" onClick={() => onShow(f.account)}>
                {t('flags.show')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
