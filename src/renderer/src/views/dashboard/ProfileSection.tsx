import type { ProfileId } from '../../../../shared/domain';
import type { AccountResult, AdministrationResult } from '../../../../shared/reconcile';
import { AccountCard } from '../../components/AccountCard';
import { CreditorTable } from '../../components/CreditorTable';
import { EmployeeTable } from '../../components/EmployeeTable';
import { useT } from '../../i18n';

/** The profiles of a result in the engine's order (an account without one is Moss's: older results). */
export function profilesOf(result: AdministrationResult): ProfileId[] {
  return [...new Set(result.accounts.map((a) => a.profile ?? 'moss'))];
}

/** One profile's accounts: a card per clearing account, Moss's merchant creditors and Declaree's employee creditors as tables. */
export function ProfileSection({ profile, result, suggested, onOpen }: { profile: ProfileId; result: AdministrationResult; suggested(account: string): number; onOpen(account: string): void }) {
  const { t } = useT();
  const own: AccountResult[] = result.accounts.filter((a) => (a.profile ?? 'moss') === profile);
  const cards = own.filter((a) => a.role !== 'creditor' && a.role !== 'employeeCreditor');
  const creditors = own.filter((a) => a.role === 'creditor');
  const employees = own.filter((a) => a.role === 'employeeCreditor');
  const headingId = `profile-${profile}-h`;
  return (
    <section className="profile-section" data-profile={profile} aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        {t(`profile.${profile}`)} <span className="muted small">{t(`profile.${profile}Hint`)}</span>
      </h3>
      <div className={`cards ${profile}-cards`}>
        {cards.map((a) => (
          <AccountCard key={a.account} account={a} rollforward={result.rollforward} suggestions={suggested(a.account)} period={result.period} onOpen={() => onOpen(a.account)} />
        ))}
      </div>
      {creditors.length > 0 && <CreditorTable accounts={creditors} suggested={suggested} onOpen={onOpen} />}
      {employees.length > 0 && <EmployeeTable accounts={employees} suggested={suggested} onOpen={onOpen} />}
    </section>
  );
}
