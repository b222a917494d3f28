import { useId } from 'react';
import { useT } from '../../i18n';
import { parseDayInput } from '../../state/day-input';
import { useMatching } from '../../state/matching';

/** Dates typed as dd-mm-jjjj (not Chromium's locale-bound date input), amount, text, matched. */
export function FilterBar() {
  const { t } = useT();
  const { filters, setFilters } = useMatching();
  const id = useId();
  const day = (which: 'from' | 'to', label: string) => {
    const invalid = parseDayInput(filters[which]) === null;
    return (
      <label className="field inline" htmlFor={`${id}-${which}`}>
        <span>{label}</span>
        <input
          id={`${id}-${which}`}
          className="date-input"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('match.filter.datePlaceholder')}
          value={filters[which]}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-${which}-err` : undefined}
          onChange={(e) => setFilters({ [which]: e.target.value })}
        />
        {invalid && (
          <span id={`${id}-${which}-err`} className="bad small" role="alert">
            {t('match.filter.dateInvalid')}
          </span>
        )}
      </label>
    );
  };
  return (
    <div className="filter-bar row wrap" role="search">
      {day('from', t('match.filter.from'))}
      {day('to', t('match.filter.to'))}
      <label className="field inline" htmlFor={`${id}-amount`}>
        <span>{t('match.filter.amount')}</span>
        <input id={`${id}-amount`} className="narrow num" inputMode="decimal" placeholder={t('match.filter.amountPlaceholder')} value={filters.amount} onChange={(e) => setFilters({ amount: e.target.value })} />
      </label>
      <label className="field inline" htmlFor={`${id}-text`}>
        <span>{t('match.filter.text')}</span>
        <input id={`${id}-text`} type="search" value={filters.text} onChange={(e) => setFilters({ text: e.target.value })} />
      </label>
      <label className="check" htmlFor={`${id}-matched`}>
        <input id={`${id}-matched`} type="checkbox" checked={filters.showMatched} onChange={(e) => setFilters({ showMatched: e.target.checked })} />
        {t('match.filter.showMatched')}
      </label>
    </div>
  );
}
