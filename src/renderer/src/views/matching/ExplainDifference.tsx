import { useEffect, useId, useRef, useState } from 'react';
import { correctionText } from '../../../../shared/audit-words';
import { proposeCorrection } from '../../../../shared/correction-entry';
import { CATEGORY_LABEL } from '../../../../shared/item-categories';
import { ITEM_CATEGORIES, type AccountResult, type ItemCategory } from '../../../../shared/reconcile';
import { DEFAULT_TOLERANCE, toleranceFor, withinTolerance } from '../../../../shared/tolerance';
import { useT } from '../../i18n';
import type { ExplainRequest, Explanation } from '../../state/matching';

/**
 * A difference always gets a category and a reason ("to book" also the counter account of the
 * proposed correction entry); above the account's tolerance it is confirmed a second time.
 */
export function ExplainDifference({ request, account, onConfirm, onCancel }: { request: ExplainRequest; account: AccountResult; onConfirm(x: Explanation): void; onCancel(): void }) {
  const { t, euro, lang } = useT();
  const [category, setCategory] = useState<ItemCategory | ''>('');
  const [reason, setReason] = useState(request.kind === 'selection' ? request.reason : '');
  const [counter, setCounter] = useState('');
  const [second, setSecond] = useState(false);
  const ids = { category: useId(), reason: useId(), counter: useId() };
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const tol = account.tolerance ?? DEFAULT_TOLERANCE;
  const largest = request.amounts.reduce((m, a) => Math.max(m, Math.abs(a)), 0);
  const limit = euro(toleranceFor(tol, largest));
  const above = !withinTolerance(request.difference, request.amounts, tol);
  const writeOffRefused = category === 'write-off' && above;
  const ready = category !== '' && reason.trim() !== '' && (category !== 'to-book' || counter.trim() !== '') && !writeOffRefused;
  const correction = category === 'to-book' && counter.trim() ? correctionText(proposeCorrection(account.account, request.difference, counter, reason.trim()), lang) : '';
  const send = (aboveTolerance: boolean) => {
    if (!ready || !category) return;
    onConfirm({ category, reason: reason.trim(), ...(category === 'to-book' ? { counterAccount: counter.trim() } : {}), ...(aboveTolerance ? { aboveTolerance: true } : {}) });
  };
  return (
    <form
      className="panel explain"
      role="dialog"
      aria-labelledby={`${ids.category}-h`}
      data-testid="explain-difference"
      onSubmit={(e) => {
        e.preventDefault();
        if (above && !second) setSecond(true);
        else send(above);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h3 id={`${ids.category}-h`}>{t('explain.title', { amount: euro(request.difference) })}</h3>
      <label className="field" htmlFor={ids.category}>
        <span>{t('explain.category')}</span>
        <select id={ids.category} ref={first} value={category} onChange={(e) => { setCategory(e.target.value as ItemCategory | ''); setSecond(false); }}>
          <option value="">{t('category.none')}</option>
          {ITEM_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABEL[c][lang]}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={ids.reason}>
        <span>{t('explain.reason')}</span>
        <input id={ids.reason} value={reason} placeholder={t('explain.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
      </label>
      {category === 'to-book' && (
        <label className="field" htmlFor={ids.counter}>
          <span>{t('explain.counter')}</span>
          <input id={ids.counter} className="narrow" value={counter} placeholder={t('explain.counterPlaceholder')} onChange={(e) => setCounter(e.target.value)} />
        </label>
      )}
      {correction && <p className="small">{t('explain.correction', { entry: correction })}</p>}
      <p className="muted small">{t('explain.tolerance', { cents: euro(tol.cents), pct: (tol.permille / 10).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB'), limit })}</p>
      {writeOffRefused && (
        <p className="bad small" role="alert">
          {t('explain.writeOffAbove', { limit })}
        </p>
      )}
      {second && (
        <p className="bad small" role="alert">
          {t('explain.above', { limit })}
        </p>
      )}
      <div className="row wrap">
        <button type="submit" className="primary" disabled={!ready}>
          {second ? t('explain.confirmAbove', { amount: euro(request.difference) }) : t('explain.confirm')}
        </button>
        <button type="button" className="ghost" onClick={onCancel}>
          {t('explain.cancel')}
        </button>
      </div>
    </form>
  );
}
