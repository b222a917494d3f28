import { useId, useState } from 'react';
import { samePerson } from '../../../shared/person';
import type { AccountResult } from '../../../shared/reconcile';
import { useT } from '../i18n';
import { useMonth } from '../state/month';
import { useUser } from '../state/user';
import { judged } from './StatusBadge';

/**
 * Preparer and reviewer sign-off of one account, with the rules on screen (the store enforces
 * them too): the preparer signs what is explained, the reviewer is another named person who signs
 * after the preparer, or rejects with a comment (the account opens again).
 */
export function SignOffPanel({ account }: { account: AccountResult }) {
  const { t, when, bi, euro } = useT();
  const { signOff, rejectSignOff } = useMonth();
  const me = useUser((s) => s.name).trim();
  const [reviewer, setReviewer] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState('');
  const ids = { reviewer: useId(), comment: useId(), hint: useId() };
  const s = account.signOff;
  const entry = (e: { by: string; at: string } | null) => (e ? t('signoff.by', { by: e.by, at: when(e.at) }) : '—');
  const open = (account.reconcilingItems ?? []).filter((i) => !i.categorisation).length;
  const explained = account.clears || (open === 0 && (account.unexplained ?? 0) === 0);
  const prepareWhy = !me ? t('signoff.needsName') : !judged(account) ? t('signoff.notJudged') : !explained ? (open > 0 ? t('signoff.needsExplained', { n: open }) : t('signoff.needsExplainedAmount', { amount: euro(account.unexplained ?? 0) })) : null;
  const name = reviewer.trim();
  const same = Boolean(s.preparer && name && samePerson(name, s.preparer.by));
  const reviewWhy = !s.preparer ? t('signoff.needsPreparer') : s.suspended ? t('signoff.reviewSuspended') : same ? t('signoff.samePerson', { name: s.preparer!.by }) : null;
  return (
    <div className="signoff" data-testid="signoff-panel">
      <h4>{t('signoff.title')}</h4>
      {s.suspended && (
        <p className="suspended" role="note">
          <span aria-hidden="true">‖ </span>
          {bi(s.suspendedReason)}
        </p>
      )}
      {s.rejected && !s.preparer && (
        <p className="rejected" role="note">
          <span aria-hidden="true">↩ </span>
          {t('signoff.rejectedNote', { by: s.rejected.by, at: when(s.rejected.at), comment: s.rejected.comment })}
        </p>
      )}
      <dl className="kv">
        <dt>{t('signoff.preparer')}</dt>
        <dd>{entry(s.preparer)}</dd>
        <dt>{t('signoff.reviewer')}</dt>
        <dd>{entry(s.reviewer)}</dd>
      </dl>
      <div className="stack">
        <button type="button" disabled={prepareWhy !== null} aria-describedby={prepareWhy ? `${ids.hint}-p` : undefined} onClick={() => void signOff(account.account, 'preparer')}>
          {t('signoff.signPreparer')}
        </button>
        {prepareWhy && (
          <p id={`${ids.hint}-p`} className="muted small">
            {prepareWhy}
          </p>
        )}
        <label htmlFor={ids.reviewer} className="field">
          <span>{t('signoff.reviewerName')}</span>
          <input id={ids.reviewer} value={reviewer} aria-invalid={same} onChange={(e) => setReviewer(e.target.value)} />
        </label>
        {reviewWhy && (
          <p id={`${ids.hint}-r`} className={same ? 'bad small' : 'muted small'}>
            {reviewWhy}
          </p>
        )}
        <div className="row wrap">
          <button type="button" disabled={!name || reviewWhy !== null} aria-describedby={reviewWhy ? `${ids.hint}-r` : undefined} onClick={() => void signOff(account.account, 'reviewer', name)}>
            {t('signoff.signReviewer')}
          </button>
          <button type="button" className="ghost" disabled={!s.preparer || !name || same} onClick={() => setRejecting((v) => !v)}>
            {t('signoff.reject')}
          </button>
        </div>
        {rejecting && (
          <form
            className="stack"
            onSubmit={async (e) => {
              e.preventDefault();
              if (await rejectSignOff(account.account, name, comment)) {
                setRejecting(false);
                setComment('');
              }
            }}
          >
            <label htmlFor={ids.comment} className="field">
              <span>{t('signoff.rejectComment')}</span>
              <textarea id={ids.comment} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
            </label>
            <button type="submit" disabled={!comment.trim()}>
              {t('signoff.rejectSend')}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
