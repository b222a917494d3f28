// A transitory account's schedule (Spend Cloud): one row per voucher on the account at the
// period's end — booked, released per period (a column per month, the period's and the ones to
// come), released through the period, the balance it holds, what is still to release and what it
// will never release (the remainder) — as live formulas over the month columns. Below, the
// expected balance (minus what is still to release), which the leadsheet links to, and a check
// against AFAS's balance.
import type ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/domain';
import { periodId, periodLabel } from '../../../shared/domain';
import type { VoucherSummary } from '../../../shared/reconcile';
import { columnLetter, DIFFERENCE_HIGHLIGHT, euro, euroFormula, excelDate, safeText, STYLE } from '../cells';
import { label, SCHEDULE, VOUCHER_STATUS } from '../labels';
import type { AccountSheet } from '../plan';
import type { PrintContext } from '../print';
import { closeTable, highlightNonZero, openTable, pace, putRow, type Column } from '../table';

/** Where the schedule puts what the leadsheet reads (known before the sheet is written). */
export interface ScheduleLayout {
  name: string;
  months: string[];
  lastDataRow: number;
  totalRow: number;
  expectedRow: number;
  /** Column letters of the computed columns. */
  col: { booked: string; firstMonth: string; lastMonth: string; released: string; balance: string; toRelease: string; remainder: string };
  /** The column of the month after the period (its first "still to release" column), or null when none. */
  afterPeriod: string | null;
  throughPeriod: string | null;
}

const FIXED = 5; // voucher, invoice, description, booked on, booked

/** The months with a line of any voucher, in order (gaps filled), and the sheet's rows. */
export function scheduleLayout(name: string, vouchers: readonly VoucherSummary[], period: string): ScheduleLayout {
  let first: string | null = null;
  let last: string | null = null;
  for (const v of vouchers) {
    for (const l of v.lines) {
      const m = l.entryDate.slice(0, 7);
      if (first === null || m < first) first = m;
      if (last === null || m > last) last = m;
    }
  }
  const months: string[] = [];
  if (first !== null && last !== null) for (let m = first; m <= last; m = next(m)) months.push(m);
  const c = (i: number) => columnLetter(i);
  const firstMonth = FIXED + 1;
  const lastMonth = FIXED + Math.max(months.length, 1);
  const through = months.filter((m) => m <= period).length;
  const lastDataRow = Math.max(vouchers.length + 1, 2);
  return {
    name,
    months,
    lastDataRow,
    totalRow: lastDataRow + 1,
    expectedRow: lastDataRow + 2,
    col: { booked: c(FIXED), firstMonth: c(firstMonth), lastMonth: c(lastMonth), released: c(lastMonth + 1), balance: c(lastMonth + 2), toRelease: c(lastMonth + 3), remainder: c(lastMonth + 4) },
    throughPeriod: through > 0 ? c(FIXED + through) : null,
    afterPeriod: through < months.length ? c(FIXED + through + 1) : null,
  };
}

function next(ym: string): string {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const monthHeader = (ym: string) => ({ nl: `${ym.slice(5, 7)}-${ym.slice(0, 4)}`, en: `${ym.slice(5, 7)}-${ym.slice(0, 4)}` });

export async function writeSchedule(wb: ExcelJS.Workbook, sheet: AccountSheet, layout: ScheduleLayout, print: PrintContext, lang: Lang): Promise<void> {
  const vouchers = sheet.account.vouchers ?? [];
  const period = periodId(sheet.result.period);
  const p = periodLabel(sheet.result.period);
  const fill = (t: { nl: string; en: string }) => ({ nl: t.nl.replace('{p}', p), en: t.en.replace('{p}', p) });
  const columns: Column[] = [
    { header: SCHEDULE.voucher, width: 12 },
    { header: SCHEDULE.invoice, width: 14 },
    { header: SCHEDULE.description, width: 40, style: STYLE.wrap },
    { header: SCHEDULE.bookedOn, width: 12, style: STYLE.date },
    { header: SCHEDULE.booked, width: 16, style: STYLE.euro },
    ...(layout.months.length > 0 ? layout.months : ['']).map((m) => ({ header: m ? monthHeader(m) : { nl: '', en: '' }, width: 13, style: STYLE.euro })),
    { header: fill(SCHEDULE.releasedThrough), width: 16, style: STYLE.euro },
    { header: fill(SCHEDULE.balance), width: 16, style: STYLE.euro },
    { header: fill(SCHEDULE.toRelease), width: 16, style: STYLE.euro },
    { header: SCHEDULE.remainder, width: 16, style: STYLE.euro },
    { header: SCHEDULE.status, width: 24 },
  ];
  const table = openTable(wb, layout.name, columns, lang, { freezeCols: 1, print: { context: print, title: layout.name }, direct: true });
  const { col } = layout;
  const monthIndex = new Map(layout.months.map((m, i) => [m, i]));
  for (const v of vouchers) {
    const r = table.next;
    // Booked: the booking lines through the period; every other line in its month's column.
    let booked = 0;
    const perMonth: number[] = layout.months.map(() => 0);
    for (const l of v.lines) {
      const m = l.entryDate.slice(0, 7);
      if (l.booking && m <= period) booked += l.amount;
      else perMonth[monthIndex.get(m)!]! += l.amount;
    }
    const through = perMonth.reduce((s, c, i) => (layout.months[i]! <= period ? s + c : s), 0);
    const after = perMonth.reduce((s, c, i) => (layout.months[i]! > period ? s + c : s), 0);
    putRow(table, [
      v.voucherNo,
      v.invoiceId,
      safeText(v.description),
      excelDate(v.bookedOn),
      euro(booked),
      ...perMonth.map((c) => (c === 0 ? null : euro(c))),
      ...(layout.months.length === 0 ? [null] : []),
      layout.throughPeriod ? euroFormula(`SUM(${col.firstMonth}${r}:${layout.throughPeriod}${r})`, through) : euro(0),
      euroFormula(`${col.booked}${r}+${col.released}${r}`, booked + through),
      layout.afterPeriod ? euroFormula(`SUM(${layout.afterPeriod}${r}:${col.lastMonth}${r})`, after) : euro(0),
      euroFormula(`${col.balance}${r}+${col.toRelease}${r}`, booked + through + after),
      label(VOUCHER_STATUS, v.status, lang),
    ]);
    await pace(table);
  }
  table.next = layout.totalRow;
  const sumOf = (c: string, cents: number) => euroFormula(`SUM(${c}2:${c}${layout.lastDataRow})`, cents);
  const totals = vouchers.reduce(
    (t, v) => {
      let booked = 0;
      let through = 0;
      let after = 0;
      for (const l of v.lines) {
        const m = l.entryDate.slice(0, 7);
        if (l.booking && m <= period) booked += l.amount;
        else if (m <= period) through += l.amount;
        else after += l.amount;
      }
      return { booked: t.booked + booked, through: t.through + through, after: t.after + after };
    },
    { booked: 0, through: 0, after: 0 },
  );
  const bold = STYLE.euroBold;
  const blank = (n: number) => Array.from({ length: n }, () => null);
  const width = layout.months.length > 0 ? layout.months.length : 1;
  putRow(
    table,
    [SCHEDULE.total[lang], null, null, null, sumOf(col.booked, totals.booked), ...blank(width), sumOf(col.released, totals.through), sumOf(col.balance, totals.booked + totals.through), sumOf(col.toRelease, totals.after), sumOf(col.remainder, totals.booked + totals.through + totals.after)],
    [STYLE.bold, undefined, undefined, undefined, bold, ...blank(width).map(() => undefined), bold, bold, bold, bold],
  );
  // Expected = minus what is still to release; AFAS's balance and the check beside it.
  const tr = layout.totalRow;
  const styles = (s: typeof STYLE.euro) => [STYLE.bold, undefined, undefined, undefined, s];
  putRow(table, [SCHEDULE.expected[lang], null, null, null, euroFormula(`-${col.toRelease}${tr}`, -totals.after)], styles(bold));
  const afasRow = putRow(table, [SCHEDULE.afas[lang], null, null, null, euro(sheet.account.closing)], styles(STYLE.euro));
  const checkRow = putRow(table, [SCHEDULE.check[lang], null, null, null, euroFormula(`${col.balance}${tr}-E${afasRow}`, totals.booked + totals.through - sheet.account.closing)], styles(STYLE.euro));
  highlightNonZero(table, `E${checkRow}`, `E${checkRow}`, DIFFERENCE_HIGHLIGHT);
  closeTable(table, { autoFilterTo: layout.lastDataRow });
}
