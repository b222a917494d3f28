// The leadsheet: one row per account a reviewer signs. Difference and unexplained difference are
// live formulas; reconciling items link to the totals row of the account's open-items sheet.
import type ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/domain';
import { periodLabel } from '../../../shared/domain';
import { DIFFERENCE_HIGHLIGHT, euro, euroFormula, excelDateTime, sheetRef, STYLE } from '../cells';
import { ACCOUNT_STATUS, label, ROLE, SUMMARY_HEADERS } from '../labels';
import { administrationLabel, type SheetPlan } from '../plan';
import { closeTable, highlightNonZero, openTable, putRow, type Column } from '../table';

const WIDTHS = [26, 10, 22, 12, 28, 16, 16, 16, 18, 18, 20, 9, 9, 18, 17, 18, 17];
const STYLES = [
  undefined, undefined, undefined, undefined, undefined,
  STYLE.euro, STYLE.euro, STYLE.euro, STYLE.euro, STYLE.euro,
  undefined, STYLE.integer, STYLE.integer, undefined, STYLE.dateTime, undefined, STYLE.dateTime,
];

export function writeSummary(wb: ExcelJS.Workbook, plan: SheetPlan, lang: Lang): void {
  const columns: Column[] = SUMMARY_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] ?? 14, style: STYLES[i] }));
  const table = openTable(wb, plan.summary, columns, lang, { rows: 1, cols: 4 });
  for (const sheet of plan.accounts) {
    const { result, account } = sheet;
    const r = table.next;
    const difference = account.closing - account.expected;
    putRow(table, [
      administrationLabel(result),
      periodLabel(result.period),
      label(ROLE, account.role, lang),
      account.account,
      account.name,
      euro(account.closing),
      // A transitory account ties to its schedule: expected and the remainders are linked there.
      sheet.schedule ? euroFormula(`${sheetRef(sheet.schedule.name)}!E${sheet.schedule.expectedRow}`, account.expected) : euro(account.expected),
      euroFormula(`F${r}-G${r}`, difference),
      sheet.schedule
        ? euroFormula(`${sheetRef(sheet.schedule.name)}!${sheet.schedule.col.remainder}${sheet.schedule.totalRow}`, sheet.reconcilingTotal)
        : sheet.name === null
          ? euro(sheet.reconcilingTotal)
          : euroFormula(`${sheetRef(sheet.name)}!F${sheet.reconcilingRow}`, sheet.reconcilingTotal),
      euroFormula(`H${r}-I${r}`, difference - sheet.reconcilingTotal),
      label(ACCOUNT_STATUS, account.status, lang),
      account.lineCount,
      account.openItems.length,
      account.signOff.preparer?.by,
      excelDateTime(account.signOff.preparer?.at),
      account.signOff.reviewer?.by,
      excelDateTime(account.signOff.reviewer?.at),
    ]);
  }
  const last = Math.max(table.next - 1, 2);
  highlightNonZero(table, `H2:H${last}`, 'H2', DIFFERENCE_HIGHLIGHT);
  highlightNonZero(table, `J2:J${last}`, 'J2', DIFFERENCE_HIGHLIGHT);
  closeTable(table, { autoFilterTo: last });
}
