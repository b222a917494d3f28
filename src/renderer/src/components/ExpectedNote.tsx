import type { AccountResult } from '../../../shared/reconcile';
import { useT } from '../i18n';

/**
 * What `expected` is when it is not 0: the period's own items, paid after it (payroll tax,
 * pension); the reports within their payment cycle (expense claims); or what is released after the
 * period (a transitory account).
 */
export function ExpectedNote({ account }: { account: AccountResult }) {
  const { t } = useT();
  if (account.expectedKind === 'unreleased') {
    return (
      <p className="muted small expected-note" data-testid="expected-note">
        {t('dash.expectedUnreleased', { n: account.voucherCount ?? 0 })}
      </p>
    );
  }
  if (account.expectedKind !== 'not-yet-due') return null;
  const n = account.openItems.filter((o) => o.reason === 'not-yet-due').length;
  return (
    <p className="muted small expected-note" data-testid="expected-note">
      {account.dueWithinDays !== undefined ? t('dash.expectedWithinCycle', { n, days: account.dueWithinDays }) : t('dash.expectedNotYetDue', { n })}
    </p>
  );
}
