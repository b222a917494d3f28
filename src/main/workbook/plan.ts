// Where everything goes, decided before the first byte is written: the leadsheet (written first)
// points at each open-items sheet's totals row, so those names and rows must be known up front.
import type { Lang } from '../../shared/domain';
import type { AccountResult, AdministrationResult } from '../../shared/reconcile';
import { SHEET } from './labels';
import { SheetNames } from './names';
import { scheduleLayout, type ScheduleLayout } from './sheets/schedule';
import { periodId } from '../../shared/domain';

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
  /** A transitory account's schedule per voucher: the leadsheet's expected and reconciling items link to it. */
  schedule: ScheduleLayout | null;
}

export interface SheetPlan {
  summary: string;
  rollforward: string;
  accounts: AccountSheet[];
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
      const schedule = account.vouchers ? scheduleLayout(names.take(`${SHEET.schedule[lang]} ${result.unitId}-${account.account}`), account.vouchers, periodId(result.period)) : null;
      accounts.push({
        result,
        account,
        name:
          account.role === 'mossBalance' && account.openItems.length === 0
            ? null
            : names.take(`${SHEET.openItems[lang]} ${result.unitId}-${account.account}`),
        lastDataRow,
        totalRow: lastDataRow + 1,
        openTotal,
        expectedTotal,
        reconcilingRow: splitsExpected ? lastDataRow + 3 : lastDataRow + 1,
        // A transitory account is reconciled by what its open vouchers will never release.
        reconcilingTotal: schedule ? account.difference : openTotal - expectedTotal,
        schedule,
      });
    }
  }
  return {
    summary,
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
