// Reconciling items by category: what explains each account's difference, with the reason and,
// for "to book", the proposed correction entry. A subtotal per category; the leadsheet sums the
// item rows per account (subtotal rows carry no account, so SUMIFS skips them).
import type ExcelJS from 'exceljs';
import { correctionText, lineLabel } from '../../../shared/audit-words';
import { lineDisplayText } from '../../../shared/bank-text';
import type { Lang, LineKey, MutationLine } from '../../../shared/domain';
import { categoryLabel } from '../../../shared/item-categories';
import { confirmedByLabel } from '../../../shared/method-labels';
import { ITEM_CATEGORIES, type ItemCategory, type ReconcilingItem } from '../../../shared/reconcile';
import { euro, euroFormula, excelDate, excelDateTime, safeText, STYLE } from '../cells';
import { ITEM_HEADERS, ITEM_KIND, SUBTOTAL, TOTAL } from '../labels';
import type { SheetPlan } from '../plan';
import type { PrintContext } from '../print';
import { closeTable, openTable, pace, putRow, type Column } from '../table';
import type { LineLookup } from '../types';

/** Columns the leadsheet's SUMIFS reads. */
export const ITEM_COL = { unit: 'A', account: 'B', category: 'C', amount: 'H' } as const;

const WIDTHS = [6, 10, 24, 14, 20, 11, 34, 14, 30, 30, 16, 15];
const STYLES = [STYLE.unit, undefined, STYLE.wrap, STYLE.wrap, STYLE.wrap, STYLE.date, STYLE.wrap, STYLE.euro, STYLE.wrap, STYLE.wrap, STYLE.wrap, STYLE.dateTime];

interface Row {
  unitId: number;
  item: ReconcilingItem;
}

export async function writeReconcilingItems(wb: ExcelJS.Workbook, plan: SheetPlan, lines: LineLookup, print: PrintContext, lang: Lang): Promise<void> {
  const columns: Column[] = ITEM_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] ?? 14, style: STYLES[i] }));
  const table = openTable(wb, plan.items, columns, lang, { freezeCols: 2, print: { context: print, title: plan.items }, direct: true });
  const groups = new Map<ItemCategory | null, Row[]>();
  for (const s of plan.accounts) {
    for (const item of s.items) {
      const c = item.categorisation?.category ?? null;
      (groups.get(c) ?? groups.set(c, []).get(c)!).push({ unitId: s.result.unitId, item });
    }
  }
  const subtotals: number[] = [];
  let totalCents = 0;
  for (const category of [...ITEM_CATEGORIES, null]) {
    const rows = groups.get(category);
    if (!rows || rows.length === 0) continue;
    const from = table.next;
    let sum = 0;
    for (const { unitId, item } of rows) {
      const first = lines.get(item.lines[0]!);
      const c = item.categorisation;
      const own = first ? lineDisplayText(first) : '';
      // A voucher: its number and its first line's text (the booking, when it has one).
      const text = item.kind === 'match-difference' ? describeGroup(item.lines, lines) : item.kind === 'voucher' ? [item.voucherNo, own].filter((x) => x).join(' · ') : own;
      const correction = correctionText(c?.correction, lang);
      const reason = c?.reason ?? null;
      sum += item.amount;
      putRow(
        table,
        [
          unitId,
          item.account,
          categoryLabel(category, lang),
          ITEM_KIND[item.kind][lang],
          item.lines.map(lineLabel).join(', '),
          excelDate(first?.entryDate),
          safeText(text) || null,
          euro(item.amount),
          safeText(reason),
          correction || null,
          c ? confirmedByLabel(c.by, lang) : null,
          excelDateTime(c?.at),
        ],
      );
      await pace(table);
    }
    totalCents += sum;
    const r = putRow(
      table,
      [null, null, `${SUBTOTAL[lang]}: ${categoryLabel(category, lang)}`, null, null, null, null, euroFormula(`SUM(H${from}:H${table.next - 1})`, sum)],
      [undefined, undefined, STYLE.subtotal, undefined, undefined, undefined, undefined, STYLE.euroSubtotal],
    );
    subtotals.push(r);
  }
  const lastItem = table.next - 1;
  table.next++;
  putRow(
    table,
    [null, null, TOTAL[lang], null, null, null, null, euroFormula(subtotals.length > 0 ? subtotals.map((r) => `H${r}`).join('+') : '0', totalCents)],
    [undefined, undefined, STYLE.bold, undefined, undefined, undefined, undefined, STYLE.euroBold],
  );
  closeTable(table, { autoFilterTo: Math.max(lastItem, table.headerRow) });
}

/** A match difference's lines in one text: each line's description and amount. */
function describeGroup(keys: readonly LineKey[], lines: LineLookup): string {
  return keys
    .map((k) => lines.get(k))
    .filter((l): l is MutationLine => l !== undefined)
    .map((l) => lineDisplayText(l))
    .filter((t) => t)
    .join(' / ');
}
