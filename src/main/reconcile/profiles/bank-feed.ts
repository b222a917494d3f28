// The journals of a company's bank feed: those that post to its bank ledger accounts, other than
// the profile's own journals. Found from the data because AFAS's journal type does not say which
// journal is the imported statement.
import type { MutationLine } from '../../../shared/domain';
import type { JournalSet } from '../rules';

export function bankFeedJournals(lines: readonly MutationLine[], bankAccounts: readonly string[], own: readonly string[]): string[] {
  const banks = new Set(bankAccounts);
  const feed = new Set<string>();
  for (const l of lines) if (banks.has(l.accountNo) && !own.includes(l.journalId)) feed.add(l.journalId);
  return [...feed].sort();
}

/**
 * The settlement side and the journals allowed on a clearing account: the feed, or (when no bank
 * line is synced yet, so the feed is unknown) any journal but the profile's own.
 */
export function feedSides(feed: readonly string[], own: readonly string[]): { settlement: JournalSet; allowed: JournalSet } {
  return feed.length > 0 ? { settlement: { only: feed }, allowed: { only: [...own, ...feed] } } : { settlement: { except: own }, allowed: { except: [] } };
}
