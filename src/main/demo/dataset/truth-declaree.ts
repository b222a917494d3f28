// The known truth of the demo's expense claims (profiles.md, Declaree): per period the figures of
// payments in transit and every employee creditor, the open lines and why, the flags the planted
// problems raise and the payment orders that must be matched. From how the data was made (groups
// and planted problems), not by running the engine: a group clears at the period's end when all
// its lines are booked by then and sum to zero; a report younger than the payment cycle at the
// period's end is expected open (not-yet-due), unless it is the copy of one exported twice.
import type { DeclareeProfile, Period } from '../../../shared/domain';
import { periodId } from '../../../shared/domain';
import type { FlagCode } from '../../../shared/reconcile';
import { monthEnd, monthStart } from './calendar';
import type { PlantedProblem } from './entries';
import type { BookedLine } from './rows';
import type { TruthAccount, TruthFlag, TruthMatch, TruthOpenLine } from './truth';
import { accountAtPeriodEnd, linesByGroup, type ProfileTruthPeriod } from './truth-account';

export type DeclareeTruthPeriod = ProfileTruthPeriod;

/** The profile's defaults (profiles.md): payment cycle 14 days, open longer than 30 days flagged. */
const CYCLE = 14;
const OPEN_DAYS = 30;
/** Unpaid reports and payments without a report (missing-counterpart, left and right side). */
const UNPAID: readonly PlantedProblem[] = ['report-unpaid', 'report-wrong-creditor'];
const UNREPORTED: readonly PlantedProblem[] = ['payment-without-report', 'paid-twice'];
/** A problem that ends: the returned reimbursement is paid again (the next month). */
const SETTLES: readonly PlantedProblem[] = ['reimbursement-returned'];

export function declareeTruth(declaree: DeclareeProfile, lines: readonly BookedLine[], periods: readonly Period[]): Record<string, DeclareeTruthPeriod> {
  const creditors = [...new Set(lines.filter((l) => l.journalId === declaree.journal && l.creditor && l.amount < 0).map((l) => l.account))].sort();
  const roles: [TruthAccount['role'], string][] = [['paymentsInTransit', declaree.paymentsInTransitAccount], ...creditors.map((c): [TruthAccount['role'], string] => ['employeeCreditor', c])];
  const cycle = declaree.paymentCycleDays ?? CYCLE;
  const byGroup = linesByGroup(lines);
  const cleared = (l: BookedLine, to: string) => {
    const g = byGroup.get(l.group ?? '') ?? [l];
    return (l.problem === undefined || SETTLES.includes(l.problem)) && g.every((x) => x.date <= to) && g.reduce((s, x) => s + x.amount, 0) === 0;
  };
  const copyOf = (copy: BookedLine) => lines.find((l) => l !== copy && l.account === copy.account && l.journalId === declaree.journal && l.invoiceId === copy.invoiceId && l.amount === copy.amount)!;

  const out: Record<string, DeclareeTruthPeriod> = {};
  for (const p of periods) {
    const from = monthStart(p.year, p.month);
    const to = monthEnd(p.year, p.month);
    const accounts: TruthAccount[] = [];
    const openLines: TruthOpenLine[] = [];
    const flags: TruthFlag[] = [];
    const add = (code: FlagCode, account: string, ls: BookedLine[]) => {
      if (ls.length > 0) flags.push({ code, account, lines: ls.map((l) => l.key) });
    };
    for (const [role, account] of roles) {
      const { own, open, figures } = accountAtPeriodEnd({
        lines, role, profile: 'declaree', account, from, to, cleared,
        // A report within its payment cycle is not yet due (a copy is no liability).
        notYetDue: (l, ageDays) => role === 'employeeCreditor' && l.journalId === declaree.journal && l.problem !== 'report-exported-twice' && ageDays < cycle,
      });
      accounts.push(figures);
      openLines.push(...open.map(({ line: _, ...o }) => o));

      const openWith = (problems: readonly PlantedProblem[]) => open.filter((o) => o.line.problem !== undefined && problems.includes(o.line.problem) && o.reason !== 'not-yet-due').map((o) => o.line);
      add('open-too-long', account, open.filter((o) => o.reason !== 'not-yet-due' && o.ageDays > OPEN_DAYS).map((o) => o.line));
      // A report exported twice: one flag naming the report and its copy, while the copy is open.
      const copies = openWith(['report-exported-twice']);
      if (copies.length > 0) add('duplicate', account, [...copies.map(copyOf), ...copies]);
      // One number on two creditors: one flag, on the creditor where the wrong line is open.
      for (const wrong of openWith(['report-wrong-creditor'])) {
        add('duplicate', account, [wrong, ...lines.filter((l) => l !== wrong && l.creditor && l.invoiceId === wrong.invoiceId && l.journalId === declaree.journal && l.account !== account)]);
      }
      add('missing-counterpart', account, openWith(role === 'paymentsInTransit' ? ['order-not-executed'] : UNPAID));
      if (role === 'employeeCreditor') add('missing-counterpart', account, openWith(UNREPORTED));
      add('returned-payment', account, own.filter((l) => l.problem === 'reimbursement-returned' && (l.date >= from || open.some((o) => o.key === l.key))));
      add('unexpected-journal', account, openWith(['declaree-other-journal']));
    }
    // Each executed payment order of two or more lines clears against its one bank debit (N:1).
    const matches: TruthMatch[] = [...byGroup]
      .filter(([g, ls]) => /^bto:\d{4}-\d{2}-\d{2}$/.test(g) && ls.length > 2 && ls.every((l) => l.date >= from && l.date <= to))
      .map(([, ls]) => ({ account: declaree.paymentsInTransitAccount, lines: ls.map((l) => l.key), kind: 'batch' as const }));
    out[periodId(p)] = { accounts, openLines, flags, matches };
  }
  return out;
}
