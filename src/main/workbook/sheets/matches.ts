// Matched groups, one row per line so amounts can be summed and filtered; the group's stated
// difference sits on its first line only, so the column total is the total of differences.
import type ExcelJS from 'exceljs';
import { lineDisplayText } from '../../../shared/bank-text';
import type { Lang } from '../../../shared/domain';
import type { LineLookup } from '../types';
import type { AdministrationResult } from '../../../shared/reconcile';
import { DIFFERENCE_HIGHLIGHT, euro, euroFormula, excelDate, excelDateTime, safeText, STYLE } from '../cells';
import { label, MATCH_HEADERS, MATCH_STATUS, TOTAL } from '../labels';
import { pace, closeTable, highlightNonZero, openTable, putRow, type Column } from '../table';

const WIDTHS = [16, 10, 12, 12, 16, 20, 12, 36, 16, 16, 30, 16, 17];

const STYLES = [
  undefined, undefined, undefined, undefined, undefined, undefined, STYLE.date, undefined,
  STYLE.euro, STYLE.euro, STYLE.wrap, undefined, STYLE.dateTime,
];

export async function writeMatches(
  wb: ExcelJS.Workbook,
  name: string,
  results: AdministrationResult[],
  lines: LineLookup,
  lang: Lang,
): Promise<{ amountCents: number; differenceCents: number }> {
  const columns: Column[] = MATCH_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] ?? 14, style: STYLES[i] }));
  const table = openTable(wb, name, columns, lang, { rows: 1, cols: 1 });
  let amountCents = 0;
  let differenceCents = 0;
  for (const result of results) {
    for (const group of result.matches) {
      const status = label(MATCH_STATUS, group.status, lang);
      const reason = safeText(group.status === 'stale' && group.staleReason ? group.staleReason[lang] : group.reason);
      const at = excelDateTime(group.confirmedAt);
      differenceCents += group.difference;
      group.lines.forEach((key, i) => {
        const line = lines.get(key);
        if (line) amountCents += line.amount;
        putRow(table, [
          group.id,
          result.unitId,
          group.account,
          status,
          group.method,
          key,
          excelDate(line?.entryDate),
          safeText(line ? lineDisplayText(line) || null : null),
          line ? euro(line.amount) : null,
          i === 0 ? euro(group.difference) : null,
          i === 0 ? reason : null,
          group.confirmedBy,
          at,
        ]);
      });
      await pace(table);
    }
  }
  const last = Math.max(table.next - 1, 2);
  table.next = last + 1;
  putRow(
    table,
    [TOTAL[lang], null, null, null, null, null, null, null, euroFormula(`SUM(I2:I${last})`, amountCents), euroFormula(`SUM(J2:J${last})`, differenceCents)],
    [STYLE.bold, undefined, undefined, undefined, undefined, undefined, undefined, undefined, STYLE.euroBold, STYLE.euroBold],
  );
  highlightNonZero(table, `J2:J${last}`, 'J2', DIFFERENCE_HIGHLIGHT);
  closeTable(table, { autoFilterTo: last });
  return { amountCents, differenceCents };
}
