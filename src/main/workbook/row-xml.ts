// A worksheet row as the XML exceljs's streaming writer makes of it, made here directly. exceljs
// builds a Row and a Cell object per value, a model of each, then renders that through its XML
// stream: ~25 µs a row of the matched-groups sheet, 5 of the workbook's 7 s at 190,000 rows. This
// renders the same bytes from the values (test/workbook/row-xml.test.ts holds it to exceljs's
// output), for the value kinds the sheets write: numbers, texts, dates, formulas with a number
// result, and the inline rich text a multi-line text becomes. Styles still get their ids from
// exceljs's style registry, so the styles part stays exceljs's own.
import type ExcelJS from 'exceljs';
import { columnLetter } from './cells';

/** exceljs's Enums.ValueType numbers: its style registry picks a default number format by them. */
const TYPE = { number: 2, string: 3, date: 4, formula: 6, richText: 8 } as const;

/** What exceljs's WorkbookWriter offers to register a cell's style (`wb.styles`). */
export interface StyleRegistry {
  addStyleModel(style: Partial<ExcelJS.Style>, cellType: number): number;
}

// exceljs's utils.xmlEncode: the five entities, and control characters XML cannot hold dropped.
/* eslint-disable no-control-regex -- the control characters are what these find */
const NEEDS_ESCAPE = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;
const ESCAPES = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g;
/* eslint-enable no-control-regex */
const ENTITY: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

export function xmlText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, (c) => ENTITY[c] ?? '') : text;
}

/** exceljs's utils.dateToExcel (1900 date system). */
function excelSerial(d: Date): number {
  return 25569 + d.getTime() / (24 * 3600 * 1000);
}

const COLUMNS: string[] = [];
function column(i: number): string {
  return (COLUMNS[i] ??= columnLetter(i));
}

/** The cell's ` s="id"` (none for style 0), registered with the cell type exceljs would give. */
function styleAttr(styles: StyleRegistry, style: Partial<ExcelJS.Style>, type: number): string {
  const id = styles.addStyleModel(style, type);
  return id ? ` s="${id}"` : '';
}

function cellXml(ref: string, value: ExcelJS.CellValue, style: Partial<ExcelJS.Style>, styles: StyleRegistry): string {
  if (typeof value === 'number') return `<c r="${ref}"${styleAttr(styles, style, TYPE.number)}><v>${String(value)}</v></c>`;
  if (typeof value === 'string') return `<c r="${ref}"${styleAttr(styles, style, TYPE.string)} t="str"><v>${xmlText(value)}</v></c>`;
  if (value instanceof Date) return `<c r="${ref}"${styleAttr(styles, style, TYPE.date)}><v>${String(excelSerial(value))}</v></c>`;
  if (typeof value === 'object' && value !== null) {
    if ('formula' in value && typeof value.formula === 'string' && !('shareType' in value) && (value.result === undefined || typeof value.result === 'number')) {
      const v = value.result === undefined ? '' : `<v>${String(value.result)}</v>`;
      return `<c r="${ref}"${styleAttr(styles, style, value.result === undefined ? 0 : TYPE.number)}><f>${xmlText(value.formula)}</f>${v}</c>`;
    }
    if ('richText' in value && value.richText.every((r) => r.font === undefined)) {
      let runs = '';
      for (const r of value.richText) runs += `<r><t${/^\s|\n|\s$/.test(r.text) ? ' xml:space="preserve"' : ''}>${xmlText(r.text)}</t></r>`;
      return `<c r="${ref}"${styleAttr(styles, style, TYPE.richText)} t="inlineStr"><is>${runs}</is></c>`;
    }
  }
  throw new Error(`row-xml: a cell value exceljs would write differently (${ref})`);
}

/**
 * One `<row>`: null and undefined values leave no cell; `spans` runs from the first cell to the
 * last; a row with no cell and no height is not written (as exceljs does).
 */
export function rowXml(rowNo: number, values: readonly ExcelJS.CellValue[], styles: readonly Partial<ExcelJS.Style>[], registry: StyleRegistry, height?: number): string {
  let cells = '';
  let min = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const col = i + 1;
    if (min === 0) min = col;
    max = col;
    cells += cellXml(`${column(col)}${rowNo}`, v, styles[i]!, registry);
  }
  if (cells === '' && height === undefined) return '';
  const ht = height === undefined ? '' : ` ht="${height}" customHeight="1"`;
  const spans = min > 0 ? ` spans="${min}:${max}"` : '';
  const open = `<row r="${rowNo}"${ht}${spans} x14ac:dyDescent="0.25"`;
  return cells === '' ? `${open}/>` : `${open}>${cells}</row>`;
}
