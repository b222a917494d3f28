// Sign-off of one account for one period: the latest preparer and reviewer. A sign-off is
// suspended as soon as the account no longer shows what was signed (closing or open-item count).
import { formatEuro } from '../../shared/money';
import type { Cents } from '../../shared/money';
import type { SignOffEntry, SignOffRejection, SignOffState, StoredRejection, StoredSignOff } from '../../shared/reconcile';

export interface CurrentState {
  closing: Cents;
  openItems: number;
}

export function signOffState(
  stored: readonly StoredSignOff[],
  account: string,
  period: string,
  current: CurrentState,
  rejections: readonly StoredRejection[] = [],
): SignOffState {
  let preparer: StoredSignOff | null = null;
  let reviewer: StoredSignOff | null = null;
  for (const s of stored) {
    if (s.account !== account || s.period !== period) continue;
    if (s.role === 'preparer' && (!preparer || s.at >= preparer.at)) preparer = s;
    if (s.role === 'reviewer' && (!reviewer || s.at >= reviewer.at)) reviewer = s;
  }
  const nl: string[] = [];
  const en: string[] = [];
  for (const s of [preparer, reviewer]) {
    if (!s) continue;
    const who = s.role === 'preparer' ? { nl: 'opsteller', en: 'preparer' } : { nl: 'beoordelaar', en: 'reviewer' };
    if (s.snapshot.closing !== current.closing) {
      nl.push(`het saldo is ${formatEuro(current.closing, 'nl')}, bij aftekenen door de ${who.nl} (${s.by}) was het ${formatEuro(s.snapshot.closing, 'nl')}`);
      en.push(`the balance is ${formatEuro(current.closing, 'en')}, it was ${formatEuro(s.snapshot.closing, 'en')} when the ${who.en} (${s.by}) signed off`);
    }
    if (s.snapshot.openItems !== current.openItems) {
      nl.push(`er staan ${current.openItems} posten open, bij aftekenen door de ${who.nl} (${s.by}) waren het er ${s.snapshot.openItems}`);
      en.push(`${current.openItems} items are open, there were ${s.snapshot.openItems} when the ${who.en} (${s.by}) signed off`);
    }
  }
  const suspended = nl.length > 0;
  return {
    preparer: entry(preparer),
    reviewer: entry(reviewer),
    rejected: latestRejection(rejections, account, period, preparer?.at ?? null),
    suspended,
    suspendedReason: suspended
      ? {
          nl: `Aftekening opgeschort: ${nl.join('; ')}. Controleer de wijziging en teken opnieuw af.`,
          en: `Sign-off suspended: ${en.join('; ')}. Review the change and sign off again.`,
        }
      : null,
  };
}

function entry(s: StoredSignOff | null): SignOffEntry | null {
  return s ? { by: s.by, at: s.at } : null;
}

/** The reviewer's newest rejection, unless the account was prepared again after it. */
function latestRejection(rejections: readonly StoredRejection[], account: string, period: string, preparedAt: string | null): SignOffRejection | null {
  let last: StoredRejection | null = null;
  for (const r of rejections) {
    if (r.account !== account || r.period !== period) continue;
    if (!last || r.at >= last.at) last = r;
  }
  if (!last || (preparedAt !== null && preparedAt >= last.at)) return null;
  return { by: last.by, at: last.at, comment: last.comment };
}
