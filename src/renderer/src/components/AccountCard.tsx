import { AGE_BUCKETS, type AccountResult } from '../../../shared/reconcile';
import { useT } from '../i18n';
import { BalanceChart } from './BalanceChart';
import { SignOffPanel } from './SignOffPanel';
import { StatusBadge } from './StatusBadge';

/** One clearing account at a glance: balance vs expected, aging, daily balance, sign-off. */
export function AccountCard({ account, suggestions, onOpen }: { account: AccountResult; suggestions: number; onOpen(): void }) {
  const { t, euro } = useT();
  const headingId = `acct-${account.account}`;
  return (
    <article className={`account-card status-${account.status}`} aria-labelledby={headingId} data-account={account.account}>
      <header className="row between">
        <div>
          <h3 id={headingId}>
            {t(`dash.role.${account.role}`)} <span className="muted">{account.account}</span>
          </h3>
          {account.name && <div className="muted small">{account.name}</div>}
        </div>
        <StatusBadge status={account.status} />
      </header>
      <dl className="figures">
        <div>
          <dt>{t('dash.closing')}</dt>
          <dd className="num">{euro(account.closing)}</dd>
        </div>
        <div>
          <dt>{t('dash.expected')}</dt>
          <dd className="num">{euro(account.expected)}</dd>
        </div>
        <div>
          <dt>{t('dash.difference')}</dt>
          <dd className={`num ${account.difference === 0 ? 'ok' : 'bad'}`}>{euro(account.difference)}</dd>
        </div>
      </dl>
      <BalanceChart points={account.dailyBalances} expected={account.expected} />
      <table className="aging">
        <caption className="muted small">{t('dash.open')}</caption>
        <thead>
          <tr>
            {AGE_BUCKETS.map((b) => (
              <th key={b} scope="col">
                {b}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {AGE_BUCKETS.map((b) => (
              <td key={b} className={`num ${account.agingTotals[b] ? '' : 'muted'}`}>
                {euro(account.agingTotals[b])}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <div className="row between">
        <span className="muted small">
          {t('dash.lines', { n: account.lineCount, open: account.openItems.length })}
          {suggestions ? ` · ${t('dash.matchesSuggested', { n: suggestions })}` : ''}
        </span>
        <button type="button" className="primary" onClick={onOpen} aria-label={`${t('dash.openAccount')} ${account.account}`}>
          {t('dash.openAccount')} →
        </button>
      </div>
      <SignOffPanel account={account} />
    </article>
  );
}
