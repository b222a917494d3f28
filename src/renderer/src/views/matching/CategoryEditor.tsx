import { useId, useState } from 'react';
import { correctionText } from '../../../../shared/audit-words';
import { proposeCorrection } from '../../../../shared/correction-entry';
import { CATEGORY_LABEL } from '../../../../shared/item-categories';
import { ITEM_CATEGORIES, type AccountResult, type ItemCategory, type OpenItem } from '../../../../shared/reconcile';
import { useT } from '../../i18n';

/** An open item's category and reason: what makes it a reconciling item instead of unexplained. */
export function CategoryEditor({ item, account, onSave }: { item: OpenItem; account: AccountResult; onSave(category: ItemCategory | null, reason: string, counter: string | null): void }) {
  const { t, lang, when } = useT();
  const c = item.categorisation ?? null;
  const [category, setCategory] = useState<ItemCategory | ''>(c?.category ?? '');
  const [reason, setReason] = useState(c?.reason ?? '');
  const [counter, setCounter] = useState(c?.correction?.lines[0]?.account ?? '');
  const ids = { category: useId(), reason: useId(), counter: useId() };
  const ready = category !== '' && reason.trim() !== '' && (category !== 'to-book' || counter.trim() !== '');
  const correction = category === 'to-book' && counter.trim() ? correctionText(proposeCorrection(account.account, item.line.amount, counter, reason.trim()), lang) : '';
  return (
    <form
      className="category-editor stack"
      data-testid="category-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && category) onSave(category, reason.trim(), category === 'to-book' ? counter.trim() : null);
      }}
    >
      <h4>{t('category.title')}</h4>
      {c && <p className="small">{t('category.current', { category: CATEGORY_LABEL[c.category][lang], reason: c.reason, by: c.by, at: when(c.at) })}</p>}
      <label className="field" htmlFor={ids.category}>
        <span>{t('explain.category')}</span>
        <select id={ids.category} value={category} onChange={(e) => setCategory(e.target.value as ItemCategory | '')}>
          <option value="">{t('category.none')}</option>
          {ITEM_CATEGORIES.map((k) => (
            <option key={k} value={k}>
              {CATEGORY_LABEL[k][lang]}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={ids.reason}>
        <span>{t('explain.reason')}</span>
        <input id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {category === 'to-book' && (
        <label className="field" htmlFor={ids.counter}>
          <span>{t('explain.counter')}</span>
          <input id={ids.counter} className="narrow" value={counter} placeholder={t('explain.counterPlaceholder')} onChange={(e) => setCounter(e.target.value)} />
        </label>
      )}
      {correction && <p className="small">{t('explain.correction', { entry: correction })}</p>}
      <div className="row wrap">
        <button type="submit" disabled={!ready}>
          {t('category.save')}
        </button>
        {c && (
          <button type="button" className="ghost" onClick={() => onSave(null, '', null)}>
            {t('category.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
