import type { AccountResult } from '../../../shared/reconcile';
import { useT } from '../i18n';
import { judged, SignOffBadge, StatusBadge } from './StatusBadge';

/** Creditors Moss pays directly: usually clear, so one row each, not a card. */
export function CreditorTable({ accounts, suggested, onOpen }: { accounts: AccountResult[]; suggested(account: string): number; onOpen(account: string): void }) {
  const { t, tn, euro } = useT();
  const clearing = accounts.filter((a) => a.status === 'clears').length;
  return (
    <section className="panel creditors" aria-labelledby="creditors-h">
      <h2 id="creditors-h" className="section-title">
        {t('dash.creditors')} <span className="muted small">{t('dash.creditorsClear', { n: clearing, total: accounts.length })}</span>
      </h2>
      <table className="creditor-table">
        <thead>
          <tr>
            <th scope="col">{t('dash.creditor')}</th>
            <th scope="col">{t('dash.name')}</th>
            <th scope="col" className="num">{t('dash.closing')}</th>
            <th scope="col" className="num">{t('dash.difference')}</th>
            <th scope="col" className="num">{t('dash.openItemsHead')}</th>
            <th scope="col">{t('dash.status')}</th>
            <th scope="col">
              <span className="sr-only">{t('dash.openAccount')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => {
            const ok = judged(a);
            const n = suggested(a.account);
            return (
              <tr key={a.account} data-account={a.account} className={`status-${a.status}`}>
                <th scope="row">{a.account}</th>
                <td>{a.name ?? ''}</td>
                <td className="num">{a.status === 'not-fetched' ? '—' : euro(a.closing)}</td>
                <td className={`num ${ok ? (a.difference === 0 ? 'ok' : 'bad') : 'muted'}`}>{ok ? euro(a.difference) : '—'}</td>
                <td className="num">
                  {a.openItems.length}
                  {n ? <span className="muted small"> · {tn('dash.matchesSuggested', n)}</span> : null}
                </td>
                <td>
                  <span className="badges">
                    <StatusBadge status={a.status} />
                    <SignOffBadge account={a} />
                  </span>
                </td>
                <td>
                  <button type="button" className="ghost nowrap" onClick={() => onOpen(a.account)} aria-label={`${t('dash.openAccount')} ${a.account}`} disabled={a.status === 'not-fetched'}>
                    {t('dash.openAccount')} →
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
