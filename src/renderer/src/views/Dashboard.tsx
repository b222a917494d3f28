import { periodLabel } from '../../../shared/domain';
import { FlagList } from '../components/FlagList';
import { WalletPanel } from '../components/WalletPanel';
import { useT } from '../i18n';
import { useMonth } from '../state/month';
import { profilesOf, ProfileSection } from './dashboard/ProfileSection';

/** The month at a glance: each profile's accounts together (Moss's merchant creditors in a table), flags, wallet. */
export function Dashboard() {
  const { t } = useT();
  const { result, openAccount, period } = useMonth();
  if (!result) return <p className="panel muted">{t('month.noResult')}</p>;
  const suggested = (account: string) => result.matches.filter((m) => m.account === account && m.status === 'suggested').length;
  const fetched = result.fetched !== false;
  const hasWallet = result.accounts.some((a) => a.role === 'mossBalance');
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
          {profilesOf(result).map((p) => (
            <ProfileSection key={p} profile={p} result={result} suggested={suggested} onOpen={(a) => openAccount(a)} />
          ))}
        </section>
      </div>
      <aside className="side">
        <FlagList flags={result.flags} fetched={fetched} onShow={(account, lines, label) => openAccount(account, lines ? { lines, label } : null)} />
        {fetched && hasWallet && <WalletPanel rollforward={result.rollforward} />}
      </aside>
    </div>
  );
}
