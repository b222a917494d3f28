import { useId } from 'react';
import { useT } from '../../i18n';
import { useMatching } from '../../state/matching';

export function FilterBar() {
  const { t } = useT();
  const { filters, setFilters } = useMatching();
  const id = useId();
  return (
    <div className="filter-bar row wrap" role="search">
      <label className="field inline" htmlFor={`${id}-from`}>
        <span>{t('match.filter.from')}</span>
        <input id={`${id}-from`} type="date" value={filters.from} onChange={(e) => setFilters({ from: e.target.value })} />
      </label>
      <label className="field inline" htmlFor={`${id}-to`}>
        <span>{t('match.filter.to')}</span>
        <input id={`${id}-to`} type="date" value={filters.to} onChange={(e) => setFilters({ to: e.target.value })} />
      </label>
      <label className="field inline" htmlFor={`${id}-amount`}>
        <span>{t('match.filter.amount')}</span>
        <input id={`${id}-amount`} className="narrow num" inputMode="decimal" value={filters.amount} onChange={(e) => setFilters({ amount: e.target.value })} />
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
