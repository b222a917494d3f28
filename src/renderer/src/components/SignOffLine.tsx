import type { AccountResult } from '../../../shared/reconcile';
import { useT } from '../i18n';

/** Who signed off, in one line; the controls are in the account's matching view. */
export function SignOffLine({ account }: { account: AccountResult }) {
  const { t, date, bi } = useT();
  const s = account.signOff;
  const entry = (e: { by: string; at: string } | null) => (e ? t('signoff.by', { by: e.by, at: date(e.at) }) : '—');
  return (
    <div className="signoff compact">
      {s.suspended && (
        <p className="suspended small" role="note">
          <span aria-hidden="true">‖ </span>
          {t('signoff.suspended', { reason: bi(s.suspendedReason) })}
        </p>
      )}
      <dl className="kv inline-kv">
        <dt>{t('signoff.preparer')}</dt>
        <dd>{entry(s.preparer)}</dd>
        <dt>{t('signoff.reviewer')}</dt>
        <dd>{entry(s.reviewer)}</dd>
      </dl>
    </div>
  );
}
