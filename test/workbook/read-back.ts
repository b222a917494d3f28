// Workbooks of engine results, written as the product writes them and read back both ways: by
// exceljs (the cached values) and by LibreOffice (recalculated), for the sheet tests.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { writeWorkbook } from '../../src/main/workbook/writeWorkbook';
import type { AdministrationResult } from '../../src/shared/reconcile';
import { libreOfficeSheets } from './readers';

export interface ReadBack {
  file: string;
  wb: ExcelJS.Workbook;
  /** Sheet name → rows of cell texts, after LibreOffice recalculated. */
  lo: Map<string, string[][]>;
}

/**
 * Each result as a Dutch workbook of its own in `dir` (files `<name>-<i>.xlsx`) of administration 1
 * named `company`, read back (one LibreOffice run for all).
 */
export async function writtenWorkbooks(dir: string, results: readonly AdministrationResult[], o: { company: string; generatedAt: string }): Promise<ReadBack[]> {
  const sync = { environment: { number: '12345', type: 'production' as const }, syncedAt: null, rowCounts: {}, administrations: [{ unitId: 1, name: o.company }] };
  const files = results.map((_, i) => join(dir, `nl-${i}.xlsx`));
  for (const [i, result] of results.entries()) await writeWorkbook({ results: [result], audit: [], sync, generatedAt: o.generatedAt, appVersion: '0.1.0' }, files[i]!, { lang: 'nl' });
  const lo = await libreOfficeSheets(files);
  return Promise.all(files.map(async (file) => ({ file, wb: await new ExcelJS.Workbook().xlsx.readFile(file), lo: lo.get(file)! })));
}

/**
 * The cached result of a formula cell, or the value of a plain one. exceljs's reader drops a cached
 * result of 0 (`<v>0</v>`), so a missing one reads as 0 here; workbook.test.ts's raw-XML test
 * proves every formula does carry its <v>.
 */
export function cellValue(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v && typeof v === 'object' && 'formula' in v) return v.result ?? 0;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return v;
}
