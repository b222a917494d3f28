// Where everything goes, decided before the first byte is written: the leadsheet (written first)
// points at each open-items sheet's totals row, so those names and rows must be known up front.
import type { Lang } from '../../shared/domain';
import type { AccountResult, AdministrationResult } from '../../shared/reconcile';
import { SHEET } from './labels';
import { SheetNames } from './names';

export interface AccountSheet {
  result: AdministrationResult;
  account: AccountResult;
  /** Null for a Moss Balance account without open items: the rollforward sheet covers it. */
  name: string | null;
  /** Last data row (at least 2: an empty account keeps one blank row so SUM ranges stay valid). */
  lastDataRow: number;
  totalRow: number;
  /** Sum of the open items, from integer cents. */
  openTotal: number;
  /** Sum of the open items expected to be open (not yet due): part of `expected`, not reconciling. */
  expectedTotal: number;
  /** The row the leadsheet's reconciling items point at: the total, or total − expected below it. */
  reconcilingRow: number;
  reconcilingTotal: number;
  /** Set for an account whose items are on a sheet shared with its kind (employee creditors). */
  shared?: SharedSheet;
}

/**
 * One open-items sheet for many accounts of one administration (hundreds of employee creditors):
 * the creditor is a column, and each account's leadsheet row sums its own rows (SUMIFS).
 */
export interface SharedSheet {
  result: AdministrationResult;
  name: string;
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
  rollforward: string;
  accounts: AccountSheet[];
  shared: SharedSheet[];
  matches: string;
  flags: string;
  audit: string;
  sync: string;
}

export function planSheets(results: AdministrationResult[], lang: Lang): SheetPlan {
  const names = new SheetNames();
  const summary = names.take(SHEET.summary[lang]);
  const rollforward = names.take(SHEET.rollforward[lang]);
  const accounts: AccountSheet[] = [];
  const shared: SharedSheet[] = [];
  for (const result of results) {
    let group: SharedSheet | null = null;
    for (const account of result.accounts) {
      if (SHARED_ROLES.has(account.role)) {
        if (group === null) {
          group = { result, name: names.take(`${SHEET.openItems[lang]} ${result.unitId}-${SHEET.employees[lang]}`), accounts: [], lastDataRow: 0, totalRow: 0, openTotal: 0, expectedTotal: 0 };
          shared.push(group);
        }
        group.accounts.push(account);
        accounts.push(accountSheet(result, account, group.name, group));
        continue;
      }
      const name = account.role === 'mossBalance' && account.openItems.length === 0 ? null : names.take(`${SHEET.openItems[lang]} ${result.unitId}-${account.account}`);
      accounts.push(accountSheet(result, account, name));
    }
  }
  for (const g of shared) {
    const rows = g.accounts.reduce((n, a) => n + a.openItems.length, 0);
    g.lastDataRow = Math.max(rows + 1, 2);
    g.totalRow = g.lastDataRow + 1;
    for (const a of g.accounts) for (const item of a.openItems) {
      g.openTotal += item.line.amount;
      if (item.reason) g.expectedTotal += item.line.amount;
    }
  }
  return {
    summary,
    rollforward,
    accounts,
    shared,
    matches: names.take(SHEET.matches[lang]),
    flags: names.take(SHEET.flags[lang]),
    audit: names.take(SHEET.audit[lang]),
    sync: names.take(SHEET.sync[lang]),
  };
}

function accountSheet(result: AdministrationResult, account: AccountResult, name: string | null, shared?: SharedSheet): AccountSheet {
  const lastDataRow = Math.max(account.openItems.length + 1, 2);
  let openTotal = 0;
  let expectedTotal = 0;
  for (const item of account.openItems) {
    openTotal += item.line.amount;
    if (item.reason) expectedTotal += item.line.amount;
  }
  const splitsExpected = account.expectedKind === 'not-yet-due';
  return {
    result,
    account,
    name,
    lastDataRow,
    totalRow: lastDataRow + 1,
    openTotal,
    expectedTotal,
    reconcilingRow: splitsExpected ? lastDataRow + 3 : lastDataRow + 1,
    reconcilingTotal: openTotal - expectedTotal,
    ...(shared ? { shared } : {}),
  };
}

export function administrationLabel(result: { unitId: number; name: string | null }): string {
  return result.name ? `${result.unitId} – ${result.name}` : String(result.unitId);
}
