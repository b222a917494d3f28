// One sheet per account with open items: each item with its category (and why it is expected open,
// if it is), a live SUM total, for accounts that expect the period's own items open (payroll taxes,
// pension) the expected part and the reconciling rest below it, and the aging per bucket. Accounts
// with nothing open get no sheet (their leadsheet line says so).
import type ExcelJS from 'exceljs';
import { lineLabel } from '../../../shared/audit-words';
import { lineDisplayText } from '../../../shared/bank-text';
import type { Lang } from '../../../shared/domain';
import { categoryLabel } from '../../../shared/item-categories';
import { AGE_BUCKETS } from '../../../shared/reconcile';
import { euro, euroFormula, excelDate, safeText, STYLE } from '../cells';
import { EXPECTED_ROWS, FLAG, label, OPEN_ITEM_HEADERS, OPEN_REASON, TOTAL } from '../labels';
import type { AccountSheet } from '../plan';
import type { PrintContext } from '../print';
import { closeTable, openTable, pace, putRow, type Column } from '../table';

const WIDTHS = [16, 11, 8, 36, 20, 14, 9, 9, 22, 24, 30, 22];
const STYLES = [undefined, STYLE.date, undefined, STYLE.wrap, STYLE.wrap, STYLE.euro, STYLE.integer, undefined, STYLE.wrap, STYLE.wrap, STYLE.wrap, STYLE.wrap];

export async function writeOpenItems(wb: ExcelJS.Workbook, sheet: AccountSheet & { name: string }, print: PrintContext, lang: Lang): Promise<void> {
  const columns: Column[] = OPEN_ITEM_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] ?? 14, style: STYLES[i] }));
  const table = openTable(wb, sheet.name, columns, lang, { freezeCols: 1, print: { context: print, title: sheet.name }, direct: true });
  const bucketCents = new Map<string, number>();
  for (const item of sheet.account.openItems) {
    const line = item.line;
    bucketCents.set(item.bucket, (bucketCents.get(item.bucket) ?? 0) + line.amount);
    const text = lineDisplayText(line);
    const flags = item.flags.map((f) => label(FLAG, f, lang)).join(', ');
    const c = item.categorisation;
    const category = c ? `${categoryLabel(c.category, lang)}: ${c.reason}` : null;
    putRow(
      table,
      [
        lineLabel(line.key),
        excelDate(line.entryDate),
        line.journalId,
        safeText(text || null),
        reference(line.invoiceId, line.voucherNo),
        euro(line.amount),
        item.ageDays,
        item.bucket,
        safeText(category),
        flags || null,
        safeText(item.note),
        item.reason ? label(OPEN_REASON, item.reason, lang) : null,
      ],
    );
    await pace(table);
  }
  table.next = sheet.totalRow;
  const range = (c: string) => `$${c}$2:$${c}$${sheet.lastDataRow}`;
  putRow(
    table,
    [TOTAL[lang], null, null, null, null, euroFormula(`SUM(F2:F${sheet.lastDataRow})`, sheet.openTotal)],
    [STYLE.bold, undefined, undefined, undefined, undefined, STYLE.euroBold],
  );
  if (sheet.reconcilingRow !== sheet.totalRow) {
    // The period's own items are expected (not yet due): only the rest reconciles the difference.
    const dueLabel = label(OPEN_REASON, 'not-yet-due', lang);
    putRow(table, [EXPECTED_ROWS.expected[lang], null, null, null, null, euroFormula(`SUMIF(${range('L')},"${dueLabel}",${range('F')})`, sheet.expectedTotal)], [undefined, undefined, undefined, undefined, undefined, STYLE.euro]);
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
