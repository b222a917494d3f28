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

/**
 * The engine's suggestions with their evidence. Enter accepts the suggestion of the focused line
 * (marked here), nothing else; all exact ones can be accepted in one step (one undo).
 */
export function Suggestions({ suggestions, byKey, focused, onAccept, onAcceptAll }: { suggestions: MatchGroup[]; byKey: Map<LineKey, ViewLine>; focused: string | null; onAccept(id: string): void; onAcceptAll(): void }) {
  const { t, tn, euro, date, lang } = useT();
  const exact = suggestions.filter((s) => s.difference === 0 && s.evidence.amount).length;
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
      {exact > 0 && (
        <button type="button" className="accept-all" onClick={onAcceptAll}>
          {tn('match.acceptAll', exact)}
        </button>
      )}
      {suggestions.length === 0 && <p className="muted">{t('match.noSuggestions')}</p>}
      <ol>
        {suggestions.slice(0, 50).map((s) => {
          const mine = s.id === focused;
          const batch = batchFor(s, byKey);
          return (
            <li key={s.id} className={mine ? 'focused' : ''} data-match={s.id} aria-current={mine ? 'true' : undefined}>
              {mine && <div className="small accent">{t('match.forFocused')}</div>}
              <div className="evidence">
                {ev(s.evidence.amount, t('match.ev.amount'))}
                {ev(s.evidence.date, t('match.ev.date'))}
                {ev(s.evidence.reference, t('match.ev.reference'))}
                <span className="muted small" data-method={s.method}>
                  {t('match.method', { method: methodLabel(s.method, lang) })}
                </span>
              </div>
              {/* A batch (one payment against a run's or period's lines) reads as one summary. */}
              {batch ? (
                <BatchSummary batch={batch} compact />
              ) : (
                <ul className="sugg-lines">
                  {s.lines.map((k) => {
                    const l = byKey.get(k);
                    return <li key={k}>{l ? `${date(l.entryDate)} · ${l.journalId} · ${l.text} · ${euro(l.amount)}` : k}</li>;
                  })}
                </ul>
              )}
              {s.difference !== 0 && <div className="bad small">{t('dash.difference')}: {euro(s.difference)}</div>}
              <button type="button" className={mine ? 'primary' : ''} onClick={() => onAccept(s.id)}>
                {s.difference !== 0 ? t('match.withDifference') : t('match.accept')}
                {mine && <kbd>Enter</kbd>}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
