import type { AccountResult, AccountStatus, Rollforward } from '../../../shared/reconcile';
import { useT } from '../i18n';

/** What a badge says: the engine's status, or that Moss Balance waits for the wallet balance. */
export type ShownStatus = AccountStatus | 'wallet-missing';

const ICON: Record<ShownStatus, string> = { clears: '✓', 'does-not-clear': '✗', 'not-fetched': '○', 'awaiting-balance': '…', 'wallet-missing': '…' };

/**
 * Moss Balance can only clear against the wallet balance Moss reports: until it is entered the
 * account is not "does not clear" (there is nothing to compare with), it is waiting for input.
 */
export function shownStatus(account: AccountResult, rollforward: Rollforward | undefined): ShownStatus {
  if (account.role === 'mossBalance' && rollforward?.wallet === null && account.status === 'awaiting-balance') return 'wallet-missing';
  return account.status;
}

/** Whether the account's figures can be judged (fetched, and its expected balance known). */
export function judged(account: AccountResult): boolean {
  return account.status === 'clears' || account.status === 'does-not-clear';
}

export function StatusBadge({ status }: { status: ShownStatus }) {
  const { t } = useT();
  return (
    <span className={`badge status-${status}`} data-status={status}>
      <span aria-hidden="true">{ICON[status]} </span>
      {t(`status.${status}`)}
    </span>
  );
}

export type SignOffShown = 'prepared' | 'reviewed' | 'suspended' | 'rejected';

/** The sign-off as a badge of its own, next to the clearing status (never instead of it). */
export function signOffShown(account: AccountResult): SignOffShown | null {
  const s = account.signOff;
  if (s.suspended) return 'suspended';
  if (s.reviewer) return 'reviewed';
  if (s.preparer) return 'prepared';
  if (s.rejected) return 'rejected';
  return null;
}

export function SignOffBadge({ account }: { account: AccountResult }) {
  const { t } = useT();
  const shown = signOffShown(account);
  if (!shown) return null;
  const icon = { prepared: '✔', reviewed: '✔✔', suspended: '‖', rejected: '↩' }[shown];
  return (
    <span className={`badge signoff-${shown}`} data-signoff={shown}>
      <span aria-hidden="true">{icon} </span>
      {t(`signoffBadge.${shown}`)}
    </span>
  );
}

/** Where the wallet balance is typed (WalletPanel); links and buttons focus it. */
export const WALLET_INPUT_ID = 'wallet-balance-input';

export function focusWalletInput(): void {
  const el = document.getElementById(WALLET_INPUT_ID);
  el?.scrollIntoView({ block: 'center' });
  el?.focus();
}
