import { AccountCard } from '../components/AccountCard';
import { FlagList } from '../components/FlagList';
import { WalletPanel } from '../components/WalletPanel';
import { useT } from '../i18n';
import { useMonth } from '../state/month';

/** The administration's month at a glance: the clearing accounts, the flags, the wallet. */
export function Dashboard() {
  const { t } = useT();
  const { result, openAccount } = useMonth();
  if (!result) return <p className="panel muted">{t('month.noResult')}</p>;
  const suggested = (account: string) => result.matches.filter((m) => m.account === account && m.status === 'suggested').length;
  return (
    <div className="dashboard">
      <section aria-labelledby="accounts-h">
        <h2 id="accounts-h" className="section-title">
          {t('dash.accounts')} · {result.unitId} {result.name ?? ''}
        </h2>
        <div className="cards">
          {result.accounts.map((a) => (
            <AccountCard key={a.account} account={a} suggestions={suggested(a.account)} onOpen={() => openAccount(a.account)} />
          ))}
        </div>
      </section>
      <aside className="side">
        <FlagList flags={result.flags} onShow={openAccount} />
        <WalletPanel rollforward={result.rollforward} />
      </aside>
    </div>
  );
}
