// The known truth of the demo's Spend Cloud invoices (profiles.md, transitory): per period the
// transitory account's figures, the open vouchers (by the problem planted in them, with what they
// do not net to), their lines through the period and the flags they must raise. Open is decided by
// construction — the invoices planted with a release missing or doubled, never released, rounded,
// or without their booking — not by netting lines the way the engine does.
import type { Period, SpendCloudProfile } from '../../../shared/domain';
import { periodId } from '../../../shared/domain';
import type { Cents } from '../../../shared/money';
import type { FlagCode } from '../../../shared/reconcile';
import { daysBetween, monthEnd, monthStart } from './calendar';
import type { DemoInvoice } from './deferrals';
import type { PlantedProblem } from './entries';
import type { BookedLine } from './rows';
import type { TruthAccount, TruthFlag, TruthOpenLine } from './truth';

export interface TruthVoucher {
  account: string;
  voucherNo: string;
  problem: PlantedProblem;
  /** What the voucher's lines do not net to over all dates. */
  remainder: Cents;
}

export interface DeferralTruthPeriod {
  accounts: TruthAccount[];
  openLines: TruthOpenLine[];
  flags: TruthFlag[];
  openVouchers: TruthVoucher[];
}

/** The planted problems that leave a voucher open, and the flag each raises. */
const OPEN: Partial<Record<PlantedProblem, FlagCode>> = {
  'release-missing': 'not-fully-released',
  'never-released': 'not-fully-released',
  'release-twice': 'release-twice',
  'release-rounding': 'rounding-remainder',
  'release-without-booking': 'release-without-booking',
};

export function deferralTruth(sc: SpendCloudProfile, invoices: readonly DemoInvoice[], lines: readonly BookedLine[], periods: readonly Period[]): Record<string, DeferralTruthPeriod> {
  const account = sc.transitoryAccounts[0]!;
  const own = lines.filter((l) => l.account === account);
  const byVoucher = new Map<string, BookedLine[]>();
  for (const l of own) byVoucher.set(l.voucherNo, [...(byVoucher.get(l.voucherNo) ?? []), l]);
  const problemOf = new Map(invoices.filter((i) => i.problem).map((i) => [i.voucherNo, i.problem!]));
  const sum = (ls: readonly BookedLine[]) => ls.reduce((s, l) => s + l.amount, 0);

  const out: Record<string, DeferralTruthPeriod> = {};
  for (const p of periods) {
    const from = monthStart(p.year, p.month);
    const to = monthEnd(p.year, p.month);
    const through = own.filter((l) => l.date <= to);
    const opening = sum(through.filter((l) => l.date < from));
    const inPeriod = through.filter((l) => l.date >= from);
    const debit = inPeriod.reduce((s, l) => s + l.debit, 0);
    const credit = inPeriod.reduce((s, l) => s + l.credit, 0);
    const closing = opening + debit - credit;
    let expected = 0;
    const openLines: TruthOpenLine[] = [];
    const flags: TruthFlag[] = [];
    const openVouchers: TruthVoucher[] = [];
    for (const [voucherNo, ls] of byVoucher) {
      const before = ls.filter((l) => l.date <= to);
      if (before.length === 0) continue; // not on the account yet
      expected -= sum(ls.filter((l) => l.date > to));
      const problem = problemOf.get(voucherNo);
      const code = problem ? OPEN[problem] : undefined;
      // Shown (and flagged) while open, holding a balance or moving in the period.
      const live = code !== undefined || sum(before) !== 0 || before.some((l) => l.date >= from);
      if (!live || !problem) continue;
      if (code) {
        openVouchers.push({ account, voucherNo, problem, remainder: sum(ls) });
        openLines.push(...before.filter((l) => l.amount !== 0).map((l) => ({ key: l.key, account, date: l.date, amount: l.amount, ageDays: daysBetween(l.date, to), reason: problem })));
        // A doubled release names the release and its copy; the others the voucher's lines.
        const named = problem === 'release-twice' ? ls.filter((l) => l.amount < 0 && ls.filter((x) => x.date === l.date && x.amount === l.amount).length > 1) : ls;
        flags.push({ code, account, lines: named.map((l) => l.key) });
      }
      if (problem === 'release-before-booking') flags.push({ code: 'release-before-booking', account, lines: ls.filter((l) => l.problem === 'release-before-booking' && l.amount < 0).map((l) => l.key) });
      if (problem === 'transitory-other-journal') {
        const foreign = ls.filter((l) => l.journalId !== sc.journal && l.date >= from && l.date <= to);
        if (foreign.length > 0) flags.push({ code: 'unexpected-journal', account, lines: foreign.map((l) => l.key) });
      }
    }
    const clears = closing === expected && openVouchers.length === 0;
    if (!clears) flags.push({ code: 'does-not-clear', account, lines: [] });
    openLines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : 1));
    out[periodId(p)] = {
      accounts: [{ role: 'transitory', profile: 'spendcloud', account, opening, debit, credit, closing, expected, difference: closing - expected, clears }],
      openLines,
      flags,
      openVouchers,
    };
  }
  return out;
}
