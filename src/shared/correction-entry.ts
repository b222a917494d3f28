// The correction entry (memoriaalboeking) that clears an amount left on a clearing account: the
// clearing account is credited what it holds in debit (and the reverse), the counter account the
// controller names takes the other side. Money in cents; the lines balance by construction.
import type { Cents } from './money';
import type { CorrectionEntry } from './reconcile';

export function proposeCorrection(clearingAccount: string, amount: Cents, counterAccount: string, description: string): CorrectionEntry {
  const a = Math.abs(amount);
  const clearing = amount > 0 ? { debit: 0, credit: a } : { debit: a, credit: 0 };
  const counter = { debit: clearing.credit, credit: clearing.debit };
  return {
    lines: [
      { account: counterAccount.trim(), ...counter, description },
      { account: clearingAccount, ...clearing, description },
    ],
  };
}
