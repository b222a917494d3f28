import { useId } from 'react';
import { useT } from '../i18n';

export interface Choice {
  id: string;
  label: string;
}

/** A labelled, type-to-search choice (native datalist): keyboard and screen-reader friendly. */
export function SearchSelect({ label, value, choices, onChange }: { label: string; value: string; choices: Choice[]; onChange(id: string): void }) {
  const { t } = useT();
  const id = useId();
  const listId = `${id}-list`;
  const shown = choices.find((c) => c.id === value);
  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        list={listId}
        placeholder={t('setup.search')}
        defaultValue={shown ? `${shown.id} — ${shown.label}` : value}
        key={value}
        onChange={(e) => {
          const text = e.target.value;
          const hit = choices.find((c) => text === `${c.id} — ${c.label}` || text === c.id);
          if (hit) onChange(hit.id);
        }}
      />
      <datalist id={listId}>
        {choices.map((c) => (
          <option key={c.id} value={`${c.id} — ${c.label}`} />
        ))}
      </datalist>
    </label>
  );
}
