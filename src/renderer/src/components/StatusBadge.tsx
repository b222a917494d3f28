import type { AccountStatus } from '../../../shared/reconcile';
import { useT } from '../i18n';

const ICON: Record<AccountStatus, string> = { clears: '✓', 'does-not-clear': '✗', 'signed-off': '✔', suspended: '⏸' };

export function StatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useT();
  return (
    <span className={`badge status-${status}`}>
      <span aria-hidden="true">{ICON[status]} </span>
      {t(`status.${status}`)}
    </span>
  );
}
