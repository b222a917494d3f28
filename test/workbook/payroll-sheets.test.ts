// The workbook of an administration that runs Moss and Nmbrs: the payroll roles in the leadsheet,
// their open-items sheets with the items expected open (not yet due) apart from the reconciling
// items, so the unexplained difference is zero when everything else is explained; read back by
// exceljs (cached values) and LibreOffice (recalculated).
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileWithAutoMatch } from '../../src/main/reconcile';
import { writeWorkbook } from '../../src/main/workbook/writeWorkbook';
import type { AdministrationResult } from '../../src/shared/reconcile';
import { input, PROFILE } from '../reconcile/fixtures';
import { NMBRS, Payroll, PENSION, TAX } from '../reconcile/payroll-fixtures';
import { cents, libreOfficeSheets } from './readers';

let dir: string;
let file: string;
let wb: ExcelJS.Workbook;
let lo: Map<string, string[][]>;
let result: AdministrationResult;

beforeAll(async () => {
  const b = new Payroll();
  b.topUp('2025-04-10', '2025-04-08', 500_000);
  const march = b.run('2025-03-25', [250_000, 125_000], { tax: 90_000, pension: 20_000 });
  b.batch('2025-03-24', march.total);
  b.taxPayment('2025-04-18', 89_950); // rounded: a suggestion, still open
  b.taxPayment('2025-04-15', 20_000, '1111222233334444', PENSION);
  const april = b.run('2025-04-25', [251_000, 126_000], { tax: 91_000, pension: 20_500 });
  b.batch('2025-04-24', april.total);
  result = reconcileWithAutoMatch(input(b.lines, { config: { unitId: 1, name: 'Loon B.V.', moss: PROFILE, nmbrs: { ...NMBRS, bankAccounts: ['1100'] } }, period: { year: 2025, month: 4 }, today: '2025-05-02' })).result;
  dir = await mkdtemp(join(tmpdir(), 'kp-wb-pay-'));
  file = join(dir, 'nl.xlsx');
  await writeWorkbook({ results: [result], audit: [], sync: { environment: '12345', syncedAt: null, rowCounts: {}, administrations: [{ unitId: 1, name: 'Loon B.V.' }] }, generatedAt: '2025-05-02T10:00:00Z', appVersion: '0.1.0' }, file, { lang: 'nl' });
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

describe('workbook with payroll roles', () => {
  it('the leadsheet has a row per role in the engine’s order, the payroll roles in words', () => {
    const rows = lo.get('Leadsheet')!;
    expect(rows.slice(1, 7).map((r) => [r[2], r[3]])).toEqual([
      ['Moss Balance', PROFILE.balanceAccount],
      ['Kruisposten', PROFILE.cashInTransitAccount],
      ['Moss standaardcrediteur', PROFILE.defaultSupplier],
      ['Te betalen nettolonen', NMBRS.netWagesAccount],
      ['Af te dragen loonheffing', TAX],
      ['Af te dragen pensioenpremies', PENSION],
    ]);
  });

  it('payroll tax: expected = April’s credits; reconciling items = the rest; nothing unexplained (cached and recalculated)', () => {
    const tax = result.accounts.find((a) => a.account === TAX)!;
    expect(tax.expected).toBe(-91_000);
    expect(tax.difference).toBe(-50);
    const s = wb.getWorksheet('Leadsheet')!;
    const r = result.accounts.indexOf(tax) + 2;
    const rows = lo.get('Leadsheet')!;
    const want = { F: tax.closing, G: tax.expected, H: tax.difference, I: -50, J: 0 };
    for (const [col, c] of Object.entries(want)) {
      expect(cents(valueOf(s.getCell(`${col}${r}`))), `${col}${r}`).toBe(c);
      expect(cents(rows[r - 1]?.[col.charCodeAt(0) - 65]), `${col}${r} LibreOffice`).toBe(c);
    }
    const open = lo.get(`Open 1-${TAX}`)!;
    // Three open items: March's credit and its rounded payment, April's credit (not yet due).
    expect(open.slice(1, 4).map((row) => [row[10] ?? '', cents(row[5])])).toEqual([
      ['', -90_000],
      ['', 89_950],
      ['Nog niet verschuldigd (verwacht)', -91_000],
    ]);
    const label = (t: string) => open.find((row) => row[0] === t);
    expect(cents(label('Totaal')?.[5])).toBe(-91_050);
    expect(cents(label('Waarvan nog niet verschuldigd (verwacht)')?.[5])).toBe(-91_000);
    expect(cents(label('Aansluitposten')?.[5])).toBe(-50);
  });

  it('net wages (expected 0) keeps the plain total the leadsheet links to', () => {
    const sheet = wb.getWorksheet(`Open 1-${NMBRS.netWagesAccount}`)!;
    const rows = lo.get(`Open 1-${NMBRS.netWagesAccount}`)!;
    expect(rows.some((row) => row[0] === 'Aansluitposten')).toBe(false);
    const s = wb.getWorksheet('Leadsheet')!;
    const r = result.accounts.findIndex((a) => a.account === NMBRS.netWagesAccount) + 2;
    const v = s.getCell(`I${r}`).value as { formula: string };
    expect(v.formula).toBe(`'Open 1-${NMBRS.netWagesAccount}'!F3`);
    expect(sheet.getCell('A3').value).toBe('Totaal');
  });
});
