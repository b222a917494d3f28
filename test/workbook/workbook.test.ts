// The workbook read back by two independent readers: exceljs (cached values, formulas, styles,
// views) and LibreOffice (which recalculates every formula itself). Totals must equal the engine's
// integer cents exactly, and LibreOffice's results must equal the cached ones.
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdministrationResult } from '../../src/shared/reconcile';
import { AGE_BUCKETS } from '../../src/shared/reconcile';
import { EURO_FORMAT } from '../../src/main/workbook/cells';
import { writeWorkbook } from '../../src/main/workbook/writeWorkbook';
import { RF_ROW } from '../../src/main/workbook/sheets/rollforward';
import { fixtureInput, FIXTURE_TOKEN, FIXTURE_TOKEN_DATA } from './fixtures';
import { cents, libreOfficeSheets, unzipText } from './readers';

let dir: string;
let nlFile: string;
let enFile: string;
let probeFile: string;
let nl: ExcelJS.Workbook;
let en: ExcelJS.Workbook;
let lo: Map<string, Map<string, string[][]>>;
const input = fixtureInput();
const [rich, bare] = input.results as [AdministrationResult, AdministrationResult];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kp-wb-'));
  nlFile = join(dir, 'nl.xlsx');
  enFile = join(dir, 'en.xlsx');
  probeFile = join(dir, 'probe.xlsx');
  await writeWorkbook(input, nlFile, { lang: 'nl' });
  await writeWorkbook(input, enFile, { lang: 'en' });
  // A deliberately wrong cached result: proves LibreOffice recalculates rather than echoing ours.
  const probe = new ExcelJS.Workbook();
  probe.addWorksheet('p').getCell('A1').value = { formula: '1+1', result: 5 };
  await probe.xlsx.writeFile(probeFile);
  nl = await new ExcelJS.Workbook().xlsx.readFile(nlFile);
  en = await new ExcelJS.Workbook().xlsx.readFile(enFile);
  lo = await libreOfficeSheets([nlFile, enFile, probeFile]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; have ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

function loSheet(file: string, name: string): string[][] {
  const s = lo.get(file)?.get(name);
  if (!s) throw new Error(`LibreOffice gave no sheet ${name}; have ${[...(lo.get(file)?.keys() ?? [])].join(', ')}`);
  return s;
}

/**
 * The cached result of a formula cell, or the value of a plain one. exceljs's reader drops a cached
 * result of 0 (`<v>0</v>`), so a missing one reads as 0 here; the raw-XML test below proves every
 * formula does carry its <v>.
 */
function valueOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v && typeof v === 'object' && 'formula' in v) return v.result ?? 0;
  return v;
}

function formulaOf(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value;
  return v && typeof v === 'object' && 'formula' in v ? v.formula : undefined;
}

describe('sheets and labels', () => {
  it('has the sheets in order, in Dutch and in English', () => {
    expect(nl.worksheets.map((w) => w.name)).toEqual([
      'Leadsheet', 'Verloop Moss Balance', 'Open 1-2030', 'Open 1-16000', 'Open 1-16001', 'Open 2-2030',
      'Afletteringen', 'Signaleringen', 'Audittrail', 'Synchronisatie',
    ]);
    expect(en.worksheets.map((w) => w.name)).toEqual([
      'Summary', 'Rollforward Moss Balance', 'Open 1-2030', 'Open 1-16000', 'Open 1-16001', 'Open 2-2030',
      'Matched groups', 'Flags', 'Audit trail', 'Sync info',
    ]);
    expect(sheet(nl, 'Leadsheet').getCell('F1').value).toBe('Saldo AFAS');
    expect(sheet(en, 'Summary').getCell('F1').value).toBe('AFAS balance');
    expect(sheet(en, 'Summary').getCell('J1').value).toBe('Unexplained difference');
  });

  it('freezes header rows, filters, sizes columns and highlights non-zero differences', () => {
    const s = sheet(nl, 'Leadsheet');
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(String(s.autoFilter)).toBe('A1:Q7');
    expect(s.getColumn(5).width).toBeGreaterThan(20);
    // Not in exceljs's typings, but read back from the file.
    type Cf = { ref: string; rules: { type: string; formulae: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[] };
    const cfs = (s as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
    expect(cfs.map((c) => c.ref)).toEqual(expect.arrayContaining(['H2:H7', 'J2:J7']));
    const rule = cfs.find((c) => c.ref === 'H2:H7')?.rules[0];
    expect(rule?.formulae).toEqual(['ROUND(H2,2)<>0']);
    expect(rule?.style?.fill?.bgColor?.argb).toBe('FFFFC7CE'); // the highlight made it into styles.xml
    const open = sheet(nl, 'Open 1-2030');
    expect(open.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // (K: why an item is expected to be open, e.g. payroll tax not yet due)
    expect(String(open.autoFilter)).toBe('A1:K6');
    expect(String(sheet(nl, 'Afletteringen').autoFilter)).toBe('A1:M8');
  });

  it('stores money as euro numbers with a euro format and dates as real dates', () => {
    const s = sheet(nl, 'Leadsheet');
    expect(s.getCell('F3').numFmt).toBe(EURO_FORMAT);
    expect(typeof s.getCell('F3').value).toBe('number');
    const open = sheet(nl, 'Open 1-2030');
    const date = open.getCell('B2');
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString()).toBe('2025-03-30T00:00:00.000Z');
    expect(date.numFmt).toBe('dd-mm-yyyy');
    // Sign-off at 2025-04-04T15:45Z is 17:45 in Amsterdam (summer time).
    const reviewed = s.getCell('Q4');
    expect((reviewed.value as Date).toISOString()).toBe('2025-04-04T17:45:00.000Z');
    expect(reviewed.numFmt).toBe('dd-mm-yyyy hh:mm');
  });

  it('keeps text that looks like a formula as text', () => {
    const cell = sheet(nl, 'Open 1-2030').getCell('D6');
    expect(cell.value).toBe('=HYPERLINK("http://example.invalid","klik")');
    expect(formulaOf(cell)).toBeUndefined();
    expect(loSheet(nlFile, 'Open 1-2030')[5]?.[3]).toBe('=HYPERLINK("http://example.invalid","klik")');
  });
});

describe('totals equal the engine to the cent', () => {
  it('leadsheet: balance, expected, difference, reconciling items, unexplained', () => {
    const s = sheet(nl, 'Leadsheet');
    const rows = loSheet(nlFile, 'Leadsheet');
    const accounts = input.results.flatMap((r) => r.accounts);
    accounts.forEach((a, i) => {
      const r = i + 2;
      const openTotal = a.openItems.reduce((t, it) => t + it.line.amount, 0);
      const want = { F: a.closing, G: a.expected, H: a.difference, I: openTotal, J: a.difference - openTotal };
      for (const [col, c] of Object.entries(want)) {
        expect(cents(valueOf(s.getCell(`${col}${r}`))), `${col}${r} cached`).toBe(c);
        const idx = col.charCodeAt(0) - 65;
        expect(cents(rows[r - 1]?.[idx]), `${col}${r} LibreOffice`).toBe(c);
      }
      expect(s.getCell(`D${r}`).value).toBe(a.account);
    });
    expect(formulaOf(s.getCell('H3'))).toBe('F3-G3');
    expect(formulaOf(s.getCell('I3'))).toBe("'Open 1-2030'!F7");
    expect(formulaOf(s.getCell('J3'))).toBe('H3-I3');
    // Moss Balance has no open-items sheet: its reconciling items are a plain 0.
    expect(valueOf(s.getCell('I2'))).toBe(0);
  });

  it('open items: each amount, the SUM total and the aging per bucket', () => {
    const cit = rich.accounts.find((a) => a.account === '2030')!;
    const ws = sheet(nl, 'Open 1-2030');
    const rows = loSheet(nlFile, 'Open 1-2030');
    cit.openItems.forEach((item, i) => {
      expect(ws.getCell(`A${i + 2}`).value).toBe(item.line.key);
      expect(cents(rows[i + 1]?.[5])).toBe(item.line.amount);
      expect(rows[i + 1]?.[6]).toBe(String(item.ageDays));
      expect(rows[i + 1]?.[7]).toBe(item.bucket);
    });
    const total = cit.openItems.reduce((t, it) => t + it.line.amount, 0);
    expect(total).toBe(123456788);
    expect(formulaOf(ws.getCell('F7'))).toBe('SUM(F2:F6)');
    expect(cents(rows[6]?.[5])).toBe(total);
    AGE_BUCKETS.forEach((bucket, i) => {
      const r = 9 + i;
      expect(rows[r - 1]?.[7]).toBe(bucket);
      expect(cents(rows[r - 1]?.[5]), bucket).toBe(cit.agingTotals[bucket]);
    });
    // The reference column joins invoice and voucher numbers; the flags are in words.
    expect(rows[4]?.[4]).toBe('F-2025-0042 / B104');
    expect(rows[3]?.[8]).toBe('Te lang open, Tegenboeking ontbreekt');
    // Real dates: LibreOffice prints them with its date format, not the ISO text we were given.
    expect(rows[1]?.[1]).toBe('03/30/2025');
  });

  it('an account without open items still has a valid total of zero', () => {
    const rows = loSheet(nlFile, 'Open 2-2030');
    expect(rows[2]?.[0]).toBe('Totaal');
    expect(cents(rows[2]?.[5])).toBe(0);
  });

  it('rollforward: closing recomputed by SUM, tied to AFAS, difference with the wallet', () => {
    const ws = sheet(nl, 'Verloop Moss Balance');
    const rows = loSheet(nlFile, 'Verloop Moss Balance');
    const at = (row: number, col: number) => cents(rows[row - 1]?.[col]);
    const rf = rich.rollforward;
    expect(at(RF_ROW.opening, 1)).toBe(rf.opening);
    expect(at(RF_ROW.spend, 1)).toBe(-rf.spend); // the engine's positive spend shown as it moves the balance
    expect(at(RF_ROW.closing, 1)).toBe(rf.closing);
    expect(formulaOf(ws.getCell(`B${RF_ROW.closing}`))).toBe('SUM(B2:B6)');
    expect(at(RF_ROW.check, 1)).toBe(0);
    expect(at(RF_ROW.wallet, 1)).toBe(rf.wallet);
    expect(at(RF_ROW.difference, 1)).toBe(rf.difference);
    expect(rows[RF_ROW.causes - 1]?.[1]).toBe('Uitgave niet geëxporteerd\nDubbele export');
    // Administration 2: no wallet entered, so no difference to show.
    expect(at(RF_ROW.closing, 2)).toBe(bare.rollforward.closing);
    expect(rows[RF_ROW.wallet - 1]?.[2]).toBe('Wallet-saldo niet ingevoerd');
    expect(rows[RF_ROW.difference - 1]?.[2]).toBe('');
  });

  it('matched groups: one row per line, amounts sum to the stated differences', () => {
    const rows = loSheet(enFile, 'Matched groups');
    const lineCount = rich.matches.reduce((n, g) => n + g.lines.length, 0);
    expect(rows.length).toBe(1 + lineCount + 1);
    const total = rows[lineCount + 1]!;
    expect(total[0]).toBe('Total');
    const differences = rich.matches.reduce((t, g) => t + g.difference, 0);
    expect(cents(total[8])).toBe(differences);
    expect(cents(total[9])).toBe(differences);
    expect(rows[3]).toEqual(expect.arrayContaining(['m-2', 'amount-difference', '1/50/303/1', '100.05', '0.05', 'Bankkosten € 0,05']));
    expect(rows[5]?.[10]).toBe('Line amount changed'); // stale: why, in the chosen language
  });

  it('every formula LibreOffice recalculates equals the cached result', () => {
    const probe = loSheet(probeFile, 'p');
    expect(probe[0]?.[0]).toBe('2'); // recalculation is on (cached was 5)
    let formulas = 0;
    for (const [file, wb] of [[nlFile, nl], [enFile, en]] as const) {
      for (const ws of wb.worksheets) {
        const rows = loSheet(file, ws.name);
        ws.eachRow((row, r) =>
          row.eachCell((cell, c) => {
            if (formulaOf(cell) === undefined) return;
            formulas++;
            expect(cents(rows[r - 1]?.[c - 1]), `${ws.name}!${cell.address}`).toBe(cents(valueOf(cell)));
          }),
        );
      }
    }
    expect(formulas).toBeGreaterThan(40);
  });
});

describe('the raw xlsx', () => {
  it('caches a result with every formula, so readers that do not calculate show values', async () => {
    const parts = await unzipText(nlFile);
    let formulas = 0;
    for (const [name, xml] of parts) {
      if (!name.includes('worksheets/sheet')) continue;
      for (const cell of xml.match(/<c [^>]*>(?:(?!<\/c>).)*<\/c>/g) ?? []) {
        if (!cell.includes('<f>')) continue;
        formulas++;
        expect(cell, name).toMatch(/<f>[^<]+<\/f><v>-?[\d.E+-]+<\/v>/);
      }
    }
    expect(formulas).toBeGreaterThan(20);
  });
});

describe('what must never be in the file', () => {
  it('has no token anywhere in the unzipped xlsx', async () => {
    for (const file of [nlFile, enFile]) {
      const parts = await unzipText(file);
      expect(parts.size).toBeGreaterThan(10);
      for (const [name, text] of parts) {
        expect(text.includes(FIXTURE_TOKEN_DATA), name).toBe(false);
        expect(text.includes(FIXTURE_TOKEN), name).toBe(false);
      }
    }
    // It was there to leak: in an open item's note and in an audit detail.
    expect(JSON.stringify(input).includes(FIXTURE_TOKEN_DATA)).toBe(true);
    expect(loSheet(nlFile, 'Audittrail')[3]?.[6]).toBe('token replaced [token verwijderd / token removed]');
  });

  it('sync info shows the environment, administrations, counts and version', () => {
    const rows = loSheet(enFile, 'Sync info');
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Environment', '12345 (productie)'],
        ['Administration', '1 – Voorbeeld B.V.'],
        ['Administration', '2'],
        ['Synced at', '04/02/2025 08:00:00'],
        ['Row count: Profit_Transactions_Allocated', '1234'],
        ['Kruispost version', '0.1.0'],
      ]),
    );
  });
});
