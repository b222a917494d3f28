import { useId, useState } from 'react';
import type { AccountResult } from '../../../shared/reconcile';
import { useT } from '../i18n';
import { useMonth } from '../state/month';
import { useUser } from '../state/user';

/** Preparer and reviewer sign-off of one account; a suspension says why. */
export function SignOffPanel({ account }: { account: AccountResult }) {
  const { t, date, bi } = useT();
  const signOff = useMonth((s) => s.signOff);
  const me = useUser((s) => s.name);
  const [reviewer, setReviewer] = useState('');
  const reviewerId = useId();
  const s = account.signOff;
  const entry = (e: { by: string; at: string } | null) => (e ? t('signoff.by', { by: e.by, at: `${date(e.at)} ${e.at.slice(11, 16)}` }) : '—');
  return (
    <div className="signoff">
      <h4>{t('signoff.title')}</h4>
      {s.suspended && (
        <p className="suspended" role="note">
          <span aria-hidden="true">‖ </span>
          {t('signoff.suspended', { reason: bi(s.suspendedReason) })}
        </p>
      )}
      <dl className="kv">
        <dt>{t('signoff.preparer')}</dt>
        <dd>{entry(s.preparer)}</dd>
        <dt>{t('signoff.reviewer')}</dt>
        <dd>{entry(s.reviewer)}</dd>
      </dl>
      <div className="row wrap">
        <button type="button" onClick={() => void signOff(account.account, 'preparer', me)}>
          {t('signoff.sign', { role: t('signoff.preparer').toLowerCase() })}
        </button>
        <label htmlFor={reviewerId} className="sr-only">
          {t('signoff.reviewer')}
        </label>
        <input id={reviewerId} className="narrow" placeholder={t('signoff.reviewer')} value={reviewer} onChange={(e) => setReviewer(e.target.value)} />
        <button type="button" disabled={!s.preparer || !reviewer.trim()} onClick={() => void signOff(account.account, 'reviewer', reviewer)}>
          {t('signoff.sign', { role: t('signoff.reviewer').toLowerCase() })}
        </button>
      </div>
    </div>
  );
}
