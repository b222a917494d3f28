import type { Cents } from '../../../../shared/money';
import { useT } from '../../i18n';

/** Running sum of the selection; "match" at exactly zero, or with the difference (explained in a form). */
export function SelectionBar({ count, sum, onMatch, onClear, matchOfFocus, onUnmatch }: { count: number; sum: Cents; onMatch(difference: Cents): void; onClear(): void; matchOfFocus: string | null; onUnmatch(id: string): void }) {
  const { t, euro } = useT();
  const zero = sum === 0;
  return (
    <div className="selection-bar" role="region" aria-label={t('match.selection', { n: count, sum: euro(sum) })}>
      <span className={`sum ${count === 0 ? 'muted' : zero ? 'ok' : 'bad'}`} aria-live="polite" data-testid="selection-sum">
        {t('match.selection', { n: count, sum: euro(sum) })}
      </span>
      <button type="button" className="primary" disabled={count < 2 || !zero} onClick={() => onMatch(0)}>
        {t('match.match')} <kbd>M</kbd>
      </button>
      {count >= 2 && !zero && (
        <button type="button" onClick={() => onMatch(sum)}>
          {t('match.withDifference')}
        </button>
      )}
      <button type="button" className="ghost" disabled={count === 0} onClick={onClear}>
        {t('match.clear')} <kbd>Esc</kbd>
      </button>
      {/* Always there (disabled without a matched line in focus): the bar must not change height
          under the mouse when a click focuses a line. */}
      <button type="button" disabled={!matchOfFocus} onClick={() => matchOfFocus && onUnmatch(matchOfFocus)}>
        {t('match.unmatch')} <kbd>U</kbd>
      </button>
    </div>
  );
}
