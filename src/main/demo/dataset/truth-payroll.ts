// The known truth of the demo's payroll (profiles.md, Nmbrs): per period the figures of net wages,
// payroll tax and pension, the open lines and why, the flags the planted problems raise and the
// salary batches that must be matched. From how the data was made (groups and planted problems),
// not by running the engine: a group clears at the period's end when all its lines are booked by
// then and sum to zero; the period's own tax and pension credits are expected open (not yet due).
import type { NmbrsProfile, Period } from '../../../shared/domain';
import { periodId } from '../../../shared/domain';
import type { AccountRole, FlagCode } from '../../../shared/reconcile';
import { monthEnd, monthStart } from './calendar';
import type { BookedLine } from './rows';
import type { TruthAccount, TruthFlag, TruthMatch, TruthOpenLine } from './truth';
import { accountAtPeriodEnd, linesByGroup, type ProfileTruthPeriod } from './truth-account';

export type PayrollTruthPeriod = ProfileTruthPeriod;

/** Open longer than this many days: flagged (the profile's default). */
const OPEN_DAYS = 30;

export function payrollTruth(nmbrs: NmbrsProfile, lines: readonly BookedLine[], periods: readonly Period[]): Record<string, PayrollTruthPeriod> {
  const roles: [AccountRole, string][] = [
    ['netWages', nmbrs.netWagesAccount],
    ['payrollTax', nmbrs.payrollTaxAccount],
    ...(nmbrs.pensionAccount ? [['pension', nmbrs.pensionAccount] as [AccountRole, string]] : []),
  ];
  const byGroup = linesByGroup(lines);
  const cleared = (l: BookedLine, to: string) => {
    const g = byGroup.get(l.group ?? '') ?? [l];
    return l.problem === undefined && g.every((x) => x.date <= to) && g.reduce((s, x) => s + x.amount, 0) === 0;
  };

  const out: Record<string, PayrollTruthPeriod> = {};
  for (const p of periods) {
    const from = monthStart(p.year, p.month);
    const to = monthEnd(p.year, p.month);
    const ym = to.slice(0, 7);
    const accounts: TruthAccount[] = [];
    const openLines: TruthOpenLine[] = [];
    const flags: TruthFlag[] = [];
    const add = (code: FlagCode, account: string, ls: BookedLine[]) => {
      if (ls.length > 0) flags.push({ code, account, lines: ls.map((l) => l.key) });
    };
    for (const [role, account] of roles) {
      const { own, open, figures } = accountAtPeriodEnd({
        lines, role, profile: 'nmbrs', account, from, to, cleared,
        // The period's own tax and pension credits are due next month (a copy is no liability).
        notYetDue: (l) => role !== 'netWages' && l.journalId === nmbrs.journal && l.date.slice(0, 7) === ym && l.problem !== 'run-posted-twice',
      });
      accounts.push(figures);
      openLines.push(...open.map(({ line: _, ...o }) => o));

      const openOf = (problem: BookedLine['problem']) => open.filter((o) => o.line.problem === problem).map((o) => o.line);
      add('open-too-long', account, open.filter((o) => o.reason !== 'not-yet-due' && o.ageDays > OPEN_DAYS).map((o) => o.line));
      if (role === 'netWages') {
        // Run posted twice: one flag on net wages naming both entries' lines, while the copy is open.
        const copies = openOf('run-posted-twice');
        if (copies.length > 0) add('duplicate', account, own.filter((l) => l.doubleExport === 'run-twice' || copies.includes(l)));
        add('missing-counterpart', account, openOf('payment-without-run'));
        // A return is flagged in its period and for as long as it is open.
        add('returned-payment', account, own.filter((l) => l.amount < 0 && l.journalId !== nmbrs.journal && (l.date >= from || open.some((o) => o.key === l.key))));
      }
      if (role === 'payrollTax') {
        const rounding = own.filter((l) => l.problem === 'tax-rounding');
        // The suggestion exists once the payment is synced (the demo has all months' lines).
        if (rounding.length > 0 && open.some((o) => o.line.problem === 'tax-rounding')) add('amount-mismatch', account, lines.filter((l) => l.problem === 'tax-rounding' && l.account === account));
        add('unexpected-journal', account, openOf('payroll-other-journal'));
      }
      if (role === 'pension') add('payment-without-credits', account, openOf('payment-without-credits'));
    }
    // Each month's salary batch pays the whole run (N:1): matched by the engine on its own.
    const matches: TruthMatch[] = [...byGroup]
      .filter(([g, ls]) => /^nw:\d{4}-\d{2}$/.test(g) && ls.length > 2 && ls.every((l) => l.date >= from && l.date <= to))
      .map(([, ls]) => ({ account: nmbrs.netWagesAccount, lines: ls.map((l) => l.key), kind: 'batch' as const }));
    out[periodId(p)] = { accounts, openLines, flags, matches };
  }
  return out;
}
