import { useId, useState } from 'react';
import type { Cents } from '../../../../shared/money';
import { useT } from '../../i18n';

/** Running sum of the selection; "match" at exactly zero, or with the difference and a reason. */
export function SelectionBar({ count, sum, onMatch, onClear, matchOfFocus, onUnmatch }: { count: number; sum: Cents; onMatch(difference: Cents, reason: string | null): void; onClear(): void; matchOfFocus: string | null; onUnmatch(id: string): void }) {
  const { t, euro } = useT();
  const [reason, setReason] = useState('');
  const id = useId();
  const zero = sum === 0;
  return (
    <div className="selection-bar" role="region" aria-label={t('match.selection', { n: count, sum: euro(sum) })}>
      <span className={`sum ${count === 0 ? 'muted' : zero ? 'ok' : 'bad'}`} aria-live="polite" data-testid="selection-sum">
        {t('match.selection', { n: count, sum: euro(sum) })}
      </span>
      <button type="button" className="primary" disabled={count < 2 || !zero} onClick={() => onMatch(0, null)}>
        {t('match.match')} <kbd>M</kbd>
      </button>
      {count >= 2 && !zero && (
        <>
          <label htmlFor={id} className="sr-only">
            {t('match.reason')}
          </label>
          <input id={id} placeholder={t('match.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button
            type="button"
            disabled={!reason.trim()}
            onClick={() => {
              onMatch(sum, reason.trim());
              setReason('');
            }}
          >
            {t('match.withDifference')}
          </button>
        </>
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
