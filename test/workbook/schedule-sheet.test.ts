// The workbook of a transitory account (Spend Cloud): a schedule sheet per account with a row per
// voucher — booked, released per period, released through the period, balance, still to release,
// remainder — as live formulas; the leadsheet's expected links to the schedule's expected balance
// and each open voucher is a reconciling item at its remainder, summed by the leadsheet once it is
// categorised (then nothing is unexplained). Read back by exceljs (cached values) and by
// LibreOffice (recalculated).
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileAdministration } from '../../src/main/reconcile';
import type { AdministrationResult } from '../../src/shared/reconcile';
import { input } from '../reconcile/fixtures';
import { Invoices, SPENDCLOUD_CONFIG, TRANS } from '../reconcile/transitory-fixtures';
import { cellValue, writtenWorkbooks, type ReadBack } from './read-back';
import { cents } from './readers';

let dir: string;
let wb: ExcelJS.Workbook;
let lo: Map<string, string[][]>;
let result: AdministrationResult;
let explained: AdministrationResult;
let wbExplained: ExcelJS.Workbook;
let loExplained: Map<string, string[][]>;
/** The leadsheet's column headers are on row 9, under the title block; accounts from row 10. */
const HEAD = 9;
let vouchers: { fine: string; missing: string; orphan: string };
const SHEET = `Schema 1-${TRANS}`;

beforeAll(async () => {
  const b = new Invoices();
  b.invoice('2024-12-10', 30_000, 3); // released before March: not in the schedule
  const fine = b.invoice('2025-01-15', 120_000, 12);
  const missing = b.booking('2025-02-03', 60_000);
  for (const m of ['02', '03', '05', '06', '07']) b.release(missing.voucherNo, `2025-${m}-01`, 10_000); // April missing
  const orphan = b.release('99999', '2025-03-20', 2_500);
  vouchers = { fine: fine.voucherNo, missing: missing.voucherNo, orphan: '99999' };
  void orphan;
  result = reconcileAdministration(input(b.lines, { config: SPENDCLOUD_CONFIG, period: { year: 2025, month: 3 }, today: '2025-04-05' }));
  dir = await mkdtemp(join(tmpdir(), 'kp-wb-sc-'));
  // The same month with a line of each open voucher categorised (one on the booking, one on the orphan release).
  const line = (no: string) => result.accounts[0]!.openItems.find((o) => o.voucherNo === no)!.line.key;
  const cat = (no: string, category: 'to-book' | 'investigating', at: string) => ({ unitId: 1, lineKey: line(no), category, reason: `boekstuk ${no}`, correction: null, by: 'Anna de Vries', at });
  explained = reconcileAdministration(
    input(b.lines, { config: SPENDCLOUD_CONFIG, period: { year: 2025, month: 3 }, today: '2025-04-05', categories: [cat(vouchers.missing, 'to-book', '2025-04-05T09:00:00Z'), cat(vouchers.orphan, 'investigating', '2025-04-05T09:01:00Z')] }),
  );
  [{ wb, lo }, { wb: wbExplained, lo: loExplained }] = (await writtenWorkbooks(dir, [result, explained], { company: 'Demo BV', generatedAt: '2025-04-05T10:00:00Z' })) as [ReadBack, ReadBack];
}, 240_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('transitory schedule sheet', () => {
  it('has a row per voucher on the account, a column per month from the first line to the last release', () => {
    const rows = lo.get(SHEET)!;
    const header = rows[0]!;
    expect(header.slice(0, 5)).toEqual(['Boekstuk', 'Factuur', 'Omschrijving', 'Geboekt op', 'Geboekt (t/m periode)']);
    expect(header[5]).toBe('01-2025');
    expect(header[5 + 11]).toBe('12-2025');
    expect(header.slice(17, 21)).toEqual(['Vrijgevallen t/m 03-2025', 'Saldo einde 03-2025', 'Nog vrij te vallen na 03-2025', 'Rest (niet vrijgevallen)']);
    expect(rows.slice(1, 4).map((r) => r[0])).toEqual([vouchers.fine, vouchers.missing, vouchers.orphan]);
  });

  it('per voucher: booked, released per period and through the period, balance, still to release, remainder (recalculated)', () => {
    const rows = lo.get(SHEET)!;
    const row = (v: string) => rows.find((r) => r[0] === v)!;
    const fine = row(vouchers.fine);
    expect([4, 5, 6, 7, 8, 17, 18, 19, 20].map((i) => cents(fine[i]))).toEqual([120_000, -10_000, -10_000, -10_000, -10_000, -30_000, 90_000, -90_000, 0]);
    const missing = row(vouchers.missing);
    expect(cents(missing[8])).toBe(0); // April: no release
    expect([17, 18, 19, 20].map((i) => cents(missing[i]))).toEqual([-20_000, 40_000, -30_000, 10_000]);
    expect(missing[21]).toBe('Niet volledig vrijgevallen');
    const orphan = row(vouchers.orphan);
    expect([4, 18, 20].map((i) => cents(orphan[i]))).toEqual([0, -2_500, -2_500]);
    expect(orphan[21]).toBe('Vrijval zonder boeking');
    // Live formulas, not numbers.
    const s = wb.getWorksheet(SHEET)!;
    expect((s.getCell('R2').value as { formula: string }).formula).toBe('SUM(F2:H2)');
    expect((s.getCell('T2').value as { formula: string }).formula).toBe('SUM(I2:Q2)');
  });

  it('totals: the balance equals AFAS’s, the expected balance is minus what is still to release', () => {
    const a = result.accounts.find((x) => x.account === TRANS)!;
    const rows = lo.get(SHEET)!;
    const at = (t: string) => rows.find((r) => r[0] === t)!;
    expect(cents(at('Totaal')[18])).toBe(a.closing);
    expect(cents(at('Totaal')[20])).toBe(a.difference);
    expect(cents(at('Verwacht saldo (minus nog vrij te vallen)')[4])).toBe(a.expected);
    expect(cents(at('Controle (saldo schema − AFAS)')[4])).toBe(0);
  });

  it('the leadsheet row ties to the schedule: expected linked; the open vouchers are reconciling items, unexplained until categorised', () => {
    const a = result.accounts.find((x) => x.account === TRANS)!;
    expect(a.difference).toBe(10_000 - 2_500);
    const s = wb.getWorksheet('Leadsheet')!;
    const r = HEAD + 1;
    expect(s.getCell(`B${r}`).value).toBe(TRANS);
    expect(s.getCell(`C${r}`).value).toBe('Transitoria (nog vrij te vallen)');
    expect((s.getCell(`F${r}`).value as { formula: string }).formula).toBe(`'${SHEET}'!E${result.accounts[0]!.vouchers!.length + 3}`);
    const rows = lo.get('Leadsheet')!;
    // Nothing categorised yet: the whole difference (the two remainders) is unexplained.
    const want = { E: a.closing, F: a.expected, G: a.difference, H: 0, I: a.difference };
    for (const [col, c] of Object.entries(want)) {
      expect(cents(cellValue(s.getCell(`${col}${r}`))), `${col}${r}`).toBe(c);
      expect(cents(rows[r - 1]?.[col.charCodeAt(0) - 65]), `${col}${r} LibreOffice`).toBe(c);
    }
    // One reconciling item per open voucher, at its remainder.
    expect(a.reconcilingItems!.map((i) => [i.kind, i.voucherNo, i.amount])).toEqual([
      ['voucher', vouchers.missing, 10_000],
      ['voucher', vouchers.orphan, -2_500],
    ]);
    // The open-items sheet lists the open vouchers' lines with why they are open.
    const open = lo.get(`Open 1-${TRANS}`)!;
    expect(open.slice(1, 5).map((x) => x[11])).toEqual(['Boekstuk niet volledig vrijgevallen', 'Boekstuk niet volledig vrijgevallen', 'Boekstuk niet volledig vrijgevallen', 'Vrijval zonder boeking']);
  });

  it('categorising a line of each open voucher explains its remainder: the leadsheet sums them from the reconciling items, nothing unexplained', () => {
    const a = explained.accounts.find((x) => x.account === TRANS)!;
    expect(a.categorised).toBe(a.difference);
    expect(a.unexplained).toBe(0);
    const s = wbExplained.getWorksheet('Leadsheet')!;
    const rows = loExplained.get('Leadsheet')!;
    const r = HEAD + 1;
    const want = { E: a.closing, F: a.expected, G: a.difference, H: a.difference, I: 0 };
    for (const [col, c] of Object.entries(want)) {
      expect(cents(cellValue(s.getCell(`${col}${r}`))), `${col}${r}`).toBe(c);
      expect(cents(rows[r - 1]?.[col.charCodeAt(0) - 65]), `${col}${r} LibreOffice`).toBe(c);
    }
    const items = loExplained.get('Aansluitposten')!;
    const voucherRows = items.filter((x) => x[3] === 'Boekstuk niet vrijgevallen');
    expect(voucherRows.map((x) => [x[2], cents(x[7])])).toEqual([
      ['Kosten of afronding: te boeken', 10_000],
      ['In onderzoek', -2_500],
    ]);
  });
});
