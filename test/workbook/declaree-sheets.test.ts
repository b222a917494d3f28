// The workbook of an administration with employee creditors: one open-items sheet for all of them
// with the creditor as a column, the reports within their payment cycle apart from the reconciling
// items; a leadsheet row per creditor whose categorised items sum its own rows of the
// reconciling-items sheet (SUMIFS), so once the unpaid report is categorised nothing is
// unexplained, and a creditor with nothing categorised keeps its difference unexplained. Read back
// by exceljs (cached values) and LibreOffice (recalculated).
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileWithAutoMatch } from '../../src/main/reconcile';
import { lineLabel } from '../../src/shared/audit-words';
import type { AdministrationResult, StoredCategorisation } from '../../src/shared/reconcile';
import { input } from '../reconcile/fixtures';
import { Claims, DECLAREE_CONFIG, E1, E2, E3, PIT } from '../reconcile/declaree-fixtures';
import { cellValue, writtenWorkbooks } from './read-back';
import { cents } from './readers';

let dir: string;
let wb: ExcelJS.Workbook;
let lo: Map<string, string[][]>;
let result: AdministrationResult;
const SHEET = 'Open 1-medewerkers';
/** The leadsheet's column headers are on row 9, under the title block; accounts from row 10. */
const HEAD = 9;

beforeAll(async () => {
  const b = new Claims();
  const paid = b.report(E1, '2025-03-03', 4_000, 'R-1');
  b.transfer(E1, '2025-03-07', 4_000, 'Declaratie R-1');
  b.report(E1, '2025-03-25', 1_500, 'R-2'); // within the cycle: expected open
  const unpaid = b.report(E2, '2025-03-04', 2_250, 'R-3'); // unpaid past the cycle: reconciling
  b.report(E2, '2025-03-28', 700, 'R-4'); // within the cycle
  b.report(E3, '2025-03-05', 9_999, 'R-5');
  const o = b.order('2025-03-10', [{ creditor: E3, amount: 9_999, number: 'R-5' }]);
  b.orderDebit('2025-03-11', o.total, 'BTO-1', 1);
  // The controller explains the unpaid report: the reimbursement is on its way.
  const categories: StoredCategorisation[] = [
    { unitId: 1, lineKey: unpaid.key, category: 'timing', reason: 'Vergoeding in de betaalrun van april', correction: null, by: 'Anna de Vries', at: '2025-04-02T09:00:00Z' },
  ];
  result = reconcileWithAutoMatch(input(b.lines, { config: DECLAREE_CONFIG, period: { year: 2025, month: 3 }, today: '2025-04-02', categories })).result;
  expect(paid.invoiceId).toBe('R-1');
  dir = await mkdtemp(join(tmpdir(), 'kp-wb-dec-'));
  ({ wb, lo } = (await writtenWorkbooks(dir, [result], { company: 'Demo BV', generatedAt: '2025-04-02T10:00:00Z' }))[0]!);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('workbook with employee creditors', () => {
  it('has one open-items sheet for the employee creditors with open items, the creditor as a column; none per creditor', () => {
    // Payments in transit has nothing open (the order's debit cleared it): no sheet of its own.
    expect(result.accounts.find((a) => a.account === PIT)!.openItems).toHaveLength(0);
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith('Open 1-'))).toEqual([SHEET]);
    const rows = lo.get(SHEET)!;
    expect(rows[0]!.slice(0, 3)).toEqual(['Crediteur', 'Naam', 'Boeking']);
    const items = rows.slice(1).filter((r) => /^\d{6}$/.test(r[0] ?? ''));
    const want = result.accounts.filter((a) => a.role === 'employeeCreditor').flatMap((a) => a.openItems.map((o) => [a.account, lineLabel(o.line.key), o.line.amount]));
    expect(items.map((r) => [r[0], r[2], cents(r[7])])).toEqual(want);
    expect(want.map((w) => w[0])).toEqual([E1, E2, E2]);
    // The unpaid report carries its category; the reports within the cycle say why they are open.
    expect(items.map((r) => [r[10] ?? '', r[13] ?? ''])).toEqual([
      ['', 'Nog niet verschuldigd (verwacht)'],
      ['Tijdsverschil: tegenboeking verwacht: Vergoeding in de betaalrun van april', ''],
      ['', 'Nog niet verschuldigd (verwacht)'],
    ]);
    const label = (t: string) => rows.find((row) => row[0] === t);
    expect(cents(label('Totaal')?.[7])).toBe(-(1_500 + 2_250 + 700));
    expect(cents(label('Waarvan nog niet verschuldigd (verwacht)')?.[7])).toBe(-(1_500 + 700));
    expect(cents(label('Aansluitposten')?.[7])).toBe(-2_250);
  });

  it('each creditor’s leadsheet row: expected = its reports in the cycle, categorised = its own items, nothing unexplained (cached and recalculated)', () => {
    const s = wb.getWorksheet('Leadsheet')!;
    const rows = lo.get('Leadsheet')!;
    for (const a of result.accounts.filter((x) => x.role === 'employeeCreditor')) {
      const r = result.accounts.indexOf(a) + HEAD + 1;
      expect(rows[r - 1]?.[1]).toBe(a.account);
      expect(rows[r - 1]?.[2]).toBe('Medewerkercrediteur (declaraties)');
      const reconciling = a.openItems.filter((o) => o.reason === undefined).reduce((t, o) => t + o.line.amount, 0);
      expect(a.categorised).toBe(reconciling);
      const want = { E: a.closing, F: a.expected, G: a.difference, H: reconciling, I: 0 };
      for (const [col, c] of Object.entries(want)) {
        expect(cents(cellValue(s.getCell(`${col}${r}`))), `${a.account} ${col}`).toBe(c);
        expect(cents(rows[r - 1]?.[col.charCodeAt(0) - 65]), `${a.account} ${col} LibreOffice`).toBe(c);
      }
    }
    const e2 = result.accounts.find((a) => a.account === E2)!;
    expect(e2.expected).toBe(-700);
    expect(e2.difference).toBe(-2_250);
    expect(e2.unexplained).toBe(0);
  });

  it('the reconciling-items sheet lists the unpaid report on its own creditor; the reports within the cycle are not items', () => {
    const items = lo.get('Aansluitposten')!;
    const onCreditors = items.filter((row) => [E1, E2, E3].includes(row[1] ?? ''));
    expect(onCreditors.map((row) => [row[1], row[2], cents(row[7])])).toEqual([[E2, 'Tijdsverschil: tegenboeking verwacht', -2_250]]);
  });
});
