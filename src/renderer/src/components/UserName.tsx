import { useT } from '../i18n';
import { useNotice } from '../state/notice';
import { USER_NAME_INPUT_ID, useUser } from '../state/user';

/** The person every decision is recorded under; typing it clears "enter your name first". */
export function UserName() {
  const { t } = useT();
  const { name, setName } = useUser();
  return (
    <label className="user-name" htmlFor={USER_NAME_INPUT_ID}>
      <span>{t('user.name')}</span>
      <input
        id={USER_NAME_INPUT_ID}
        value={name}
        placeholder={t('user.placeholder')}
        aria-invalid={!name.trim() && useNotice.getState().source === 'name'}
        onChange={(e) => {
          setName(e.target.value);
          if (e.target.value.trim()) useNotice.getState().succeeded('name');
        }}
      />
    </label>
  );
}
