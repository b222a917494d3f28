// A header-row table on a streaming worksheet: widths, frozen header, autofilter, and rows that
// are committed as soon as they are written so 300,000 of them never sit in memory together.
import type ExcelJS from 'exceljs';
import type { Bilingual, Lang } from '../../shared/domain';
import { columnLetter, STYLE } from './cells';
import { headerFooter, pageSetup, type PrintContext } from './print';
import { rowXml, type StyleRegistry } from './row-xml';

export type CellValue = ExcelJS.CellValue;
export type CellStyle = Partial<ExcelJS.Style>;

export interface Column {
  header: Bilingual;
  width: number;
  /** Shared style object for the column's data cells (identity matters: see cells.ts). */
  style?: CellStyle;
}

export interface Table {
  ws: ExcelJS.Worksheet;
  columns: Column[];
  /** Row of the column headers (1 unless title rows come first). */
  headerRow: number;
  /** Next row number to write. */
  next: number;
  /** Row number at the last pause (see pace). */
  pausedAt: number;
  /** The export's tick (see exportTicks), called at every pause. */
  tick?: () => void;
  /** Set for a table whose data rows are rendered by row-xml.ts: their XML not yet handed on. */
  direct?: { styles: StyleRegistry; xml: string };
}

/** The tick of the workbook being written, found by its tables (a cancel throws from a pause). */
export const exportTicks = new WeakMap<ExcelJS.Workbook, () => void>();

const PLAIN: CellStyle = { alignment: { vertical: 'top' } };

/**
 * Every row's own (empty) style, one object: exceljs gives each new row a fresh `{}`, which misses
 * its style-id cache (by identity) and renders the style's XML again to look it up, once per row
 * (~10% of writing 400,000 rows). Frozen: exceljs only writes to it through row-level style
 * setters, which these tables never use; if it ever did, that would throw instead of styling
 * every row.
 */
const ROW_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

export interface TableOptions {
  /** Frozen columns at the left. */
  freezeCols?: number;
  /** Rows above the column headers (the leadsheet's title block), each [values, styles]. */
  titleRows?: [CellValue[], (CellStyle | undefined)[]?][];
  /** How it prints; without it the sheet has no page setup (tests' probes). */
  print?: { context: PrintContext; title: string; onePage?: boolean };
  /**
   * Rows after the header rendered by row-xml.ts instead of exceljs's Row and Cell objects (the
   * same XML, five times faster): for the big tables. Every row after the header must then go
   * through putRow (exceljs's own rows would be numbered from the header on).
   */
  direct?: boolean;
}

const HEADER_LINE = 15;

export function openTable(wb: ExcelJS.Workbook, name: string, columns: Column[], lang: Lang, opts: TableOptions = {}): Table {
  const headerRow = (opts.titleRows?.length ?? 0) + 1;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: opts.freezeCols ?? 0, ySplit: headerRow, activeCell: `A${headerRow + 1}` }],
    ...(opts.print ? { pageSetup: pageSetup(opts.print.onePage ?? false), headerFooter: headerFooter(opts.print.context, opts.print.title) } : {}),
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const tick = exportTicks.get(wb);
  const table: Table = { ws, columns, headerRow, next: 1, pausedAt: 1, ...(tick ? { tick } : {}) };
  for (const [values, styles] of opts.titleRows ?? []) putRow(table, values, styles);
  // Headers wrap within their own row: tall enough for the longest one, never over the first data row.
  const lines = Math.max(1, ...columns.map((c) => linesNeeded(c.header[lang], c.width)));
  putRow(table, columns.map((c) => c.header[lang]), columns.map(() => STYLE.header as CellStyle), lines * HEADER_LINE + 3);
  // From here on exceljs has opened the sheet's data (columns, <sheetData>) and holds no row.
  if (opts.direct) table.direct = { styles: (wb as unknown as { styles: StyleRegistry }).styles, xml: '' };
  return table;
}

/** Lines a wrapped text needs in a column of `width` characters (one spare: words do not break). */
export function linesNeeded(text: string | null | undefined, width: number): number {
  if (!text) return 1;
  const per = Math.max(1, Math.floor(width) - 1);
  let n = 0;
  for (const part of text.split('\n')) n += Math.max(1, Math.ceil(part.length / per));
  return n;
}

/** A row height that shows `lines` lines of text. */
export function heightFor(lines: number): number {
  return Math.max(1, lines) * HEADER_LINE + 2;
}

/**
 * Writes one row; null/undefined leave the cell empty. Styles default to the column's. Without a
 * height the row is as tall as its longest wrapped text needs: printed, nothing is cut to one line.
 */
export function putRow(table: Table, values: readonly CellValue[], styles?: readonly (CellStyle | undefined)[], height?: number): number {
  const rowNo = table.next++;
  const cells: CellValue[] = new Array<CellValue>(values.length);
  const cellStyles: CellStyle[] = new Array<CellStyle>(values.length);
  let lines = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const style = styles?.[i] ?? table.columns[i]?.style ?? PLAIN;
    if (typeof v === 'string' && style.alignment?.wrapText) lines = Math.max(lines, linesNeeded(v, table.columns[i]?.width ?? 10));
    // A line break shows only in an inline rich string: a plain string cell (t="str") prints on one line.
    cells[i] = typeof v === 'string' && v.includes('\n') ? { richText: [{ text: v }] } : v;
    cellStyles[i] = style;
  }
  const rowHeight = height ?? (lines > 1 ? heightFor(lines) : undefined);
  if (table.direct) {
    table.direct.xml += rowXml(rowNo, cells, cellStyles, table.direct.styles, rowHeight);
    if (table.direct.xml.length >= DIRECT_CHUNK) flush(table);
    return rowNo;
  }
  const row = table.ws.getRow(rowNo);
  (row as unknown as { style: CellStyle }).style = ROW_STYLE;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] === undefined) continue;
    const cell = row.getCell(i + 1);
    cell.value = cells[i]!;
    cell.style = cellStyles[i] as ExcelJS.Style;
  }
  if (rowHeight !== undefined) row.height = rowHeight;
  row.commit();
  return rowNo;
}

/** Direct rows are handed to the sheet's stream in pieces of about this many characters. */
const DIRECT_CHUNK = 64 * 1024;

/** Hands the direct rows rendered so far to the sheet's part of the zip. */
function flush(table: Table): void {
  if (!table.direct || table.direct.xml === '') return;
  (table.ws as unknown as { stream: { write(text: string): void } }).stream.write(table.direct.xml);
  table.direct.xml = '';
}

/**
 * Autofilter over header and data rows (not the totals row); the print area is everything written
 * and the header row repeats on every printed page. Then the sheet is flushed.
 */
export function closeTable(table: Table, opts: { autoFilterTo?: number } = {}): void {
  const last = columnLetter(table.columns.length);
  if (opts.autoFilterTo !== undefined) {
    table.ws.autoFilter = `A${table.headerRow}:${last}${Math.max(opts.autoFilterTo, table.headerRow)}`;
  }
  // exceljs prefixes each end with '$': "A$1" becomes the absolute $A$1 a defined name needs.
  table.ws.pageSetup.printArea = `A$1:${last}$${Math.max(table.next - 1, table.headerRow)}`;
  table.ws.pageSetup.printTitlesRow = `${table.headerRow}:${table.headerRow}`;
  flush(table);
  table.ws.commit();
}

/** Conditional formatting: highlight a cell whose rounded value is not zero. */
export function highlightNonZero(table: Table, range: string, firstCell: string, style: object): void {
  table.ws.addConditionalFormatting({
    ref: range,
    rules: [{ type: 'expression', priority: 1, formulae: [`ROUND(${firstCell},2)<>0`], style: style as ExcelJS.Style }],
  });
}

const BACKLOG_LIMIT = 2 * 1024 * 1024;
const BUF_SIZE = 65_536; // exceljs's StreamBuf chunk size for worksheet parts

/** What exceljs's worksheet stream (a StreamBuf) holds: chunks not yet handed on, and its pipes. */
interface SheetStream {
  buffers?: unknown[];
  pipes?: { writableLength?: number }[];
}

function backlog(table: Table): number {
  const s = (table.ws as unknown as { stream?: SheetStream }).stream;
  if (!s) return 0;
  let bytes = (s.buffers?.length ?? 0) * BUF_SIZE;
  for (const p of s.pipes ?? []) bytes += p.writableLength ?? 0;
  return bytes;
}

const PACE_ROWS = 40;

/**
 * exceljs writes rows into the zip without back-pressure, so XML piles up when rows come faster
 * than they are compressed. Every few dozen rows this yields to the event loop (so compression
 * keeps up and the XML chunks die young, cheap to collect: measured peak RSS fell from ~430 MB to
 * ~320 MB at 300,000 rows, at no CPU cost) and waits while the backlog is large.
 */
export async function pace(table: Table): Promise<void> {
  if (table.next - table.pausedAt < PACE_ROWS) return;
  table.pausedAt = table.next;
  flush(table);
  table.tick?.();
  await new Promise((resolve) => setImmediate(resolve));
  while (backlog(table) > BACKLOG_LIMIT) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    table.tick?.();
  }
}
