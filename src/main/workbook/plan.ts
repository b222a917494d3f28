// Where everything goes, decided before the first byte is written: the leadsheet (written first)
// refers to the reconciling-items sheet by name, and accounts that clear with nothing open get no
// sheet of their own (their leadsheet line says all there is).
import type { Lang } from '../../shared/domain';
import { periodId } from '../../shared/domain';
import type { AccountResult, AdministrationResult, ReconcilingItem } from '../../shared/reconcile';
import { SHEET } from './labels';
import { SheetNames } from './names';
import { scheduleLayout, type ScheduleLayout } from './sheets/schedule';

export interface AccountSheet {
  result: AdministrationResult;
  account: AccountResult;
  /** Null when the account has no open items: no sheet, only its leadsheet line. */
  name: string | null;
  /** Last data row (at least 2: an empty sheet keeps one blank row so SUM ranges stay valid). */
  lastDataRow: number;
  totalRow: number;
  /** Sum of the open items, from integer cents. */
  openTotal: number;
  items: ReconcilingItem[];
  categorised: number;
  /** Sum of the open items expected to be open (not yet due): part of `expected`, not reconciling. */
  expectedTotal: number;
  /** The open-items sheet's row of what reconciles: the total, or (not-yet-due accounts) total − expected two rows below it. */
  reconcilingRow: number;
  reconcilingTotal: number;
  /** A transitory account's schedule per voucher: the leadsheet's expected links to it (its open vouchers are reconciling items). */
  schedule: ScheduleLayout | null;
}

export interface SheetPlan {
  summary: string;
  accountRollforward: string;
  items: string;
  /** The tie-out of the account that mirrors an external balance (the Moss wallet). */
  rollforward: string;
  accounts: AccountSheet[];
  matches: string;
  flags: string;
  audit: string;
  sync: string;
}

/** An account's reconciling items; results made before categories: its open items, uncategorised. */
export function itemsOf(account: AccountResult): ReconcilingItem[] {
  return (
    account.reconcilingItems ??
    account.openItems
      // An item expected to be open (not yet due) is part of `expected`, not a reconciling item.
      .filter((o) => o.reason !== 'not-yet-due')
      .map((o) => ({ kind: 'open-item' as const, account: account.account, lines: [o.line.key], matchId: null, amount: o.line.amount, categorisation: o.categorisation ?? null }))
  );
}

export function planSheets(results: AdministrationResult[], lang: Lang): SheetPlan {
  const names = new SheetNames();
  const summary = names.take(SHEET.summary[lang]);
  const accountRollforward = names.take(SHEET.accounts[lang]);
  const items = names.take(SHEET.items[lang]);
  const rollforward = names.take(SHEET.rollforward[lang]);
  const accounts: AccountSheet[] = [];
  for (const result of results) {
    for (const account of result.accounts) {
      const lastDataRow = Math.max(account.openItems.length + 1, 2);
      let openTotal = 0;
      let expectedTotal = 0;
      for (const item of account.openItems) {
        openTotal += item.line.amount;
        if (item.reason === 'not-yet-due') expectedTotal += item.line.amount;
      }
      const splitsExpected = account.expectedKind === 'not-yet-due';
      const its = itemsOf(account);
      const schedule = account.vouchers ? scheduleLayout(names.take(`${SHEET.schedule[lang]} ${result.unitId}-${account.account}`), account.vouchers, periodId(result.period)) : null;
      accounts.push({
        result,
        account,
        name: account.openItems.length === 0 ? null : names.take(`${SHEET.openItems[lang]} ${result.unitId}-${account.account}`),
        lastDataRow,
        totalRow: lastDataRow + 1,
        openTotal,
        items: its,
        categorised: account.categorised ?? its.reduce((s, i) => (i.categorisation ? s + i.amount : s), 0),
        expectedTotal,
        reconcilingRow: splitsExpected ? lastDataRow + 3 : lastDataRow + 1,
        reconcilingTotal: openTotal - expectedTotal,
        schedule,
      });
    }
  }
  return {
    summary,
    accountRollforward,
    items,
    rollforward,
    accounts,
    matches: names.take(SHEET.matches[lang]),
    flags: names.take(SHEET.flags[lang]),
    audit: names.take(SHEET.audit[lang]),
    sync: names.take(SHEET.sync[lang]),
  };
}

export function administrationLabel(result: { unitId: number; name: string | null }): string {
  return result.name ? `${result.unitId} – ${result.name}` : String(result.unitId);
}

/** What the account is expected to be, and whether anything can be judged yet. */
export function judged(account: AccountResult): boolean {
  return account.status === 'clears' || account.status === 'does-not-clear';
}
