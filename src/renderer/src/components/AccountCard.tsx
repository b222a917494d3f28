import { periodLabel, type Period } from '../../../shared/domain';
import { AGE_BUCKETS, type AccountResult, type Rollforward } from '../../../shared/reconcile';
import { useT } from '../i18n';
import { BalanceChart } from './BalanceChart';
import { ExpectedNote } from './ExpectedNote';
import { SignOffLine } from './SignOffLine';
import { focusWalletInput, judged, shownStatus, SignOffBadge, StatusBadge } from './StatusBadge';

/**
 * One account at a glance: balance vs expected and what stays unexplained, aging, daily balance,
 * who signed off. A month not fetched shows no figures at all (never a green "clears").
 */
export function AccountCard({ account, rollforward, suggestions, period, onOpen }: { account: AccountResult; rollforward?: Rollforward; suggestions: number; period: Period; onOpen(): void }) {
  const { t, tn, euro } = useT();
  const headingId = `acct-${account.account}`;
  const status = shownStatus(account, rollforward);
  const waiting = status === 'wallet-missing';
  const fetched = account.status !== 'not-fetched';
  const ok = judged(account);
  const figure = (label: string, value: string, cls = '') => (
    <div>
      <dt>{label}</dt>
      <dd className={`num ${cls}`}>{value}</dd>
    </div>
  );
  return (
    <article className={`account-card status-${status}`} aria-labelledby={headingId} data-account={account.account}>
      <header className="card-head">
        <div>
          <h3 id={headingId}>
            {t(`dash.role.${account.role}`)} <span className="muted">{account.account}</span>
          </h3>
          {account.name && <div className="muted small">{account.name}</div>}
        </div>
        <div className="badges">
          <StatusBadge status={status} />
          <SignOffBadge account={account} />
        </div>
      </header>
      <dl className="figures">
        {figure(t('dash.closing'), fetched ? euro(account.closing) : '—')}
        {figure(t('dash.expected'), ok ? euro(account.expected) : '—')}
        {figure(t('dash.difference'), ok ? euro(account.difference) : '—', ok ? (account.difference === 0 ? 'ok' : 'bad') : 'muted')}
        {figure(t('dash.unexplained'), ok && account.unexplained !== undefined && account.unexplained !== null ? euro(account.unexplained) : '—', ok ? (account.unexplained === 0 ? 'ok' : 'bad') : 'muted')}
      </dl>
      {fetched && <ExpectedNote account={account} />}
      {waiting && (
        <p className="wallet-missing small">
          {t('dash.walletMissing')}{' '}
          <button type="button" className="link" onClick={focusWalletInput}>
            {t('dash.enterWallet')}
          </button>
        </p>
      )}
      {fetched && <BalanceChart points={account.dailyBalances} expected={account.expected} judged={ok} />}
      {fetched && (
        <table className="aging">
          <caption className="muted small">{t('dash.open')} · €</caption>
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
                <td key={b} className={`num ${account.agingTotals[b] ? '' : 'muted'}`} title={euro(account.agingTotals[b])}>
                  {/* The caption says euros: without the sign each amount fits its column at 1280 px. */}
                  {euro(account.agingTotals[b]).replace(/€\s?/, '')}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
      <div className="card-foot">
        <span className="muted small" data-testid="card-counts">
          {fetched ? `${tn('dash.lines', account.lineCount, { period: periodLabel(period) })} · ${tn('dash.openItems', account.openItems.length)}${suggestions ? ` · ${tn('dash.matchesSuggested', suggestions)}` : ''}` : t('status.not-fetched')}
        </span>
        <button type="button" className="primary nowrap" onClick={onOpen} aria-label={`${t('dash.openAccount')} ${account.account}`} disabled={!fetched}>
          {t('dash.openAccount')} →
        </button>
      </div>
      <SignOffLine account={account} />
    </article>
  );
}
