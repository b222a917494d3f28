// The rollforward of every account, not only the one that ties to the wallet: opening, debits,
// credits, closing (a live formula), what was expected, the categorised reconciling items and
// what stays unexplained — the same figures as the leadsheet, built up from the movements.
import type ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/domain';
import { DIFFERENCE_HIGHLIGHT, euro, euroFormula, STYLE } from '../cells';
import { ACCOUNT_ROLLFORWARD_HEADERS, NOT_ENTERED } from '../labels';
import { judged, type SheetPlan } from '../plan';
import type { PrintContext } from '../print';
import { closeTable, highlightNonZero, openTable, putRow, type Column } from '../table';

const WIDTHS = [6, 10, 28, 15, 15, 15, 15, 15, 16, 16];
const STYLES = [STYLE.unit, undefined, STYLE.wrap, STYLE.euro, STYLE.euro, STYLE.euro, STYLE.euroBold, STYLE.euro, STYLE.euro, STYLE.euroBold];

export function writeAccountRollforward(wb: ExcelJS.Workbook, plan: SheetPlan, print: PrintContext, lang: Lang): void {
  const columns: Column[] = ACCOUNT_ROLLFORWARD_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] ?? 14, style: STYLES[i] }));
  const table = openTable(wb, plan.accountRollforward, columns, lang, { freezeCols: 2, print: { context: print, title: plan.accountRollforward } });
  const first = table.next;
  for (const s of plan.accounts) {
    const a = s.account;
    const r = table.next;
    const ok = judged(a);
    const closing = a.opening + a.debit - a.credit;
    putRow(table, [
      s.result.unitId,
      a.account,
      a.name,
      euro(a.opening),
      euro(a.debit),
      euro(a.credit),
      euroFormula(`D${r}+E${r}-F${r}`, closing),
      ok ? euro(a.expected) : a.status === 'awaiting-balance' ? NOT_ENTERED[lang] : null,
      euro(s.categorised),
      ok ? euroFormula(`G${r}-H${r}-I${r}`, closing - a.expected - s.categorised) : null,
    ]);
  }
  const last = Math.max(table.next - 1, first);
  highlightNonZero(table, `J${first}:J${last}`, `J${first}`, DIFFERENCE_HIGHLIGHT);
  closeTable(table, { autoFilterTo: last });
}
