import { parseBankText } from '../../../../shared/bank-text';
import type { AccountLine, LineHistoryEntry } from '../../../../shared/contract';
import { categoryLabel } from '../../../../shared/item-categories';
import type { AccountResult, ItemCategory } from '../../../../shared/reconcile';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/messages';
import type { LineMatch } from '../../state/line-view';
import { confirmedByLabel, methodLabel } from '../../i18n/methods';
import { CategoryEditor } from './CategoryEditor';
import { LineHistory } from './LineHistory';

/**
 * Everything about the focused line: the table shows a digest, this the whole line, its match
 * (difference, reason, who, when), its category when it is open, and its history.
 */
export function LineDetail({ line, match, stale, account, history, onNote, onCategorise }: {
  line: AccountLine;
  match: LineMatch | undefined;
  stale: boolean;
  account: AccountResult | undefined;
  history: LineHistoryEntry[] | null;
  onNote(): void;
  onCategorise(category: ItemCategory | null, reason: string, counter: string | null): void;
}) {
  const { t, euro, date, when, lang } = useT();
  const rows: [string, string][] = [
    [t('detail.entry'), `${line.journalId} ${line.entryNo} / ${line.seqNo}`],
    [t('match.col.date'), date(line.entryDate)],
    [t('detail.voucherDate'), date(line.voucherDate)],
    [t('match.col.voucher'), line.voucherNo ?? '—'],
    [t('detail.invoice'), line.invoiceId ?? '—'],
    [t('detail.description'), line.description ?? '—'],
    [t('detail.lineDescription'), line.lineDescription ?? '—'],
    ...bankRows(line.lineDescription ?? line.description, t),
    [t('match.col.amount'), euro(line.amount)],
    [t('match.col.status'), match ? `${t(`match.status.${match.status}`)} · ${methodLabel(match.method, lang)}` : t('detail.open')],
  ];
  const open = account?.openItems.find((o) => o.line.key === line.key);
  const matched = match && match.status !== 'suggested' ? match : undefined;
  return (
    <section className={`panel line-detail${stale ? ' stale' : ''}`} aria-labelledby="line-detail-h" aria-busy={stale} data-testid="line-detail">
      <h3 id="line-detail-h">{t('detail.title')}</h3>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        {line.note && (
          <>
            <dt>{t('match.note')}</dt>
            <dd>{line.note}</dd>
          </>
        )}
      </dl>
      {matched && (
        <div className="group-info" data-testid="group-info">
          <h4>{t('group.title')}</h4>
          <p className="small">{t('group.by', { by: confirmedByLabel(matched.confirmedBy, lang), at: when(matched.confirmedAt) })}</p>
          {matched.difference !== 0 && (
            <p className="small">
              {t('group.difference', { amount: euro(matched.difference) })} · {categoryLabel(matched.category ?? null, lang)}
            </p>
          )}
          {matched.reason && <p className="small">{t('group.reason', { reason: matched.reason })}</p>}
        </div>
      )}
      <button type="button" onClick={onNote}>
        {t('match.note')} <kbd>N</kbd>
      </button>
      {open && account && <CategoryEditor key={`${line.key}-${open.categorisation?.at ?? ''}`} item={open} account={account} onSave={onCategorise} />}
      <LineHistory entries={stale ? null : history} />
    </section>
  );
}

/** A SEPA structured bank text, read: who paid or was paid, what for, and the payment's references. */
function bankRows(text: string | null, t: (key: MessageKey) => string): [string, string][] {
  const sepa = parseBankText(text);
  if (!sepa) return [];
  const c = sepa.counterparty;
  const who = [c.name, c.iban, c.bic, c.city].filter((v) => v).join(' · ');
  const rows: [string, string][] = [[t('detail.counterparty'), who || '—'], [t('detail.remittance'), sepa.structuredReference ?? sepa.remittance ?? '—']];
  if (sepa.endToEnd) rows.push([t('detail.endToEnd'), sepa.endToEnd]);
  if (sepa.batch) rows.push([t('detail.batch'), sepa.transactions !== null ? `${sepa.batch} (${sepa.transactions})` : sepa.batch]);
  return rows;
}
