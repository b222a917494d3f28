// Where everything goes, decided before the first byte is written: the leadsheet (written first)
// refers to the reconciling-items sheet by name, and accounts that clear with nothing open get no
// sheet of their own (their leadsheet line says all there is). Employee creditors (possibly
// hundreds) share one open-items sheet per administration, the creditor as a column; each
// transitory account gets a schedule per voucher.
import type { Lang } from '../../shared/domain';
import { periodId } from '../../shared/domain';
import type { AccountResult, AdministrationResult, ReconcilingItem } from '../../shared/reconcile';
import { SHEET } from './labels';
import { SheetNames } from './names';
import { scheduleLayout, type ScheduleLayout } from './sheets/schedule';

export interface AccountSheet {
  result: AdministrationResult;
  account: AccountResult;
  /** Null when the account has no open items: no sheet, only its leadsheet line. For a shared account, the shared sheet's name. */
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
  /** Set for an account whose open items are on a sheet shared with its kind (employee creditors). */
  shared?: SharedSheet;
  /** A transitory account's schedule per voucher: the leadsheet's expected links to it (its open vouchers are reconciling items). */
  schedule: ScheduleLayout | null;
}

/**
 * One open-items sheet for many accounts of one administration (hundreds of employee creditors):
 * the creditor is a column. Only accounts with open items have rows on it; the leadsheet reads
 * every account's categorised items from the reconciling-items sheet, as for any other account.
 */
export interface SharedSheet {
  result: AdministrationResult;
  name: string;
  /** The accounts with rows here, in the engine's order. */
  accounts: AccountResult[];
  lastDataRow: number;
  totalRow: number;
  openTotal: number;
  expectedTotal: number;
}

/** Roles whose accounts share one open-items sheet per administration. */
const SHARED_ROLES: ReadonlySet<AccountResult['role']> = new Set(['employeeCreditor']);

export interface SheetPlan {
  summary: string;
  accountRollforward: string;
  items: string;
  /** The tie-out of the account that mirrors an external balance (the Moss wallet). */
  rollforward: string;
  accounts: AccountSheet[];
  shared: SharedSheet[];
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
  const shared: SharedSheet[] = [];
  for (const result of results) {
    let group: SharedSheet | null = null;
    for (const account of result.accounts) {
      if (SHARED_ROLES.has(account.role)) {
        if (account.openItems.length === 0) {
          accounts.push(accountSheet(result, account, null));
          continue;
        }
        if (group === null) {
          group = { result, name: names.take(`${SHEET.openItems[lang]} ${result.unitId}-${SHEET.employees[lang]}`), accounts: [], lastDataRow: 0, totalRow: 0, openTotal: 0, expectedTotal: 0 };
          shared.push(group);
        }
        group.accounts.push(account);
        accounts.push(accountSheet(result, account, group.name, group));
        continue;
      }
      const name = account.openItems.length === 0 ? null : names.take(`${SHEET.openItems[lang]} ${result.unitId}-${account.account}`);
      const schedule = account.vouchers ? scheduleLayout(names.take(`${SHEET.schedule[lang]} ${result.unitId}-${account.account}`), account.vouchers, periodId(result.period)) : null;
      accounts.push(accountSheet(result, account, name, undefined, schedule));
    }
  }
  for (const g of shared) {
    const rows = g.accounts.reduce((n, a) => n + a.openItems.length, 0);
    g.lastDataRow = Math.max(rows + 1, 2);
    g.totalRow = g.lastDataRow + 1;
    for (const a of g.accounts) {
      for (const item of a.openItems) {
        g.openTotal += item.line.amount;
        if (item.reason === 'not-yet-due') g.expectedTotal += item.line.amount;
      }
    }
  }
  return {
    summary,
    accountRollforward,
    items,
    rollforward,
    accounts,
    shared,
    matches: names.take(SHEET.matches[lang]),
    flags: names.take(SHEET.flags[lang]),
    audit: names.take(SHEET.audit[lang]),
    sync: names.take(SHEET.sync[lang]),
  };
}

function accountSheet(result: AdministrationResult, account: AccountResult, name: string | null, shared?: SharedSheet, schedule: ScheduleLayout | null = null): AccountSheet {
  const lastDataRow = Math.max(account.openItems.length + 1, 2);
  let openTotal = 0;
  let expectedTotal = 0;
  for (const item of account.openItems) {
    openTotal += item.line.amount;
    if (item.reason === 'not-yet-due') expectedTotal += item.line.amount;
  }
  const splitsExpected = account.expectedKind === 'not-yet-due';
  const its = itemsOf(account);
  return {
    result,
    account,
    name,
    lastDataRow,
    totalRow: lastDataRow + 1,
    openTotal,
    items: its,
    categorised: account.categorised ?? its.reduce((s, i) => (i.categorisation ? s + i.amount : s), 0),
    expectedTotal,
    reconcilingRow: splitsExpected ? lastDataRow + 3 : lastDataRow + 1,
    reconcilingTotal: openTotal - expectedTotal,
    ...(shared ? { shared } : {}),
    schedule,
  };
}

export function administrationLabel(result: { unitId: number; name: string | null }): string {
  return result.name ? `${result.unitId} – ${result.name}` : String(result.unitId);
}

/** What the account is expected to be, and whether anything can be judged yet. */
export function judged(account: AccountResult): boolean {
  return account.status === 'clears' || account.status === 'does-not-clear';
}
