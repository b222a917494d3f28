import type { ViewLine } from '../../state/line-columns';
import type { LineKey } from '../../../../shared/domain';
import type { MatchGroup } from '../../../../shared/reconcile';
import { useT } from '../../i18n';
import { methodLabel } from '../../i18n/methods';
import { BatchSummary } from '../../components/BatchSummary';
import { batchOf } from '../../state/batch-view';

/** A suggestion of many lines against one, as a batch (its lines are in byKey). */
function batchFor(s: MatchGroup, byKey: Map<LineKey, ViewLine>) {
  return s.lines.length > 6 ? batchOf(s.lines.map((k) => byKey.get(k)).filter((l): l is ViewLine => l !== undefined)) : null;
}

/** The engine's suggestions with their evidence; Enter accepts the first one. */
export function Suggestions({ suggestions, byKey, onAccept }: { suggestions: MatchGroup[]; byKey: Map<LineKey, ViewLine>; onAccept(id: string): void }) {
  const { t, euro, date, lang } = useT();
  const ev = (ok: boolean, label: string) => (
    <span className={ok ? 'ev ok' : 'ev bad'}>
      {label} {ok ? '✓' : '✗'}
    </span>
  );
  return (
    <section className="panel suggestions" aria-labelledby="sugg-h">
      <h3 id="sugg-h">
        {t('match.suggestions')} <span className="count">{suggestions.length}</span>
      </h3>
      {suggestions.length === 0 && <p className="muted">{t('match.noSuggestions')}</p>}
      <ol>
        {suggestions.slice(0, 50).map((s, i) => (
          <li key={s.id} className={i === 0 ? 'first' : ''} data-match={s.id}>
            <div className="evidence">
              {ev(s.evidence.amount, t('match.ev.amount'))}
              {ev(s.evidence.date, t('match.ev.date'))}
              {ev(s.evidence.reference, t('match.ev.reference'))}
              <span className="muted small" data-method={s.method}>
                {t('match.method', { method: methodLabel(s.method, lang) })}
              </span>
            </div>
            {/* A batch (one payment against a run's or period's lines) reads as one summary. */}
            {batchFor(s, byKey) ? <BatchSummary batch={batchFor(s, byKey)!} compact /> : (
            <ul className="sugg-lines">
              {s.lines.map((k) => {
                const l = byKey.get(k);
                return (
                  <li key={k}>
                    {l ? `${date(l.entryDate)} · ${l.journalId} · ${l.text} · ${euro(l.amount)}` : k}
                  </li>
                );
              })}
            </ul>
            )}
            {s.difference !== 0 && <div className="bad small">{euro(s.difference)}</div>}
            <button type="button" className={i === 0 ? 'primary' : ''} onClick={() => onAccept(s.id)}>
              {t('match.accept')}
              {i === 0 && <kbd>Enter</kbd>}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
