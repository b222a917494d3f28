import type { LineKey } from '../../../shared/domain';
import type { Flag } from '../../../shared/reconcile';
import { useT } from '../i18n';

const ICON = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/**
 * Every flag in words: what is wrong, on which account, how many lines. "Toon" opens the account
 * with exactly the flagged lines (a flag about the account as a whole opens the account).
 */
export function FlagList({ flags, fetched, onShow }: { flags: Flag[]; fetched: boolean; onShow(account: string, lines: LineKey[] | null, label: string): void }) {
  const { t, tn, bi } = useT();
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...flags].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <section className="panel flags" aria-labelledby="flags-h">
      <h3 id="flags-h">
        {t('flags.title')} <span className="count">{flags.length}</span>
      </h3>
      {sorted.length === 0 ? (
        <p className={fetched ? 'ok' : 'muted'}>{t(fetched ? 'flags.none' : 'flags.noneNotFetched')}</p>
      ) : (
        <ul>
          {sorted.map((f, i) => {
            const label = f.lines.length > 0 ? tn('flags.showLabel', f.lines.length, { account: f.account }) : t('flags.showAccount', { account: f.account });
            return (
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
                    {f.account}
                    {f.lines.length > 0 ? ` · ${tn('flags.lines', f.lines.length)}` : ''}
                  </div>
                </div>
                <button type="button" className="ghost" aria-label={label} onClick={() => onShow(f.account, f.lines.length > 0 ? f.lines : null, bi(f.message))}>
                  {t('flags.show')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
