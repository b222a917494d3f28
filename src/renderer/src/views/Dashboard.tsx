import { periodLabel } from '../../../shared/domain';
import { AccountCard } from '../components/AccountCard';
import { CreditorTable } from '../components/CreditorTable';
import { FlagList } from '../components/FlagList';
import { WalletPanel } from '../components/WalletPanel';
import { useT } from '../i18n';
import { useMonth } from '../state/month';

/** The month at a glance: the clearing accounts first, the creditors below, flags, wallet. */
export function Dashboard() {
  const { t } = useT();
  const { result, openAccount, period } = useMonth();
  if (!result) return <p className="panel muted">{t('month.noResult')}</p>;
  const suggested = (account: string) => result.matches.filter((m) => m.account === account && m.status === 'suggested').length;
  const main = result.accounts.filter((a) => a.role !== 'creditor');
  const creditors = result.accounts.filter((a) => a.role === 'creditor');
  const fetched = result.fetched !== false;
  return (
    <div className="dashboard">
      <div className="dash-main">
        {!fetched && (
          <p className="panel not-fetched" role="status" data-testid="not-fetched">
            <span aria-hidden="true">○ </span>
            {t('month.notFetched', { period: periodLabel(period) })}
          </p>
        )}
        <section aria-labelledby="accounts-h">
          <h2 id="accounts-h" className="section-title">
            {t('dash.accounts')} · {result.unitId} {result.name ?? ''}
          </h2>
          <div className="cards moss-cards">
            {main.map((a) => (
              <AccountCard key={a.account} account={a} rollforward={result.rollforward} suggestions={suggested(a.account)} period={result.period} onOpen={() => openAccount(a.account)} />
            ))}
          </div>
        </section>
        {creditors.length > 0 && <CreditorTable accounts={creditors} suggested={suggested} onOpen={(a) => openAccount(a)} />}
      </div>
      <aside className="side">
        <FlagList flags={result.flags} fetched={fetched} onShow={(account, lines, label) => openAccount(account, lines ? { lines, label } : null)} />
        {fetched && <WalletPanel rollforward={result.rollforward} />}
      </aside>
    </div>
  );
}
