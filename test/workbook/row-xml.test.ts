// Rows rendered by row-xml.ts are the bytes exceljs writes for the same rows: random tables (texts
// with entities, control characters, line breaks and edge spaces; negative and fractional numbers;
// dates and date-times; formulas; empty cells, empty rows, heights, several styles) are written
// once through exceljs's Row/Cell objects and once directly, and every part of the two files
// (the sheet's XML, the styles part, the rest) must be equal.
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STYLE } from '../../src/main/workbook/cells';
import { closeTable, openTable, pace, putRow, type CellStyle, type CellValue, type Column } from '../../src/main/workbook/table';
import { unzipText } from './readers';

const dir = mkdtempSync(join(tmpdir(), 'kp-row-xml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COLUMNS: Column[] = [
  { header: { nl: 'Adm.', en: 'Adm.' }, width: 6, style: STYLE.unit },
  { header: { nl: 'Tekst', en: 'Text' }, width: 20, style: STYLE.wrap },
  { header: { nl: 'Datum', en: 'Date' }, width: 11, style: STYLE.date },
  { header: { nl: 'Bedrag', en: 'Amount' }, width: 14, style: STYLE.euro },
  { header: { nl: 'Op', en: 'At' }, width: 15, style: STYLE.dateTime },
  { header: { nl: 'Vrij', en: 'Free' }, width: 10 },
];

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('AH to go 1234 "A&B" <x>', "it's", ' lead', 'trail ', 'two\nlines', '\ttab', 'nul\u0000bell\u0007del\u007f', 'MOSI 248344/3', 'Café – € 12,50', ''),
);
const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  text,
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => ({ formula: `SUM(D2:D${Math.abs(c) + 2})`, result: c / 100 })),
  fc.constant({ formula: "'It''s'!A1<>0" }),
);
const style: fc.Arbitrary<CellStyle | undefined> = fc.constantFrom(undefined, STYLE.bold, STYLE.euroBold, STYLE.wrap, STYLE.subtotal, STYLE.integer);
const row = fc.record({
  values: fc.array(value, { minLength: 0, maxLength: COLUMNS.length }),
  styles: fc.option(fc.array(style, { maxLength: COLUMNS.length }), { nil: undefined }),
  height: fc.option(fc.integer({ min: 10, max: 90 }), { nil: undefined }),
});

let n = 0;
interface Row {
  values: CellValue[];
  styles: (CellStyle | undefined)[] | undefined;
  height: number | undefined;
}

async function write(rows: Row[], direct: boolean): Promise<Map<string, string>> {
  const file = join(dir, `${n++}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const table = openTable(wb, 'Rows', COLUMNS, 'nl', { freezeCols: 1, direct });
  for (const r of rows) {
    putRow(table, r.values, r.styles, r.height);
    await pace(table);
  }
  closeTable(table, { autoFilterTo: table.next - 1 });
  await wb.commit();
  return unzipText(file);
}

describe('rows rendered directly', () => {
  it('are the bytes exceljs writes for the same rows, styles part included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 0, maxLength: 120 }), async (rows) => {
        const exceljs = await write(rows, false);
        const direct = await write(rows, true);
        expect([...direct.keys()]).toEqual([...exceljs.keys()]);
        for (const [part, xml] of exceljs) expect(direct.get(part), part).toBe(xml);
      }),
      { numRuns: 60 },
    );
  });
});
