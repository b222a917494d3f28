import type { LineHistoryEntry } from '../../../../shared/contract';
import { useT } from '../../i18n';

/** Who matched, unmatched, noted or categorised the line, when (Amsterdam time) and why. */
export function LineHistory({ entries }: { entries: LineHistoryEntry[] | null }) {
  const { t, when, bi } = useT();
  if (entries === null) return null;
  return (
    <section className="line-history" aria-labelledby="line-history-h" data-testid="line-history">
      <h4 id="line-history-h">{t('history.title')}</h4>
      {entries.length === 0 ? (
        <p className="muted small">{t('history.none')}</p>
      ) : (
        <ol>
          {entries.map((e) => (
            <li key={e.id} data-action={e.action}>
              <div className="muted small">{t('history.entry', { at: when(e.at), by: e.by === 'auto' ? t('history.auto') : e.by })}</div>
              <div>{bi(e.text)}</div>
              {e.reason && <div className="small">{t('history.reason', { reason: e.reason })}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
