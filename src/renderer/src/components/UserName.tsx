import { useId } from 'react';
import { useT } from '../i18n';
import { useUser } from '../state/user';

export function UserName() {
  const { t } = useT();
  const { name, setName } = useUser();
  const id = useId();
  return (
    <label className="user-name" htmlFor={id}>
      <span>{t('user.name')}</span>
      <input id={id} value={name} placeholder={t('user.placeholder')} onChange={(e) => setName(e.target.value)} />
    </label>
  );
}
