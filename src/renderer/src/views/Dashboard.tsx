import { FlagList } from '../components/FlagList';
import { WalletPanel } from '../components/WalletPanel';
import { useT } from '../i18n';
import { useMonth } from '../state/month';
import { profilesOf, ProfileSection } from './dashboard/ProfileSection';

/** The month at a glance: each profile's accounts together (Moss's merchant creditors in a table), flags, wallet. */
export function Dashboard() {
  const { t } = useT();
  const { result, openAccount } = useMonth();
  if (!result) return <p className="panel muted">{t('month.noResult')}</p>;
  const suggested = (account: string) => result.matches.filter((m) => m.account === account && m.status === 'suggested').length;
  const hasWallet = result.accounts.some((a) => a.role === 'mossBalance');
  return (
    <div className="dashboard">
      <div className="dash-main">
        <section aria-labelledby="accounts-h">
          <h2 id="accounts-h" className="section-title">
            {t('dash.accounts')} · {result.unitId} {result.name ?? ''}
          </h2>
          {profilesOf(result).map((p) => (
            <ProfileSection key={p} profile={p} result={result} suggested={suggested} onOpen={openAccount} />
          ))}
        </section>
      </div>
      <aside className="side">
        <FlagList flags={result.flags} onShow={openAccount} />
        {hasWallet && <WalletPanel rollforward={result.rollforward} />}
      </aside>
    </div>
  );
}
