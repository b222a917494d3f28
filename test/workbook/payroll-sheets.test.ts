// The workbook of an administration that runs Moss and Nmbrs: the payroll roles in the leadsheet,
// their open-items sheets with the items expected open (not yet due) apart from the reconciling
// items, which are all the reconciling-items sheet lists; once those are categorised nothing is
// unexplained. Read back by exceljs (cached values) and LibreOffice (recalculated).
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileWithAutoMatch } from '../../src/main/reconcile';
import type { AdministrationResult, StoredCategorisation } from '../../src/shared/reconcile';
import { input, PROFILE } from '../reconcile/fixtures';
import { NMBRS, Payroll, PENSION, TAX } from '../reconcile/payroll-fixtures';
import { cellValue, writtenWorkbooks } from './read-back';
import { cents } from './readers';

let dir: string;
let wb: ExcelJS.Workbook;
let lo: Map<string, string[][]>;
let result: AdministrationResult;
/** The leadsheet's column headers are on row 9, under the title block; accounts from row 10. */
const HEAD = 9;

beforeAll(async () => {
  const b = new Payroll();
  b.topUp('2025-04-10', '2025-04-08', 500_000);
  const march = b.run('2025-03-25', [250_000, 125_000], { tax: 90_000, pension: 20_000 });
  b.batch('2025-03-24', march.total);
  b.taxPayment('2025-04-18', 89_950); // rounded: a suggestion, still open
  b.taxPayment('2025-04-15', 20_000, '1111222233334444', PENSION);
  const april = b.run('2025-04-25', [251_000, 126_000], { tax: 91_000, pension: 20_500 });
  b.batch('2025-04-24', april.total);
  const at = { config: { unitId: 1, name: 'Loon B.V.', moss: PROFILE, nmbrs: { ...NMBRS, bankAccounts: ['1100'] } }, period: { year: 2025, month: 4 }, today: '2025-05-02' };
  // The controller explains what is open on payroll tax besides April's own credits (March's credit
  // and its rounded payment): timing, the rounding to be booked.
  const first = reconcileWithAutoMatch(input(b.lines, at)).result;
  const rest = first.accounts.find((a) => a.account === TAX)!.openItems.filter((o) => o.reason === undefined);
  const categories: StoredCategorisation[] = rest.map((o) => ({
    unitId: 1,
    lineKey: o.line.key,
    category: 'to-book',
    reason: 'Afronding aangifte maart',
    correction: null,
    by: 'Anna de Vries',
    at: '2025-05-02T09:00:00Z',
  }));
  result = reconcileWithAutoMatch(input(b.lines, { ...at, categories })).result;
  dir = await mkdtemp(join(tmpdir(), 'kp-wb-pay-'));
  ({ wb, lo } = (await writtenWorkbooks(dir, [result], { company: 'Loon B.V.', generatedAt: '2025-05-02T10:00:00Z' }))[0]!);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('workbook with payroll roles', () => {
  it('the leadsheet has a row per role in the engine’s order, the payroll roles in words', () => {
    const rows = lo.get('Leadsheet')!;
    expect(rows.slice(HEAD, HEAD + 6).map((r) => [r[2], r[1]])).toEqual([
      ['Moss Balance', PROFILE.balanceAccount],
      ['Kruisposten', PROFILE.cashInTransitAccount],
      ['Moss standaardcrediteur', PROFILE.defaultSupplier],
      ['Te betalen nettolonen', NMBRS.netWagesAccount],
      ['Af te dragen loonheffing', TAX],
      ['Af te dragen pensioenpremies', PENSION],
    ]);
  });

  it('payroll tax: expected = April’s credits; the categorised rest explains the difference; nothing unexplained (cached and recalculated)', () => {
    const tax = result.accounts.find((a) => a.account === TAX)!;
    expect(tax.expected).toBe(-91_000);
    expect(tax.difference).toBe(-50);
    expect(tax.categorised).toBe(-50);
    expect(tax.unexplained).toBe(0);
    const s = wb.getWorksheet('Leadsheet')!;
    const r = result.accounts.indexOf(tax) + HEAD + 1;
    const rows = lo.get('Leadsheet')!;
    const want = { E: tax.closing, F: tax.expected, G: tax.difference, H: -50, I: 0 };
    for (const [col, c] of Object.entries(want)) {
      expect(cents(cellValue(s.getCell(`${col}${r}`))), `${col}${r}`).toBe(c);
      expect(cents(rows[r - 1]?.[col.charCodeAt(0) - 65]), `${col}${r} LibreOffice`).toBe(c);
    }
    const open = lo.get(`Open 1-${TAX}`)!;
    // Three open items: March's credit and its rounded payment, April's credit (not yet due).
    expect(open.slice(1, 4).map((row) => [row[11] ?? '', cents(row[5])])).toEqual([
      ['', -90_000],
      ['', 89_950],
      ['Nog niet verschuldigd (verwacht)', -91_000],
    ]);
    const label = (t: string) => open.find((row) => row[0] === t);
    expect(cents(label('Totaal')?.[5])).toBe(-91_050);
    expect(cents(label('Waarvan nog niet verschuldigd (verwacht)')?.[5])).toBe(-91_000);
    expect(cents(label('Aansluitposten')?.[5])).toBe(-50);
  });

  it('the reconciling items are the rest only: April’s credit (expected) is not one of them', () => {
    const items = lo.get('Aansluitposten')!;
    const onTax = items.filter((row) => row[1] === TAX);
    expect(onTax.map((row) => cents(row[7])).sort((a, b) => a - b)).toEqual([-90_000, 89_950]);
    expect(onTax.every((row) => row[2] === 'Kosten of afronding: te boeken')).toBe(true);
  });

  it('net wages (expected 0) keeps the plain total, no expected rows', () => {
    const sheet = wb.getWorksheet(`Open 1-${NMBRS.netWagesAccount}`);
    const net = result.accounts.find((a) => a.account === NMBRS.netWagesAccount)!;
    if (net.openItems.length === 0) {
      // Nothing open: no sheet of its own, the leadsheet line says it all.
      expect(sheet).toBeUndefined();
      return;
    }
    const rows = lo.get(`Open 1-${NMBRS.netWagesAccount}`)!;
    expect(rows.some((row) => row[0] === 'Aansluitposten' || row[0] === 'Waarvan nog niet verschuldigd (verwacht)')).toBe(false);
    expect(sheet!.getCell(`A${net.openItems.length + 2}`).value).toBe('Totaal');
  });
});
