// One sheet per clearing account: its open items, a live SUM total and the aging per bucket.
import type ExcelJS from 'exceljs';
import { lineDisplayText } from '../../../shared/bank-text';
import type { Lang } from '../../../shared/domain';
import { AGE_BUCKETS } from '../../../shared/reconcile';
import { euro, euroFormula, excelDate, safeText, STYLE } from '../cells';
import { EXPECTED_ROWS, FLAG, label, OPEN_ITEM_HEADERS, OPEN_REASON, TOTAL } from '../labels';
import type { AccountSheet } from '../plan';
import { pace, closeTable, openTable, putRow, type Column } from '../table';

const WIDTHS = [20, 12, 9, 40, 24, 16, 10, 10, 28, 40, 26];
const STYLES = [undefined, STYLE.date, undefined, undefined, undefined, STYLE.euro, STYLE.integer, undefined, undefined, STYLE.wrap, undefined];

export async function writeOpenItems(wb: ExcelJS.Workbook, sheet: AccountSheet & { name: string }, lang: Lang): Promise<void> {
  const columns: Column[] = OPEN_ITEM_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] ?? 14, style: STYLES[i] }));
  const table = openTable(wb, sheet.name, columns, lang, { rows: 1, cols: 1 });
  const bucketCents = new Map<string, number>();
  for (const item of sheet.account.openItems) {
    const line = item.line;
    bucketCents.set(item.bucket, (bucketCents.get(item.bucket) ?? 0) + line.amount);
    putRow(table, [
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
  table.next = sheet.totalRow; // an empty account keeps row 2 blank
  const range = (c: string) => `$${c}$2:$${c}$${sheet.lastDataRow}`;
  putRow(
    table,
    [TOTAL[lang], null, null, null, null, euroFormula(`SUM(F2:F${sheet.lastDataRow})`, sheet.openTotal)],
    [STYLE.bold, undefined, undefined, undefined, undefined, STYLE.euroBold],
  );
  if (sheet.reconcilingRow !== sheet.totalRow) {
    // The period's own items are expected (not yet due): only the rest reconciles the difference.
    const dueLabel = label(OPEN_REASON, 'not-yet-due', lang);
    putRow(table, [EXPECTED_ROWS.expected[lang], null, null, null, null, euroFormula(`SUMIF(${range('K')},"${dueLabel}",${range('F')})`, sheet.expectedTotal)], [undefined, undefined, undefined, undefined, undefined, STYLE.euro]);
    putRow(table, [EXPECTED_ROWS.reconciling[lang], null, null, null, null, euroFormula(`F${sheet.totalRow}-F${sheet.totalRow + 1}`, sheet.reconcilingTotal)], [STYLE.bold, undefined, undefined, undefined, undefined, STYLE.euroBold]);
  }
  table.next++;
  for (const bucket of AGE_BUCKETS) {
    putRow(
      table,
      [OPEN_ITEM_HEADERS[7]?.[lang], null, null, null, null, euroFormula(`SUMIF(${range('H')},"${bucket}",${range('F')})`, bucketCents.get(bucket) ?? 0), null, bucket],
      [undefined, undefined, undefined, undefined, undefined, STYLE.euro],
    );
  }
  closeTable(table, { autoFilterTo: sheet.lastDataRow });
}

export function reference(invoiceId: string | null, voucherNo: string | null): string | null {
  if (invoiceId && voucherNo && invoiceId !== voucherNo) return `${invoiceId} / ${voucherNo}`;
  return invoiceId || voucherNo || null;
}
