// One clearing account's known truth at a period's end, as the payroll and expense-claim truths
// both compute it from how the data was made: its lines up to the period's end, the ones still
// open (oldest first, with their age and why), and its figures, where "expected" is what is open
// but not yet due.
import type { ProfileId } from '../../../shared/domain';
import type { AccountRole } from '../../../shared/reconcile';
import { daysBetween } from './calendar';
import type { BookedLine } from './rows';
import type { TruthAccount, TruthFlag, TruthMatch, TruthOpenLine } from './truth';

/** What a profile's truth gives per period. */
export interface ProfileTruthPeriod {
  accounts: TruthAccount[];
  openLines: TruthOpenLine[];
  flags: TruthFlag[];
  matches: TruthMatch[];
}

export type OpenTruthLine = TruthOpenLine & { line: BookedLine };

/** The lines of each group they were made in (a run, a payment order, a report and its payment). */
export function linesByGroup(lines: readonly BookedLine[]): Map<string, BookedLine[]> {
  const byGroup = new Map<string, BookedLine[]>();
  for (const l of lines) if (l.group) byGroup.set(l.group, [...(byGroup.get(l.group) ?? []), l]);
  return byGroup;
}

export interface AccountAtPeriodEnd {
  lines: readonly BookedLine[];
  role: AccountRole;
  profile: ProfileId;
  account: string;
  /** The period's first and last day (YYYY-MM-DD). */
  from: string;
  to: string;
  /** Whether the line is cleared by the period's end (its group is complete and nets to zero). */
  cleared: (l: BookedLine, to: string) => boolean;
  /** Whether an open line is expected open at the period's end. */
  notYetDue: (l: BookedLine, ageDays: number) => boolean;
}

export function accountAtPeriodEnd(a: AccountAtPeriodEnd): { own: BookedLine[]; open: OpenTruthLine[]; figures: TruthAccount } {
  const { account, from, to } = a;
  const own = a.lines.filter((l) => l.account === account && l.date <= to);
  const open = own
    .filter((l) => l.amount !== 0 && !a.cleared(l, to))
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.key < y.key ? -1 : 1))
    .map((l): OpenTruthLine => {
      const ageDays = daysBetween(l.date, to);
      return { key: l.key, account, date: l.date, amount: l.amount, ageDays, reason: a.notYetDue(l, ageDays) ? 'not-yet-due' : (l.problem ?? 'counterpart-after-period-end'), line: l };
    });
  const opening = own.filter((l) => l.date < from).reduce((s, l) => s + l.amount, 0);
  const inPeriod = own.filter((l) => l.date >= from);
  const debit = inPeriod.reduce((s, l) => s + l.debit, 0);
  const credit = inPeriod.reduce((s, l) => s + l.credit, 0);
  const closing = opening + debit - credit;
  const expected = open.filter((o) => o.reason === 'not-yet-due').reduce((s, o) => s + o.amount, 0);
  return { own, open, figures: { role: a.role, profile: a.profile, account, opening, debit, credit, closing, expected, difference: closing - expected, clears: closing === expected } };
}
