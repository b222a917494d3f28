// One open-items sheet for all employee creditors of an administration: the creditor and its name
// as the first columns, then the usual open-item columns; a live total, the part not yet due, and
// the reconciling items. Each creditor's leadsheet row sums its own rows of this sheet (SUMIFS).
import type ExcelJS from 'exceljs';
import { lineDisplayText } from '../../../shared/bank-text';
import type { Lang } from '../../../shared/domain';
import { euro, euroFormula, excelDate, safeText, sheetRef, STYLE } from '../cells';
import { CREDITOR_HEADERS, EXPECTED_ROWS, FLAG, label, OPEN_ITEM_HEADERS, OPEN_REASON, TOTAL } from '../labels';
import type { AccountSheet, SharedSheet } from '../plan';
import { pace, closeTable, openTable, putRow, type CellValue, type Column } from '../table';
import { reference } from './openItems';

const WIDTHS = [12, 26, 20, 12, 9, 40, 24, 16, 10, 10, 28, 40, 26];
const STYLES = [undefined, undefined, undefined, STYLE.date, undefined, undefined, undefined, STYLE.euro, STYLE.integer, undefined, undefined, STYLE.wrap, undefined];
/** Columns of the shared sheet: A creditor, H amount, M why open. */
const CREDITOR = 'A';
const AMOUNT = 'H';
const REASON = 'M';

export async function writeSharedItems(wb: ExcelJS.Workbook, sheet: SharedSheet, lang: Lang): Promise<void> {
  const columns: Column[] = [...CREDITOR_HEADERS, ...OPEN_ITEM_HEADERS].map((header, i) => ({ header, width: WIDTHS[i] ?? 14, style: STYLES[i] }));
  const table = openTable(wb, sheet.name, columns, lang, { rows: 1, cols: 3 });
  for (const account of sheet.accounts) {
    for (const item of account.openItems) {
      const line = item.line;
      putRow(table, [
        account.account,
        account.name,
        line.key,
        excelDate(line.entryDate),
        line.journalId,
        safeText(lineDisplayText(line) || null),
        reference(line.invoiceId, line.voucherNo),
        euro(line.amount),
        item.ageDays,
        item.bucket,
        item.flags.map((f) => label(FLAG, f, lang)).join(', ') || null,
        safeText(item.note),
        item.reason ? label(OPEN_REASON, item.reason, lang) : null,
      ]);
      await pace(table);
    }
  }
  table.next = sheet.totalRow;
  const col = (c: string) => `$${c}$2:$${c}$${sheet.lastDataRow}`;
  // Footer rows: the label in A, the amount in H (the amount column).
  const footer = (text: string, value: CellValue, bold: boolean) =>
    putRow(table, [text, null, null, null, null, null, null, value], [bold ? STYLE.bold : undefined, undefined, undefined, undefined, undefined, undefined, undefined, bold ? STYLE.euroBold : STYLE.euro]);
  footer(TOTAL[lang], euroFormula(`SUM(${AMOUNT}2:${AMOUNT}${sheet.lastDataRow})`, sheet.openTotal), true);
  const dueLabel = label(OPEN_REASON, 'not-yet-due', lang);
  footer(EXPECTED_ROWS.expected[lang], euroFormula(`SUMIF(${col(REASON)},"${dueLabel}",${col(AMOUNT)})`, sheet.expectedTotal), false);
  footer(EXPECTED_ROWS.reconciling[lang], euroFormula(`${AMOUNT}${sheet.totalRow}-${AMOUNT}${sheet.totalRow + 1}`, sheet.openTotal - sheet.expectedTotal), true);
  closeTable(table, { autoFilterTo: sheet.lastDataRow });
}

/** The leadsheet's reconciling items of one creditor: its rows on the shared sheet, not yet due left out. */
export function sharedReconcilingFormula(sheet: AccountSheet & { shared: SharedSheet }, lang: Lang): string {
  const g = sheet.shared;
  const ref = (c: string) => `${sheetRef(g.name)}!$${c}$2:$${c}$${g.lastDataRow}`;
  const dueLabel = label(OPEN_REASON, 'not-yet-due', lang);
  return `SUMIFS(${ref(AMOUNT)},${ref(CREDITOR)},"${sheet.account.account}",${ref(REASON)},"<>${dueLabel}")`;
}
