import type { AccountResult } from '../../../shared/reconcile';
import { useT } from '../i18n';

/** Who signed off (Amsterdam time), a suspension or a rejection, in one line; controls are in the account's view. */
export function SignOffLine({ account }: { account: AccountResult }) {
  const { t, when, bi } = useT();
  const s = account.signOff;
  const entry = (e: { by: string; at: string } | null) => (e ? t('signoff.by', { by: e.by, at: when(e.at) }) : '—');
  return (
    <div className="signoff compact">
      {s.suspended && (
        <p className="suspended small" role="note">
          <span aria-hidden="true">‖ </span>
          {bi(s.suspendedReason)}
        </p>
      )}
      {s.rejected && !s.preparer && (
        <p className="rejected small" role="note">
          <span aria-hidden="true">↩ </span>
          {t('signoff.rejectedNote', { by: s.rejected.by, at: when(s.rejected.at), comment: s.rejected.comment })}
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
