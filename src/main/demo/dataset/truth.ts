// The known truth of the demo: per administration and period the exact figures of every account
// the Moss profile reconciles, which lines stay open and why, and the flags a good engine raises.
// Computed from how the data was made (groups, planted problems), not by re-running the engine.
import type { AdministrationConfig, LineKey, Period } from '../../../shared/domain';
import { periodId } from '../../../shared/domain';
import type { Cents } from '../../../shared/money';
import type { AccountResult, AccountRole, FlagCode } from '../../../shared/reconcile';
import { daysBetween, monthEnd, monthStart } from './calendar';
import type { PlantedProblem } from './entries';
import type { BookedLine } from './rows';
import type { WalletEvent } from './scenario';
import type { TruthVoucher } from './truth-deferrals';

/** Why a line is open at the period's end: a planted problem, its counterpart comes later, or (payroll tax, pension) it is the period's own liability, due next month. */
export type OpenReason = PlantedProblem | 'counterpart-after-period-end' | 'not-yet-due';

/**
 * The figures the engine must produce for one account (expected: 0, the wallet for Moss Balance,
 * or the period's own credits for payroll tax and pension).
 */
export type TruthAccount = Pick<AccountResult, 'role' | 'profile' | 'account' | 'opening' | 'debit' | 'credit' | 'closing' | 'expected' | 'difference' | 'clears'>;

export interface TruthOpenLine {
  key: LineKey;
  account: string;
  date: string;
  amount: Cents;
  /** Days from the line's date to the period's last day. */
  ageDays: number;
  reason: OpenReason;
}

export interface TruthFlag {
  code: FlagCode;
  account: string;
  lines: LineKey[];
}

/** A match the engine must make on its own (the 1:2 split top-up, a salary batch against its run). */
export interface TruthMatch {
  account: string;
  lines: LineKey[];
  kind: 'split' | 'batch';
}

export interface TruthPeriod {
  /** YYYY-MM */
  period: string;
  /** The Moss wallet balance at the period's last day, as Moss reports it. */
  wallet: Cents;
  accounts: TruthAccount[];
  openLines: TruthOpenLine[];
  /** Flags the planted problems must raise (only listed for periods with planted problems). */
  flags: TruthFlag[];
  matches: TruthMatch[];
  /** Transitory accounts: the vouchers open at the period's end (Spend Cloud). */
  openVouchers?: TruthVoucher[];
}

export interface TruthUnit {
  unitId: number;
  name: string;
  config: AdministrationConfig;
  /** By YYYY-MM. */
  periods: Record<string, TruthPeriod>;
}

export interface DemoTruth {
  envId: string;
  periods: string[];
  lastFullPeriod: Period;
  units: TruthUnit[];
}

export function unitTruth(unit: { unitId: number; name: string; config: AdministrationConfig }, lines: BookedLine[], wallet: WalletEvent[], periods: Period[]): TruthUnit {
  const own = lines.filter((l) => l.unitId === unit.unitId);
  const moss = unit.config.moss;
  if (!moss) throw new Error(`unit ${unit.unitId}: the Moss truth needs a Moss profile`);
  const groupLastDate = new Map<string, string>();
  for (const l of own) if (l.group && (groupLastDate.get(l.group) ?? '') < l.date) groupLastDate.set(l.group, l.date);
  const creditors = [...new Set(own.filter((l) => l.creditor && l.account !== moss.defaultSupplier).map((l) => l.account))].sort();
  const clearing = new Set([moss.cashInTransitAccount, moss.defaultSupplier, ...creditors]);
  const byAccount = new Map<string, BookedLine[]>();
  for (const l of own) {
    const list = byAccount.get(l.account);
    if (list) list.push(l);
    else byAccount.set(l.account, [l]);
  }

  const out: Record<string, TruthPeriod> = {};
  for (const p of periods) {
    const from = monthStart(p.year, p.month);
    const to = monthEnd(p.year, p.month);
    const walletAt = wallet.filter((w) => w.date <= to).reduce((s, w) => s + w.amount, 0);
    const accountsUpTo = (acc: string) => (byAccount.get(acc) ?? []).filter((l) => l.date <= to);
    const figures = (role: AccountRole, account: string): TruthAccount | null => {
      const ls = accountsUpTo(account);
      if (ls.length === 0 && role === 'creditor') return null;
      const opening = ls.filter((l) => l.date < from).reduce((s, l) => s + l.amount, 0);
      const inPeriod = ls.filter((l) => l.date >= from);
      const debit = inPeriod.reduce((s, l) => s + l.debit, 0);
      const credit = inPeriod.reduce((s, l) => s + l.credit, 0);
      const closing = opening + debit - credit;
      const expected = role === 'mossBalance' ? walletAt : 0;
      return { role, profile: 'moss', account, opening, debit, credit, closing, expected, difference: closing - expected, clears: closing === expected };
    };
    const accounts = [
      figures('mossBalance', moss.balanceAccount),
      figures('cashInTransit', moss.cashInTransitAccount),
      figures('defaultSupplier', moss.defaultSupplier),
      ...creditors.map((c) => figures('creditor', c)),
    ].filter((a): a is TruthAccount => a !== null);

    const openLines: TruthOpenLine[] = [...clearing]
      .flatMap((acc) => accountsUpTo(acc))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : 1))
      .filter((l) => l.problem !== undefined || (l.group !== undefined && (groupLastDate.get(l.group) ?? '') > to))
      .map((l) => ({
        key: l.key,
        account: l.account,
        date: l.date,
        amount: l.amount,
        ageDays: daysBetween(l.date, to),
        reason: l.problem ?? 'counterpart-after-period-end',
      }));

    const flags: TruthFlag[] = [];
    const matches: TruthMatch[] = [];
    const planted = own.filter((l) => l.problem !== undefined && l.date >= from && l.date <= to);
    const byProblem = (p: PlantedProblem) => own.filter((l) => l.problem === p);
    const add = (code: FlagCode, account: string, ls: BookedLine[]) => flags.push({ code, account, lines: ls.map((l) => l.key) });
    if (planted.length > 0 || own.some((l) => l.problem && l.date <= to && daysBetween(l.date, to) > 30)) {
      for (const l of byProblem('bank-without-moss').filter((x) => x.date <= to)) {
        add('missing-counterpart', l.account, [l]);
        if (daysBetween(l.date, to) > (moss.openDaysThreshold ?? 30)) add('open-too-long', l.account, [l]);
      }
      for (const l of byProblem('moss-without-bank').filter((x) => x.date <= to)) add('missing-counterpart', l.account, [l]);
      const fee = byProblem('fee-difference').filter((x) => x.date <= to);
      if (fee.length > 0) add('amount-mismatch', moss.cashInTransitAccount, fee);
      const cit = accountsUpTo(moss.cashInTransitAccount);
      const split = cit.filter((l) => l.date >= from && l.group !== undefined && cit.filter((m) => m.group === l.group).length === 3);
      if (split.length > 0) matches.push({ account: moss.cashInTransitAccount, lines: split.map((l) => l.key), kind: 'split' });
      const twice = byProblem('exported-twice').filter((x) => x.date <= to);
      if (twice.length > 0) add('duplicate', twice[0]?.account as string, twice);
      // An entry exported twice (against one counterpart): one flag names the kept line and the copy.
      const doubles = new Map<string, BookedLine[]>();
      for (const l of own) {
        if (!l.doubleExport || !clearing.has(l.account) || l.date < from || l.date > to) continue;
        const list = doubles.get(l.doubleExport);
        if (list) list.push(l);
        else doubles.set(l.doubleExport, [l]);
      }
      for (const ls of doubles.values()) add('duplicate', ls[0]!.account, ls);
      for (const l of byProblem('payment-not-exported').filter((x) => x.date <= to)) add('missing-counterpart', l.account, [l]);
      for (const l of byProblem('unexpected-journal').filter((x) => x.date <= to)) add('unexpected-journal', l.account, [l]);
      const mb = accounts.find((a) => a.role === 'mossBalance');
      if (mb && mb.difference !== 0) add('wallet-difference', mb.account, []);
    }
    out[periodId(p)] = { period: periodId(p), wallet: walletAt, accounts, openLines, flags, matches };
  }
  return { unitId: unit.unitId, name: unit.name, config: unit.config, periods: out };
}
