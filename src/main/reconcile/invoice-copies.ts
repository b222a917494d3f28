// A document exported twice under one number (an expense report booked twice on one creditor):
// the later line with the same invoice id and amount is the copy. It is set aside before the
// passes run (the first one is what a payment pays), is not part of the liability not yet due, and
// is not "missing" its payment: the duplicate flag says what to do with it.
import type { LineKey } from '../../shared/domain';
import type { AccountLines } from './prepare';
import { inJournalSet, type ClearingAccountRule } from './rules';
import { returnReason } from './text';

const NONE: ReadonlySet<LineKey> = new Set();

export function invoiceCopyKeys(rule: ClearingAccountRule, acc: AccountLines): ReadonlySet<LineKey> {
  if (!rule.invoiceCopies) return NONE;
  const first = new Map<string, { day: number; entryNo: number; seqNo: number; key: LineKey }>();
  const copies = new Set<LineKey>();
  const { lines, day } = acc;
  for (let j = 0; j < lines.length; j++) {
    const l = lines[j]!;
    const inv = l.invoiceId?.trim().toUpperCase();
    if (!inv || l.amount === 0 || !inJournalSet(rule.left, l.journalId) || returnReason(l) !== null) continue;
    const k = `${inv}|${l.amount}`;
    const seen = first.get(k);
    const me = { day: day[j]!, entryNo: l.entryNo, seqNo: l.seqNo, key: l.key };
    if (!seen) {
      first.set(k, me);
      continue;
    }
    const earlier = seen.day - me.day || seen.entryNo - me.entryNo || seen.seqNo - me.seqNo;
    if (earlier <= 0) copies.add(me.key);
    else {
      copies.add(seen.key);
      first.set(k, me);
    }
  }
  return copies.size === 0 ? NONE : copies;
}
