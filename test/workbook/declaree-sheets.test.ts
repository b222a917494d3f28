// The workbook of an administration with employee creditors: one open-items sheet for all of them
// with the creditor as a column, the reports within their payment cycle apart from the reconciling
// items, and a leadsheet row per creditor that sums its own rows there (SUMIFS) so the unexplained
// difference is zero; read back by exceljs (cached values) and LibreOffice (recalculated).
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileWithAutoMatch } from '../../src/main/reconcile';
import { writeWorkbook } from '../../src/main/workbook/writeWorkbook';
import type { AdministrationResult } from '../../src/shared/reconcile';
import { input } from '../reconcile/fixtures';
import { Claims, DECLAREE_CONFIG, E1, E2, E3, PIT } from '../reconcile/declaree-fixtures';
import { cents, libreOfficeSheets } from './readers';

let dir: string;
let file: string;
let wb: ExcelJS.Workbook;
let lo: Map<string, string[][]>;
let result: AdministrationResult;
const SHEET = 'Open 1-medewerkers';

beforeAll(async () => {
  const b = new Claims();
  const paid = b.report(E1, '2025-03-03', 4_000, 'R-1');
  b.transfer(E1, '2025-03-07', 4_000, 'Declaratie R-1');
  b.report(E1, '2025-03-25', 1_500, 'R-2'); // within the cycle: expected open
  b.report(E2, '2025-03-04', 2_250, 'R-3'); // unpaid past the cycle: reconciling
  b.report(E2, '2025-03-28', 700, 'R-4'); // within the cycle
  b.report(E3, '2025-03-05', 9_999, 'R-5');
  const o = b.order('2025-03-10', [{ creditor: E3, amount: 9_999, number: 'R-5' }]);
  b.orderDebit('2025-03-11', o.total, 'BTO-1', 1);
  result = reconcileWithAutoMatch(input(b.lines, { config: DECLAREE_CONFIG, period: { year: 2025, month: 3 }, today: '2025-04-02' })).result;
  expect(paid.invoiceId).toBe('R-1');
  dir = await mkdtemp(join(tmpdir(), 'kp-wb-dec-'));
  file = join(dir, 'nl.xlsx');
  await writeWorkbook({ results: [result], audit: [], sync: { environment: '12345', syncedAt: null, rowCounts: {}, administrations: [{ unitId: 1, name: 'Demo BV' }] }, generatedAt: '2025-04-02T10:00:00Z', appVersion: '0.1.0' }, file, { lang: 'nl' });
  wb = await new ExcelJS.Workbook().xlsx.readFile(file);
  lo = (await libreOfficeSheets([file])).get(file)!;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const valueOf = (cell: ExcelJS.Cell): unknown => {
  const v = cell.value;
  return v && typeof v === 'object' && 'formula' in v ? (v.result ?? 0) : v;
};

describe('workbook with employee creditors', () => {
  it('has one open-items sheet for all employee creditors, the creditor as a column; none per creditor', () => {
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith('Open 1-'))).toEqual([`Open 1-${PIT}`, SHEET]);
    const rows = lo.get(SHEET)!;
    expect(rows[0]!.slice(0, 3)).toEqual(['Crediteur', 'Naam', 'Regelsleutel']);
    const items = rows.slice(1).filter((r) => /^\d{6}$/.test(r[0] ?? ''));
    const want = result.accounts.filter((a) => a.role === 'employeeCreditor').flatMap((a) => a.openItems.map((o) => [a.account, o.line.key, o.line.amount]));
    expect(items.map((r) => [r[0], r[2], cents(r[7])])).toEqual(want);
    expect(want.map((w) => w[0])).toEqual([E1, E2, E2]);
    const label = (t: string) => rows.find((row) => row[0] === t);
    expect(cents(label('Totaal')?.[7])).toBe(-(1_500 + 2_250 + 700));
    expect(cents(label('Waarvan nog niet verschuldigd (verwacht)')?.[7])).toBe(-(1_500 + 700));
    expect(cents(label('Aansluitposten')?.[7])).toBe(-2_250);
  });

  it('each creditor’s leadsheet row: expected = its reports in the cycle, reconciling items = its other rows, nothing unexplained', () => {
    const s = wb.getWorksheet('Leadsheet')!;
    const rows = lo.get('Leadsheet')!;
    for (const a of result.accounts.filter((x) => x.role === 'employeeCreditor')) {
      const r = result.accounts.indexOf(a) + 2;
      expect(rows[r - 1]?.[2]).toBe('Medewerkercrediteur (declaraties)');
      const reconciling = a.openItems.filter((o) => o.reason === undefined).reduce((t, o) => t + o.line.amount, 0);
      const want = { F: a.closing, G: a.expected, H: a.difference, I: reconciling, J: 0 };
      for (const [col, c] of Object.entries(want)) {
        expect(cents(valueOf(s.getCell(`${col}${r}`))), `${a.account} ${col}`).toBe(c);
        expect(cents(rows[r - 1]?.[col.charCodeAt(0) - 65]), `${a.account} ${col} LibreOffice`).toBe(c);
      }
    }
    const e2 = result.accounts.find((a) => a.account === E2)!;
    expect(e2.expected).toBe(-700);
    expect(e2.difference).toBe(-2_250);
  });
});
