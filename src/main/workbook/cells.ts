// Cell values and styles shared by every sheet. Money leaves integer cents only here, as the euro
// number a spreadsheet needs; every total is summed in cents first and converted once.
import type { Cents } from '../../shared/money';
import { amsterdamOffsetMs } from '../../shared/amsterdam-time';
import { assertCents } from '../../shared/money';

/** Dutch-friendly euro format; negatives red with the sign after the symbol, like formatEuro(nl). */
export const EURO_FORMAT = '"€ "#,##0.00;[Red]"€ "-#,##0.00';
export const DATE_FORMAT = 'dd-mm-yyyy';
export const DATETIME_FORMAT = 'dd-mm-yyyy hh:mm';

/** Named, so a bold cell keeps the sheet's font (a font without a name prints in a serif). */
const BOLD = { name: 'Calibri', size: 11, bold: true } as const;

// One object per style: exceljs caches style ids by object identity (a WeakMap), so sharing these
// keeps the streaming writer from re-serialising a style for each of 300,000 cells.
export const STYLE = {
  euro: { numFmt: EURO_FORMAT, alignment: { vertical: 'top' } },
  euroBold: { numFmt: EURO_FORMAT, font: BOLD, alignment: { vertical: 'top' } },
  date: { numFmt: DATE_FORMAT, alignment: { vertical: 'top' } },
  dateTime: { numFmt: DATETIME_FORMAT, alignment: { vertical: 'top' } },
  integer: { numFmt: '0', alignment: { vertical: 'top' } },
  /** The administration number: centred, so it does not run into the account number next to it. */
  unit: { numFmt: '0', alignment: { vertical: 'top', horizontal: 'center' } },
  bold: { font: BOLD, alignment: { vertical: 'top' } },
  header: {
    font: BOLD,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } },
    alignment: { vertical: 'top', wrapText: true },
  },
  wrap: { alignment: { vertical: 'top', wrapText: true } },
  plain: { alignment: { vertical: 'top' } },
  title: { font: { ...BOLD, size: 14 } },
  muted: { font: { name: 'Calibri', size: 11, italic: true, color: { argb: 'FF5B6576' } } },
  subtotal: { font: BOLD, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F6' } } },
  euroSubtotal: { numFmt: EURO_FORMAT, font: BOLD, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F6' } } },
} as const;

/** Light red fill for a non-zero difference (a dxf, used by conditional formatting). */
export const DIFFERENCE_HIGHLIGHT = {
  font: { ...BOLD, color: { argb: 'FF9C0006' } },
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
} as const;

export function euro(cents: Cents): number {
  assertCents(cents);
  return cents / 100; // the nearest double to the exact euro amount; totals never add these
}

/** A formula with the result the writer already knows, so readers that do not calculate see it. */
export function euroFormula(formula: string, cents: Cents): { formula: string; result: number } {
  return { formula, result: euro(cents) };
}

// Dates repeat across hundreds of thousands of rows: convert each text once. exceljs only reads
// the Date objects, so sharing them between cells is safe.
const dateCache = new Map<string, Date | null>();

/** YYYY-MM-DD as a real Excel date (exceljs converts a Date by its UTC fields). */
export function excelDate(ymd: string | null | undefined): Date | null {
  if (!ymd) return null;
  let d = dateCache.get(ymd);
  if (d === undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
    d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (dateCache.size > 50_000) dateCache.clear();
    dateCache.set(ymd, d);
  }
  return d;
}

export { amsterdamOffsetMs } from '../../shared/amsterdam-time';

/**
 * An ISO instant as the Amsterdam wall-clock time a Dutch reviewer expects to read, stored as an
 * Excel date-time (Excel has no time zones). A bare YYYY-MM-DD stays that date.
 */
export function excelDateTime(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  if (iso.length === 10) return excelDate(iso);
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return new Date(t + amsterdamOffsetMs(t));
}

/** 1 -> A, 27 -> AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A sheet name as it must appear inside a formula: 'It''s'!A1. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Free text from people and AFAS, with anything shaped like an AFAS token removed: the token never
 * belongs in a workbook, and an audit detail or note might carry one pasted by mistake.
 */
export function safeText(text: string | null | undefined): string | null {
  if (text == null) return null;
  if (text.length <= MAX_CELL_TEXT && !/oken/i.test(text)) return text; // the common case, fast
  const clean = text
    .replace(/<token>[\s\S]*?<\/token>/gi, '[token verwijderd / token removed]')
    .replace(/(AfasToken\s+)[A-Za-z0-9+/=]{16,}/g, '$1[token verwijderd / token removed]');
  // Excel refuses a cell longer than 32,767 characters.
  return clean.length > MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 1)}…` : clean;
}

const MAX_CELL_TEXT = 32_767;
