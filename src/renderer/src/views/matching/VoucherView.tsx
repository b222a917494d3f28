import { Fragment, useId, useMemo, useState } from 'react';
import { periodLabel, type Period } from '../../../../shared/domain';
import type { AccountResult } from '../../../../shared/reconcile';
import { useT } from '../../i18n';
import { isOpenVoucher, voucherLines, voucherRows, voucherTotals } from '../../state/voucher-view';

const monthLabel = (ym: string | null) => (ym ? `${ym.slice(5, 7)}-${ym.slice(0, 4)}` : '—');
const lastDayOf = (p: Period) => `${p.year}-${String(p.month).padStart(2, '0')}-${String(new Date(Date.UTC(p.year, p.month, 0)).getUTCDate()).padStart(2, '0')}`;

/**
 * A transitory account per voucher: booked, released through the period, still to release and the
 * remainder that will never be released; each voucher's lines (also those after the period) on expand.
 */
export function VoucherView({ account, period }: { account: AccountResult; period: Period }) {
  const { t, euro, date } = useT();
  const all = useMemo(() => account.vouchers ?? [], [account.vouchers]);
  const [openOnly, setOpenOnly] = useState(false);
  const [text, setText] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => voucherRows(all, { openOnly, text }), [all, openOnly, text]);
  const totals = useMemo(() => voucherTotals(rows), [rows]);
  const p = periodLabel(period);
  const last = lastDayOf(period);
  const id = useId();
  const toggle = (no: string) => setExpanded((s) => {
    const n = new Set(s);
    if (n.has(no)) n.delete(no);
    else n.add(no);
    return n;
  });
  return (
    <section className="panel voucher-view" aria-labelledby={`${id}-h`} data-testid="voucher-view">
      <h3 id={`${id}-h`}>{t('voucher.title', { n: all.length })}</h3>
      <p className="muted small">{t('voucher.hint', { p })}</p>
      <div className="row wrap">
        <label className="check">
          <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> {t('voucher.openOnly')}
        </label>
        <label className="field">
          <span>{t('voucher.search')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('voucher.none')}</p>
      ) : (
        <table className="voucher-table">
          <thead>
            <tr>
              <th scope="col">{t('voucher.no')}</th>
              <th scope="col">{t('voucher.invoice')}</th>
              <th scope="col">{t('voucher.bookedOn')}</th>
              <th scope="col">{t('voucher.periods')}</th>
              <th scope="col" className="num">{t('voucher.booked')}</th>
              <th scope="col" className="num">{t('voucher.releasedThrough', { p })}</th>
              <th scope="col" className="num">{t('voucher.toRelease')}</th>
              <th scope="col" className="num">{t('voucher.remainder')}</th>
              <th scope="col">{t('voucher.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => {
              const open = expanded.has(v.voucherNo);
              return (
                <Fragment key={v.voucherNo}>
                  <tr data-voucher={v.voucherNo} className={isOpenVoucher(v) ? 'bad' : ''}>
                    <th scope="row">
                      <button type="button" className="link" aria-expanded={open} aria-label={t(open ? 'voucher.collapse' : 'voucher.expand', { no: v.voucherNo })} onClick={() => toggle(v.voucherNo)}>
                        {open ? '▾' : '▸'} {v.voucherNo}
                      </button>
                    </th>
                    <td>{[v.invoiceId, v.description].filter(Boolean).join(' · ')}</td>
                    <td>{date(v.bookedOn)}</td>
                    <td>{v.firstRelease ? `${monthLabel(v.firstRelease)} … ${monthLabel(v.lastRelease)}` : '—'}</td>
                    <td className="num">{euro(v.booked)}</td>
                    <td className="num">{euro(v.releasedThrough)}</td>
                    <td className="num">{euro(v.toRelease)}</td>
                    <td className={`num ${v.remainder === 0 ? 'ok' : 'bad'}`} data-testid="voucher-remainder">{euro(v.remainder)}</td>
                    <td>{t(`voucher.status.${v.status}`)}</td>
                  </tr>
                  {open &&
                    voucherLines(v, last).map((l) => (
                      <tr key={l.key} className={`voucher-line ${l.after ? 'muted' : ''}`} data-line={l.key}>
                        <td />
                        <td>{l.description}</td>
                        <td>{date(l.entryDate)}</td>
                        <td>{`${l.journalId} ${l.entryNo}`}</td>
                        <td className="num">{l.booking ? euro(l.amount) : ''}</td>
                        <td className="num">{!l.booking && !l.after ? euro(l.amount) : ''}</td>
                        <td className="num">{l.after ? euro(l.amount) : ''}</td>
                        <td />
                        <td>
                          {t(l.booking ? 'voucher.line.booking' : 'voucher.line.release')}
                          {l.after ? ` (${t('voucher.line.after', { p })})` : ''}
                        </td>
                      </tr>
                    ))}
                </Fragment>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>{t('voucher.total', { n: rows.length })}</th>
              <td className="num">{euro(totals.booked)}</td>
              <td className="num">{euro(totals.releasedThrough)}</td>
              <td className="num">{euro(totals.toRelease)}</td>
              <td className="num">{euro(totals.remainder)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
