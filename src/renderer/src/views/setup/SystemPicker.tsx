import { useId } from 'react';
import { useT } from '../../i18n';
import type { Systems } from './profile-fields';

/** Tick the systems that book into the administration: each brings its own accounts and journals. */
export function SystemPicker({ value, onChange }: { value: Systems; onChange(next: Systems): void }) {
  const { t } = useT();
  const id = useId();
  return (
    <fieldset className="systems" aria-describedby={`${id}-hint`}>
      <legend>{t('setup.systems')}</legend>
      {(['moss', 'nmbrs', 'declaree', 'spendcloud'] as const).map((p) => (
        <label key={p} className="check">
          <input type="checkbox" checked={value[p] === true} onChange={(e) => onChange({ ...value, [p]: e.target.checked })} />
          <strong>{t(`profile.${p}`)}</strong> <span className="muted small">{t(`profile.${p}Hint`)}</span>
        </label>
      ))}
      <small id={`${id}-hint`} className="muted">
        {!value.moss && !value.nmbrs && !value.declaree && !value.spendcloud ? t('setup.systemsNeeded') : ''}
      </small>
    </fieldset>
  );
}
