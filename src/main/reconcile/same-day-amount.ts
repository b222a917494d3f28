// Lines that share journal, entry date and amount: the first test for an entry exported twice.
// Run over every period line of an account on every picture, so the group of a line is a small
// number found through a map per journal and date, not a key text made per line (600,000 such
// texts were a third of what a picture allocated).
import type { MutationLine } from '../../shared/domain';

export class SameDayAmount {
  private readonly byJournal = new Map<string, Map<string, Map<number, number>>>();
  private count = 0;

  /** The group of the line's journal, date and amount (a new one when none exists yet). */
  id(l: Pick<MutationLine, 'journalId' | 'entryDate' | 'amount'>): number {
    let byDate = this.byJournal.get(l.journalId);
    if (byDate === undefined) this.byJournal.set(l.journalId, (byDate = new Map()));
    let byAmount = byDate.get(l.entryDate);
    if (byAmount === undefined) byDate.set(l.entryDate, (byAmount = new Map()));
    const had = byAmount.get(l.amount);
    if (had !== undefined) return had;
    byAmount.set(l.amount, this.count);
    return this.count++;
  }

  /** The group, or -1 when no line of that journal, date and amount was given to id(). */
  find(l: Pick<MutationLine, 'journalId' | 'entryDate' | 'amount'>): number {
    return this.byJournal.get(l.journalId)?.get(l.entryDate)?.get(l.amount) ?? -1;
  }

  get size(): number {
    return this.count;
  }
}
