import { AccountCard } from '../components/AccountCard';
import { CreditorTable } from '../components/CreditorTable';
import { FlagList } from '../components/FlagList';
import { WalletPanel } from '../components/WalletPanel';
import { useT } from '../i18n';
import { useMonth } from '../state/month';

/** The month at a glance: the three Moss accounts first, the merchant creditors below, flags, wallet. */
export function Dashboard() {
  const { t } = useT();
  const { result, openAccount } = useMonth();
  if (!result) return <p className="panel muted">{t('month.noResult')}</p>;
  const suggested = (account: string) => result.matches.filter((m) => m.account === account && m.status === 'suggested').length;
  const moss = result.accounts.filter((a) => a.role !== 'creditor');
  const creditors = result.accounts.filter((a) => a.role === 'creditor');
  return (
    <div className="dashboard">
      <div className="dash-main">
        <section aria-labelledby="accounts-h">
          <h2 id="accounts-h" className="section-title">
            {t('dash.accounts')} · {result.unitId} {result.name ?? ''}
          </h2>
          <div className="cards moss-cards">
            {moss.map((a) => (
              <AccountCard key={a.account} account={a} rollforward={result.rollforward} suggestions={suggested(a.account)} onOpen={() => openAccount(a.account)} />
            ))}
          </div>
        </section>
        {creditors.length > 0 && <CreditorTable accounts={creditors} suggested={suggested} onOpen={openAccount} />}
      </div>
      <aside className="side">
        <FlagList flags={result.flags} onShow={openAccount} />
        <WalletPanel rollforward={result.rollforward} />
      </aside>
    </div>
  );
}
