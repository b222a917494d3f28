// Matched groups (confirmed, and those a change made invalid), one row per line so amounts can be
// summed and filtered; the group's stated difference sits on its first line only, so the column
// total is the total of differences. Suggestions are not matches and are not listed here.
import type ExcelJS from 'exceljs';
import { lineLabel } from '../../../shared/audit-words';
import { lineDisplayText } from '../../../shared/bank-text';
import type { Lang } from '../../../shared/domain';
import { categoryLabel } from '../../../shared/item-categories';
import { confirmedByLabel, methodLabel } from '../../../shared/method-labels';
import type { AdministrationResult } from '../../../shared/reconcile';
import { DIFFERENCE_HIGHLIGHT, euro, euroFormula, excelDate, excelDateTime, safeText, STYLE } from '../cells';
import { label, MATCH_HEADERS, MATCH_STATUS, TOTAL } from '../labels';
import type { PrintContext } from '../print';
import { closeTable, highlightNonZero, openTable, pace, putRow, type Column } from '../table';
import type { LineLookup } from '../types';

const WIDTHS = [6, 10, 14, 20, 16, 11, 34, 14, 14, 18, 26, 16, 15];
const STYLES = [STYLE.unit, undefined, STYLE.wrap, STYLE.wrap, undefined, STYLE.date, STYLE.wrap, STYLE.euro, STYLE.euro, STYLE.wrap, STYLE.wrap, undefined, STYLE.dateTime];

export async function writeMatches(
  wb: ExcelJS.Workbook,
  name: string,
  results: AdministrationResult[],
  lines: LineLookup,
  print: PrintContext,
  lang: Lang,
): Promise<{ amountCents: number; differenceCents: number }> {
  const columns: Column[] = MATCH_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] ?? 14, style: STYLES[i] }));
  const table = openTable(wb, name, columns, lang, { freezeCols: 2, print: { context: print, title: name }, direct: true });
  let amountCents = 0;
  let differenceCents = 0;
  for (const result of results) {
    for (const group of result.matches) {
      if (group.status === 'suggested') continue;
      const status = label(MATCH_STATUS, group.status, lang);
      const reason = safeText(group.status === 'stale' && group.staleReason ? group.staleReason[lang] : group.reason);
      const at = excelDateTime(group.confirmedAt);
      const category = group.difference !== 0 ? categoryLabel(group.category ?? null, lang) : null;
      differenceCents += group.difference;
      for (let i = 0; i < group.lines.length; i++) {
        const key = group.lines[i]!;
        const line = lines.get(key);
        if (line) amountCents += line.amount;
        const text = line ? lineDisplayText(line) : '';
        putRow(
          table,
          [
            result.unitId,
            group.account,
            status,
            methodLabel(group.method, lang),
            lineLabel(key),
            excelDate(line?.entryDate),
            safeText(text || null),
            line ? euro(line.amount) : null,
            i === 0 ? euro(group.difference) : null,
            i === 0 ? category : null,
            i === 0 ? reason : null,
            confirmedByLabel(group.confirmedBy, lang) || null,
            at,
          ],
        );
      }
      await pace(table);
    }
  }
  const last = Math.max(table.next - 1, 2);
  table.next = last + 1;
  putRow(
    table,
    [null, null, TOTAL[lang], null, null, null, null, euroFormula(`SUM(H2:H${last})`, amountCents), euroFormula(`SUM(I2:I${last})`, differenceCents)],
    [undefined, undefined, STYLE.bold, undefined, undefined, undefined, undefined, STYLE.euroBold, STYLE.euroBold],
  );
  highlightNonZero(table, `I2:I${last}`, 'I2', DIFFERENCE_HIGHLIGHT);
  closeTable(table, { autoFilterTo: last });
  return { amountCents, differenceCents };
}
