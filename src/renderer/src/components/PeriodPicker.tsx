import { useId, useState } from 'react';
import { periodLabel } from '../../../shared/domain';
import { useT } from '../i18n';
import { useMonth } from '../state/month';
import { parsePeriodLabel, shiftPeriod } from '../state/period';

/** MM-YYYY, as AFAS shows periods; arrows step a month. */
export function PeriodPicker() {
  const { t } = useT();
  const { period, setPeriod } = useMonth();
  const id = useId();
  const [text, setText] = useState(periodLabel(period));
  const [shown, setShown] = useState(period);
  if (shown !== period) {
    // The period changed elsewhere (arrows): show it.
    setShown(period);
    setText(periodLabel(period));
  }
  const invalid = parsePeriodLabel(text) === null;
  return (
    <div className="period" role="group" aria-label={t('month.period')}>
      <button type="button" className="ghost" aria-label={t('month.prev')} onClick={() => setPeriod(shiftPeriod(period, -1))}>
        ‹
      </button>
      <label htmlFor={id} className="field inline">
        <span>{t('month.period')}</span>
        <input
          id={id}
          className="period-input"
          value={text}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-err` : undefined}
          inputMode="numeric"
          onChange={(e) => {
            setText(e.target.value);
            const p = parsePeriodLabel(e.target.value);
            if (p && (p.year !== period.year || p.month !== period.month)) setPeriod(p);
          }}
        />
      </label>
      <button type="button" className="ghost" aria-label={t('month.next')} onClick={() => setPeriod(shiftPeriod(period, 1))}>
        ›
      </button>
      {/* 13-2025 is no period: say so, and keep the period on screen as it was. */}
      {invalid && text.trim() !== '' && (
        <span id={`${id}-err`} className="bad small period-error" role="alert">
          {t('month.periodInvalid')}
        </span>
      )}
    </div>
  );
}
