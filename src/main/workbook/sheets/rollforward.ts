// The Moss Balance rollforward: one column per administration, the closing balance recomputed by a
// live SUM, checked against AFAS, and the difference with the wallet Moss reports.
import type ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/domain';
import { periodLabel } from '../../../shared/domain';
import type { Cents } from '../../../shared/money';
import type { Rollforward } from '../../../shared/reconcile';
import { columnLetter, DIFFERENCE_HIGHLIGHT, euro, euroFormula, safeText, STYLE } from '../cells';
import { ROLLFORWARD_ROWS as L } from '../labels';
import { administrationLabel, type SheetPlan } from '../plan';
import type { AdministrationResult } from '../../../shared/reconcile';
import type { PrintContext } from '../print';
import { closeTable, highlightNonZero, openTable, putRow, type Column } from '../table';

type Movement = 'topUps' | 'spend' | 'refunds' | 'other';
const MOVEMENTS: Movement[] = ['topUps', 'spend', 'refunds', 'other'];

/**
 * The movements as they change the balance. The engine's identity (src/shared/reconcile.ts) is
 * opening + top-ups − spend + refunds + other = closing, so spend is shown negative and the live
 * SUM ties; any gap the engine reports stays visible in the check row.
 */
export function signedMovements(rf: Rollforward): Record<Movement, Cents> {
  return { topUps: rf.topUps, spend: rf.spend === 0 ? 0 : -rf.spend, refunds: rf.refunds, other: rf.other };
}

// Row numbers are fixed so formulas and tests can name them.
export const RF_ROW = { opening: 2, topUps: 3, spend: 4, refunds: 5, other: 6, closing: 7, closingAfas: 8, check: 9, wallet: 10, difference: 11, causes: 12 } as const;

export function writeRollforward(wb: ExcelJS.Workbook, plan: SheetPlan, results: AdministrationResult[], print: PrintContext, lang: Lang): void {
  const columns: Column[] = [
    { header: L.item, width: 30 },
    ...results.map((r) => ({ header: { nl: `${administrationLabel(r)} (${periodLabel(r.period)})`, en: `${administrationLabel(r)} (${periodLabel(r.period)})` }, width: 60, style: STYLE.euro })),
  ];
  const table = openTable(wb, plan.rollforward, columns, lang, { freezeCols: 1, print: { context: print, title: plan.rollforward } });
  const cols = results.map((_, i) => columnLetter(i + 2));
  const rf = results.map((r) => r.rollforward);
  const moves = rf.map(signedMovements);

  const row = (name: keyof typeof L, cells: ExcelJS.CellValue[], style?: Partial<ExcelJS.Style>) =>
    putRow(table, [L[name][lang], ...cells], [STYLE.bold, ...cells.map(() => style)]);

  row('opening', rf.map((x) => euro(x.opening)));
  for (const m of MOVEMENTS) row(m, moves.map((x) => euro(x[m])));
  row('closing', rf.map((x, i) => {
    const c = cols[i];
    const sum = x.opening + MOVEMENTS.reduce((s, m) => s + (moves[i]?.[m] ?? 0), 0);
    return euroFormula(`SUM(${c}${RF_ROW.opening}:${c}${RF_ROW.other})`, sum);
  }), STYLE.euroBold);
  row('closingAfas', rf.map((x) => euro(x.closing)));
  row('check', rf.map((x, i) => {
    const c = cols[i];
    const sum = x.opening + MOVEMENTS.reduce((s, m) => s + (moves[i]?.[m] ?? 0), 0);
    return euroFormula(`${c}${RF_ROW.closing}-${c}${RF_ROW.closingAfas}`, sum - x.closing);
  }));
  row('wallet', rf.map((x) => (x.wallet === null ? L.noWallet[lang] : euro(x.wallet))));
  row('difference', rf.map((x, i) => {
    const c = cols[i];
    return x.wallet === null ? null : euroFormula(`${c}${RF_ROW.closingAfas}-${c}${RF_ROW.wallet}`, x.closing - x.wallet);
  }), STYLE.euroBold);
  // Every likely cause on its own line; the row grows to show them all.
  row('causes', rf.map((x) => safeText(x.likelyCauses.map((c) => c[lang]).join('\n')) || null), STYLE.wrap);

  const last = cols[cols.length - 1] ?? 'B';
  highlightNonZero(table, `B${RF_ROW.check}:${last}${RF_ROW.check}`, `B${RF_ROW.check}`, DIFFERENCE_HIGHLIGHT);
  highlightNonZero(table, `B${RF_ROW.difference}:${last}${RF_ROW.difference}`, `B${RF_ROW.difference}`, DIFFERENCE_HIGHLIGHT);
  closeTable(table);
}
