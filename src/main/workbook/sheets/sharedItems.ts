// One open-items sheet for all employee creditors of an administration: the creditor and its name
// as the first columns, then the columns of every open-items sheet (category, flags, note, why
// open); a live total, the part not yet due (reports within their payment cycle) and the
// reconciling rest, and the aging per bucket. The leadsheet reads each creditor's categorised items
// from the reconciling-items sheet, as for every account.
import type ExcelJS from 'exceljs';
import { lineLabel } from '../../../shared/audit-words';
import { lineDisplayText } from '../../../shared/bank-text';
import type { Lang } from '../../../shared/domain';
import { categoryLabel } from '../../../shared/item-categories';
import { AGE_BUCKETS } from '../../../shared/reconcile';
import { euro, euroFormula, excelDate, safeText, STYLE } from '../cells';
import { CREDITOR_HEADERS, EXPECTED_ROWS, FLAG, label, OPEN_ITEM_HEADERS, OPEN_REASON, TOTAL } from '../labels';
import type { SharedSheet } from '../plan';
import type { PrintContext } from '../print';
import { closeTable, openTable, pace, putRow, type CellValue, type Column } from '../table';
import { reference } from './openItems';

const WIDTHS = [10, 20, 16, 11, 8, 32, 18, 14, 9, 9, 20, 22, 26, 22];
const STYLES = [undefined, STYLE.wrap, undefined, STYLE.date, undefined, STYLE.wrap, STYLE.wrap, STYLE.euro, STYLE.integer, undefined, STYLE.wrap, STYLE.wrap, STYLE.wrap, STYLE.wrap];
/** Columns of the shared sheet: H amount, J age bucket, N why open. */
const AMOUNT = 'H';
const BUCKET = 'J';
const REASON = 'N';

export async function writeSharedItems(wb: ExcelJS.Workbook, sheet: SharedSheet, print: PrintContext, lang: Lang): Promise<void> {
  const columns: Column[] = [...CREDITOR_HEADERS, ...OPEN_ITEM_HEADERS].map((header, i) => ({ header, width: WIDTHS[i] ?? 14, style: STYLES[i] }));
  const table = openTable(wb, sheet.name, columns, lang, { freezeCols: 2, print: { context: print, title: sheet.name }, direct: true });
  const bucketCents = new Map<string, number>();
  for (const account of sheet.accounts) {
    for (const item of account.openItems) {
      const line = item.line;
      bucketCents.set(item.bucket, (bucketCents.get(item.bucket) ?? 0) + line.amount);
      const c = item.categorisation;
      putRow(table, [
        account.account,
        account.name,
        lineLabel(line.key),
        excelDate(line.entryDate),
        line.journalId,
        safeText(lineDisplayText(line) || null),
        reference(line.invoiceId, line.voucherNo),
        euro(line.amount),
        item.ageDays,
        item.bucket,
        safeText(c ? `${categoryLabel(c.category, lang)}: ${c.reason}` : null),
        item.flags.map((f) => label(FLAG, f, lang)).join(', ') || null,
        safeText(item.note),
        item.reason ? label(OPEN_REASON, item.reason, lang) : null,
      ]);
      await pace(table);
    }
  }
  table.next = sheet.totalRow;
  const range = (c: string) => `$${c}$2:$${c}$${sheet.lastDataRow}`;
  // Footer rows: the label in A, the amount in H (the amount column).
  const footer = (text: string | undefined, value: CellValue, bold: boolean, extra: CellValue[] = []) =>
    putRow(table, [text, null, null, null, null, null, null, value, ...extra], [bold ? STYLE.bold : undefined, undefined, undefined, undefined, undefined, undefined, undefined, bold ? STYLE.euroBold : STYLE.euro]);
  footer(TOTAL[lang], euroFormula(`SUM(${AMOUNT}2:${AMOUNT}${sheet.lastDataRow})`, sheet.openTotal), true);
  const dueLabel = label(OPEN_REASON, 'not-yet-due', lang);
  footer(EXPECTED_ROWS.expected[lang], euroFormula(`SUMIF(${range(REASON)},"${dueLabel}",${range(AMOUNT)})`, sheet.expectedTotal), false);
  footer(EXPECTED_ROWS.reconciling[lang], euroFormula(`${AMOUNT}${sheet.totalRow}-${AMOUNT}${sheet.totalRow + 1}`, sheet.openTotal - sheet.expectedTotal), true);
  table.next++;
  for (const bucket of AGE_BUCKETS) {
    footer(OPEN_ITEM_HEADERS[7]?.[lang], euroFormula(`SUMIF(${range(BUCKET)},"${bucket}",${range(AMOUNT)})`, bucketCents.get(bucket) ?? 0), false, [null, bucket]);
  }
  closeTable(table, { autoFilterTo: sheet.lastDataRow });
}
