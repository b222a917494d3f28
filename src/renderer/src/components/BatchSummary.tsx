import { useState } from 'react';
import type { BatchView } from '../state/batch-view';
import { useT } from '../i18n';

/** A batch readably: the one line, what it stands against (count, entries, dates, total), and the lines on demand. */
export function BatchSummary({ batch, compact = false }: { batch: BatchView; compact?: boolean }) {
  const { t, tn, euro, date } = useT();
  const [open, setOpen] = useState(false);
  const { one, many } = batch;
  return (
    <div className="batch-summary" data-testid="batch-summary">
      <div>
        <strong>{tn('batch.summary', many.length, { one: `${date(one.entryDate)} · ${one.text} · ${euro(one.amount)}` })}</strong>
      </div>
      <div className="muted small">
        {tn('batch.entries', batch.entries.length, { entries: batch.entries.join(', ') })} · {t('batch.period', { from: date(batch.from), to: date(batch.to) })} · {t('batch.total', { total: euro(batch.total) })}
      </div>
      <div className={`small ${batch.sum === 0 ? 'ok' : 'bad'}`}>{t('batch.sum', { sum: euro(batch.sum) })}</div>
      {!compact && (
        <>
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('batch.hide') : t('batch.show', { n: many.length })}
          </button>
          {open && (
            <ul className="batch-lines small">
              {many.slice(0, 200).map((l) => (
                <li key={l.key}>
                  {date(l.entryDate)} · {l.text} · {euro(l.amount)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
