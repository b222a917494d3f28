import { AGE_BUCKETS, type AccountResult, type Rollforward } from '../../../shared/reconcile';
import { useT } from '../i18n';
import { BalanceChart } from './BalanceChart';
import { ExpectedNote } from './ExpectedNote';
import { SignOffLine } from './SignOffLine';
import { focusWalletInput, shownStatus, StatusBadge } from './StatusBadge';

/** One Moss account at a glance: balance vs expected, aging, daily balance, who signed off. */
export function AccountCard({ account, rollforward, suggestions, onOpen }: { account: AccountResult; rollforward?: Rollforward; suggestions: number; onOpen(): void }) {
  const { t, euro } = useT();
  const headingId = `acct-${account.account}`;
  const status = shownStatus(account, rollforward);
  const waiting = status === 'wallet-missing';
  return (
    <article className={`account-card status-${status}`} aria-labelledby={headingId} data-account={account.account}>
      <header className="row between">
        <div>
          <h3 id={headingId}>
            {t(`dash.role.${account.role}`)} <span className="muted">{account.account}</span>
          </h3>
          {account.name && <div className="muted small">{account.name}</div>}
        </div>
        <StatusBadge status={status} />
      </header>
      <dl className="figures">
        <div>
          <dt>{t('dash.closing')}</dt>
          <dd className="num">{euro(account.closing)}</dd>
        </div>
        <div>
          <dt>{t('dash.expected')}</dt>
          <dd className="num">{waiting ? '—' : euro(account.expected)}</dd>
        </div>
        <div>
          <dt>{t('dash.difference')}</dt>
          <dd className={`num ${waiting ? 'muted' : account.difference === 0 ? 'ok' : 'bad'}`}>{waiting ? '—' : euro(account.difference)}</dd>
        </div>
      </dl>
      <ExpectedNote account={account} />
      {waiting && (
        <p className="wallet-missing small">
          {t('dash.walletMissing')}{' '}
          <button type="button" className="link" onClick={focusWalletInput}>
            {t('dash.enterWallet')}
          </button>
        </p>
      )}
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
          {t('dash.lines', { n: account.lineCount.toLocaleString(), open: account.openItems.length })}
          {suggestions ? ` · ${t('dash.matchesSuggested', { n: suggestions })}` : ''}
        </span>
        <button type="button" className="primary" onClick={onOpen} aria-label={`${t('dash.openAccount')} ${account.account}`}>
          {t('dash.openAccount')} →
        </button>
      </div>
      <SignOffLine account={account} />
    </article>
  );
}
