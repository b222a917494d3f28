// The workbook read back by two independent readers: exceljs (cached values, formulas, styles,
// views) and LibreOffice (which recalculates every formula itself, and prints it to PDF). Totals
// must equal the engine's integer cents exactly, LibreOffice's results the cached ones, and the
// printed pack must read as a review pack: A4 landscape, a one-page leadsheet, every page with
// its header row, page header and page numbers.
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdministrationResult } from '../../src/shared/reconcile';
import { AGE_BUCKETS } from '../../src/shared/reconcile';
import { EURO_FORMAT } from '../../src/main/workbook/cells';
import * as LABELS from '../../src/main/workbook/labels';
import { writeWorkbook } from '../../src/main/workbook/writeWorkbook';
import { RF_ROW } from '../../src/main/workbook/sheets/rollforward';
import { fixtureInput, FIXTURE_TOKEN, FIXTURE_TOKEN_DATA } from './fixtures';
import { cents, libreOfficePdf, libreOfficeSheets, unzipText, type PrintedPdf } from './readers';
import { cellValue } from './read-back';

let dir: string;
let nlFile: string;
let enFile: string;
let probeFile: string;
let nl: ExcelJS.Workbook;
let en: ExcelJS.Workbook;
let lo: Map<string, Map<string, string[][]>>;
let pdf: Map<string, PrintedPdf>;
const input = fixtureInput();
const [rich, bare] = input.results as [AdministrationResult, AdministrationResult];
/** The leadsheet's column headers are on row 9, under the title block; accounts from row 10. */
const HEAD = 9;

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
  pdf = await libreOfficePdf([nlFile, enFile], dir);
}, 240_000);

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

function formulaOf(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value;
  return v && typeof v === 'object' && 'formula' in v ? v.formula : undefined;
}

/** Every text cell of a workbook. */
function texts(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => {
    const v = cellValue(c);
    if (typeof v === 'string') out.push(v);
  }));
  return out;
}

describe('sheets and labels', () => {
  it('has the review pack in order; accounts that clear with nothing open get no sheet', () => {
    expect(nl.worksheets.map((w) => w.name)).toEqual([
      'Leadsheet', 'Verloop per rekening', 'Aansluitposten', 'Verloop Moss Balance', 'Open 1-2030', 'Open 1-16001',
      'Afletteringen', 'Signaleringen', 'Audittrail', 'Synchronisatie',
    ]);
    expect(en.worksheets.map((w) => w.name)).toEqual([
      'Summary', 'Rollforward per account', 'Reconciling items', 'Rollforward Moss Balance', 'Open 1-2030', 'Open 1-16001',
      'Matched groups', 'Flags', 'Audit trail', 'Sync info',
    ]);
    // 16000 (clears, nothing open) and administration 2's 2030 are one leadsheet line each.
    const accounts = loSheet(nlFile, 'Leadsheet').slice(HEAD).map((r) => `${r[0]}-${r[1]}`);
    expect(accounts).toEqual(['1-1100', '1-2030', '1-16000', '1-16001', '2-1100', '2-2030']);
  });

  it('opens with a title block: company, administration, period, who prepared and reviewed and when, generated at, version', () => {
    const title = loSheet(nlFile, 'Leadsheet').slice(0, HEAD - 1).map((r) => r[0]);
    expect(title).toEqual([
      'Aansluiting tussenrekeningen',
      'Bedrijf: Voorbeeld B.V., —',
      'Administratie: 1 – Voorbeeld B.V., 2 · AFAS-omgeving 12345 (productie)',
      'Periode: 03-2025',
      // Amsterdam time: 09:00Z in April is 11:00.
      'Opgesteld door: Anna de Vries (03-04-2025 11:00); 1 van 6 rekeningen',
      'Beoordeeld door: Bram Jansen (04-04-2025 17:45); 1 van 6 rekeningen',
      'Gemaakt op: 05-04-2025 12:00 · Versie Kruispost 0.1.0',
      'Rekeningen die aansluiten zonder open posten staan alleen hier: er is niets om toe te lichten.',
    ]);
    const enTitle = loSheet(enFile, 'Summary').slice(0, HEAD - 1).map((r) => r[0]);
    expect(enTitle[2]).toBe('Administration: 1 – Voorbeeld B.V., 2 · AFAS environment 12345 (production)');
    expect(enTitle[4]).toBe('Prepared by: Anna de Vries (03-04-2025 11:00); 1 of 6 accounts');
  });

  it('freezes header rows, filters, sizes columns and highlights non-zero differences', () => {
    const s = sheet(nl, 'Leadsheet');
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: HEAD, xSplit: 2 });
    expect(String(s.autoFilter)).toBe(`A${HEAD}:L15`);
    expect(s.getCell(`E${HEAD}`).value).toBe('Saldo AFAS');
    expect(sheet(en, 'Summary').getCell(`I${HEAD}`).value).toBe('Unexplained difference');
    // The header row is tall enough for its wrapped labels: they never run over the first account.
    expect(s.getRow(HEAD).height).toBeGreaterThanOrEqual(30);
    type Cf = { ref: string; rules: { type: string; formulae: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[] };
    const cfs = (s as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
    expect(cfs.map((c) => c.ref)).toEqual(expect.arrayContaining(['G10:G15', 'I10:I15']));
    expect(cfs.find((c) => c.ref === 'I10:I15')?.rules[0]?.style?.fill?.bgColor?.argb).toBe('FFFFC7CE');
    // (L: why an item is expected to be open, e.g. payroll tax not yet due)
    expect(String(sheet(nl, 'Open 1-2030').autoFilter)).toBe('A1:L6');
    expect(String(sheet(nl, 'Afletteringen').autoFilter)).toBe('A1:M8');
  });

  it('stores money as euro numbers with a euro format and dates as real dates', () => {
    const s = sheet(nl, 'Leadsheet');
    expect(s.getCell('E11').numFmt).toBe(EURO_FORMAT);
    expect(typeof s.getCell('E11').value).toBe('number');
    const date = sheet(nl, 'Open 1-2030').getCell('B2');
    expect((date.value as Date).toISOString()).toBe('2025-03-30T00:00:00.000Z');
    expect(date.numFmt).toBe('dd-mm-yyyy');
  });

  it('keeps text that looks like a formula as text', () => {
    const cell = sheet(nl, 'Open 1-2030').getCell('D6');
    expect(cell.value).toBe('=HYPERLINK("http://example.invalid","klik")');
    expect(formulaOf(cell)).toBeUndefined();
    expect(loSheet(nlFile, 'Open 1-2030')[5]?.[3]).toBe('=HYPERLINK("http://example.invalid","klik")');
  });

  it('uses Dutch labels everywhere in the Dutch workbook, English ones in the English', () => {
    // Every label the workbook module knows, by language (where the two differ).
    const nlOnly = new Set<string>();
    const enOnly = new Set<string>();
    const walk = (v: unknown) => {
      if (!v || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      if (typeof o.nl === 'string' && typeof o.en === 'string') {
        if (o.nl !== o.en) {
          nlOnly.add(o.nl);
          enOnly.add(o.en);
        }
        return;
      }
      for (const x of Object.values(o)) walk(x);
    };
    walk(LABELS);
    const nlTexts = texts(nl);
    const enTexts = texts(en);
    expect(nlTexts.filter((t) => enOnly.has(t))).toEqual([]);
    expect(enTexts.filter((t) => nlOnly.has(t))).toEqual([]);
    expect(nlTexts.join('\n')).not.toContain('(production)');
    expect(enTexts.join('\n')).not.toContain('(productie)');
    // Method labels and categories in words, never the engine's codes.
    for (const code of ['cit-exact', 'amount-difference', 'cit-subset', 'to-book', 'match.confirm', 'match.auto']) {
      expect(nlTexts.some((t) => t === code || t.includes(`"${code}"`)), code).toBe(false);
    }
  });
});

describe('totals equal the engine to the cent', () => {
  it('leadsheet: balance, expected, difference, categorised items, unexplained (LibreOffice recalculated)', () => {
    const s = sheet(nl, 'Leadsheet');
    const rows = loSheet(nlFile, 'Leadsheet');
    const cit = rich.accounts.find((a) => a.account === '2030')!;
    const r = 11;
    const want = { E: cit.closing, F: 0, G: cit.closing, H: 15, I: cit.closing - 15 };
    for (const [col, c] of Object.entries(want)) {
      expect(cents(cellValue(s.getCell(`${col}${r}`))), `${col}${r} cached`).toBe(c);
      expect(cents(rows[r - 1]?.[col.charCodeAt(0) - 65]), `${col}${r} LibreOffice`).toBe(c);
    }
    expect(formulaOf(s.getCell('G11'))).toBe('E11-F11');
    expect(formulaOf(s.getCell('H11'))).toBe(`SUMIFS('Aansluitposten'!$H:$H,'Aansluitposten'!$A:$A,1,'Aansluitposten'!$B:$B,"2030",'Aansluitposten'!$C:$C,"<>Zonder categorie")`);
    expect(formulaOf(s.getCell('I11'))).toBe('G11-H11');
    // The wallet is not entered for administration 2: no difference is made up.
    expect(rows[13]?.slice(4, 10)).toEqual(['-0.01', 'niet ingevoerd', '', '0', '', 'Extern saldo (wallet) niet ingevoerd']);
    // The sign-off stands next to the status, never instead of it.
    expect(rows[11]?.[9]).toBe('Sluit aan');
    expect(rows[11]?.[11]).toBe('Opgesteld: Anna de Vries, 03-04-2025 11:00\nBeoordeeld: Bram Jansen, 04-04-2025 17:45');
  });

  it('rollforward per account: opening + debits − credits = closing, expected, categorised, unexplained', () => {
    const ws = sheet(nl, 'Verloop per rekening');
    const rows = loSheet(nlFile, 'Verloop per rekening');
    input.results.flatMap((r) => r.accounts).forEach((a, i) => {
      const row = rows[i + 1]!;
      expect(cents(row[3])).toBe(a.opening);
      expect(cents(row[4])).toBe(a.debit);
      expect(cents(row[5])).toBe(a.credit);
      expect(cents(row[6]), a.account).toBe(a.closing);
    });
    expect(formulaOf(ws.getCell('G2'))).toBe('D2+E2-F2');
    expect(formulaOf(ws.getCell('J3'))).toBe('G3-H3-I3');
    const cit = rich.accounts.find((a) => a.account === '2030')!;
    expect(cents(rows[2]?.[8])).toBe(15);
    expect(cents(rows[2]?.[9])).toBe(cit.closing - 15);
    expect(rows[5]?.[7]).toBe('niet ingevoerd');
  });

  it('reconciling items by category: reasons, the proposed correction entry, subtotals', () => {
    const rows = loSheet(nlFile, 'Aansluitposten');
    expect(rows[0]).toEqual(['Adm.', 'Rekening', 'Categorie', 'Soort', 'Boeking(en)', 'Boekdatum', 'Omschrijving', 'Bedrag', 'Reden', 'Voorgestelde correctieboeking', 'Door', 'Op']);
    expect(rows[1]).toEqual(['1', '2030', 'Tijdsverschil: tegenboeking verwacht', 'Open post', '50 101/1', '03/30/2025', 'Boeking 101', '0.1', 'Moss boekt op 01-04', '', 'Anna de Vries', '04/02/2025 11:00:00']);
    expect(rows[2]?.slice(2, 8)).toEqual(['Subtotaal: Tijdsverschil: tegenboeking verwacht', '', '', '', '', '0.1']);
    expect(rows[3]?.slice(2, 10)).toEqual(['Kosten of afronding: te boeken', 'Verschil in aflettering', '50 303/1, 20 304/1', '03/14/2025', 'Boeking 303 / Boeking 304', '0.05', 'Bankkosten € 0,05', 'debet 4610 € 0,05 / credit 2030 € 0,05']);
    const uncategorised = rows.filter((r) => r[2] === 'Zonder categorie');
    expect(uncategorised).toHaveLength(5);
    const total = rows.find((r) => r[2] === 'Totaal')!;
    const all = input.results.flatMap((r) => r.accounts).flatMap((a) => a.reconcilingItems ?? a.openItems.map((o) => ({ amount: o.line.amount })));
    expect(cents(total[7])).toBe(all.reduce((s, i) => s + i.amount, 0));
  });

  it('open items: each amount, its category, the SUM total and the aging per bucket', () => {
    const cit = rich.accounts.find((a) => a.account === '2030')!;
    const ws = sheet(nl, 'Open 1-2030');
    const rows = loSheet(nlFile, 'Open 1-2030');
    cit.openItems.forEach((item, i) => {
      expect(ws.getCell(`A${i + 2}`).value).toBe(`${item.line.journalId} ${item.line.entryNo}/${item.line.seqNo}`);
      expect(cents(rows[i + 1]?.[5])).toBe(item.line.amount);
      expect(rows[i + 1]?.[6]).toBe(String(item.ageDays));
      expect(rows[i + 1]?.[7]).toBe(item.bucket);
    });
    expect(rows[1]?.[8]).toBe('Tijdsverschil: tegenboeking verwacht: Moss boekt op 01-04');
    const total = cit.openItems.reduce((t, it) => t + it.line.amount, 0);
    expect(formulaOf(ws.getCell('F7'))).toBe('SUM(F2:F6)');
    expect(cents(rows[6]?.[5])).toBe(total);
    AGE_BUCKETS.forEach((bucket, i) => {
      const r = 9 + i;
      expect(rows[r - 1]?.[7]).toBe(bucket);
      expect(cents(rows[r - 1]?.[5]), bucket).toBe(cit.agingTotals[bucket]);
    });
    expect(rows[4]?.[4]).toBe('F-2025-0042 / B104');
    expect(rows[3]?.[9]).toBe('Te lang open, Tegenboeking ontbreekt');
  });

  it('Moss Balance tie-out: closing recomputed by SUM, tied to AFAS, difference with the wallet, every cause on its own line', () => {
    const ws = sheet(nl, 'Verloop Moss Balance');
    const rows = loSheet(nlFile, 'Verloop Moss Balance');
    const at = (row: number, col: number) => cents(rows[row - 1]?.[col]);
    const rf = rich.rollforward;
    expect(at(RF_ROW.opening, 1)).toBe(rf.opening);
    expect(at(RF_ROW.spend, 1)).toBe(-rf.spend);
    expect(at(RF_ROW.closing, 1)).toBe(rf.closing);
    expect(formulaOf(ws.getCell(`B${RF_ROW.closing}`))).toBe('SUM(B2:B6)');
    expect(at(RF_ROW.check, 1)).toBe(0);
    expect(at(RF_ROW.wallet, 1)).toBe(rf.wallet);
    expect(at(RF_ROW.difference, 1)).toBe(rf.difference);
    expect(rows[RF_ROW.causes - 1]?.[1]).toBe('Uitgave niet geëxporteerd\nDubbele export');
    // Two causes, two lines: the row is tall enough to print both (not cut to one line).
    expect(ws.getRow(RF_ROW.causes).height).toBeGreaterThanOrEqual(30);
    expect(at(RF_ROW.closing, 2)).toBe(bare.rollforward.closing);
    expect(rows[RF_ROW.wallet - 1]?.[2]).toBe('Wallet-saldo niet ingevoerd');
  });

  it('matched groups: confirmed and invalidated ones, not suggestions; methods in words; amounts sum to the differences', () => {
    const rows = loSheet(enFile, 'Matched groups');
    const shown = rich.matches.filter((g) => g.status !== 'suggested');
    const lineCount = shown.reduce((n, g) => n + g.lines.length, 0);
    expect(rows.length).toBe(1 + lineCount + 1);
    const total = rows[lineCount + 1]!;
    expect(total[2]).toBe('Total');
    const differences = shown.reduce((t, g) => t + g.difference, 0);
    expect(cents(total[7])).toBe(differences);
    expect(cents(total[8])).toBe(differences);
    expect(rows[3]).toEqual(['1', '2030', 'Matched', 'amount with a small difference', '50 303/1', '03/14/2025', 'Boeking 303', '100.05', '0.05', 'Fee or rounding: to book', 'Bankkosten € 0,05', 'Anna de Vries', '04/03/2025 01:30:00']);
    expect(rows[1]?.[3]).toBe('amount + date');
    expect(rows[5]?.[2]).toBe('No longer valid (line changed)');
    expect(rows[5]?.[10]).toBe('Line amount changed');
    expect(rows.some((r) => r.includes('sugg-1'))).toBe(false);
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
            expect(cents(rows[r - 1]?.[c - 1]), `${ws.name}!${cell.address}`).toBe(cents(cellValue(cell)));
          }),
        );
      }
    }
    expect(formulas).toBeGreaterThan(60);
  });
});

describe('the audit sheet in words', () => {
  it('says who did what to which lines, amounts in euros; the engine is "Kruispost (automatisch)"', () => {
    const rows = loSheet(nlFile, 'Audittrail');
    expect(rows[0]).toEqual(['Nr', 'Tijdstip', 'Door', 'Wat er gebeurde', 'Adm.', 'Rekening', 'Reden']);
    expect(rows[1]?.slice(2, 4)).toEqual(['Kruispost (automatisch)', 'Letterde automatisch 1 groep af op 2030 (bedrag + datum: 1).']);
    expect(rows[2]?.slice(2, 4)).toEqual([
      'Anna de Vries',
      'Letterde 2 regels af op 2030 op bedrag met klein verschil: 50 303/1 (€ 100,05) en 20 304/1 (€ -100,00); verschil € 0,05 (Kosten of afronding: te boeken; correctieboeking debet 4610 € 0,05 / credit 2030 € 0,05).',
    ]);
    expect(rows[4]?.[3]).toBe('Vulde het walletsaldo in op 1100 voor 2025-03: € 5.468,00.');
    const enRows = loSheet(enFile, 'Audit trail');
    expect(enRows[2]?.[3]).toContain('Matched 2 lines on 2030 by amount with a small difference: 50 303/1 (€100.05) and 20 304/1 (-€100.00)');
    // No JSON, no cents.
    expect(rows.slice(1).map((r) => r[3]).join('\n')).not.toMatch(/[{}]|"lines"|10005/);
  });
});

describe('the printed review pack (LibreOffice to PDF)', () => {
  it('prints A4 landscape; the leadsheet on exactly one page; the whole pack on a handful of pages', () => {
    for (const [file, first] of [[nlFile, 'Leadsheet'], [enFile, 'Summary']] as const) {
      const p = pdf.get(file)!;
      expect(p.size.width).toBeGreaterThan(p.size.height);
      expect(Math.round(p.size.width)).toBe(842); // A4: 842 × 595 points
      const pages = p.text.filter((t) => t.split('\n')[0]!.includes(first));
      expect(pages, first).toHaveLength(1);
      expect(pages[0]).toContain(file === nlFile ? 'Aansluiting tussenrekeningen' : 'Clearing account reconciliation');
      // One page per sheet here: ten sheets, nothing spilling over sideways.
      expect(p.pages).toBe(10);
    }
  });

  it('every page: the page header (company, sheet, period), its table header row, and "page n of m"', () => {
    for (const [file, word, sheets] of [[nlFile, 'Pagina', nl], [enFile, 'Page', en]] as const) {
      const p = pdf.get(file)!;
      p.text.forEach((t, i) => {
        const lines = t.split('\n').filter((l) => l.trim());
        expect(lines[0], `page ${i + 1}`).toMatch(/Voorbeeld B\.V\..*03-2025/);
        expect(t, `page ${i + 1}`).toContain(`${word} ${i + 1} ${word === 'Pagina' ? 'van' : 'of'} ${p.pages}`);
      });
      // The header row's first and last label on each sheet's page: nothing cut off at the right.
      for (const ws of sheets.worksheets) {
        const page = p.text.find((t) => t.split('\n')[0]!.includes(ws.name))!;
        expect(page, ws.name).toBeDefined();
        const head = ws.name === sheets.worksheets[0]!.name ? HEAD : 1;
        const row = ws.getRow(head);
        const labels = (row.values as unknown[]).filter((v): v is string => typeof v === 'string');
        expect(page.replace(/\s+/g, ' '), `${ws.name}: ${labels.at(-1)}`).toContain(labels.at(-1)!.split(' ')[0]!);
      }
    }
  });

  it('defines a print area and repeated header rows for every sheet', async () => {
    const xml = (await unzipText(nlFile)).get('xl/workbook.xml')!.replace(/&apos;/g, "'");
    const names = [...xml.matchAll(/<definedName name="(_xlnm\.Print_(?:Area|Titles))" localSheetId="(\d+)">([^<]+)<\/definedName>/g)].map((m) => [m[1], Number(m[2]), m[3]]);
    for (let i = 0; i < nl.worksheets.length; i++) {
      expect(names.some(([n, id]) => n === '_xlnm.Print_Area' && id === i), `area ${i}`).toBe(true);
      expect(names.some(([n, id]) => n === '_xlnm.Print_Titles' && id === i), `titles ${i}`).toBe(true);
    }
    expect(names).toContainEqual(['_xlnm.Print_Titles', 0, `'Leadsheet'!$${HEAD}:$${HEAD}`]);
    expect(names).toContainEqual(['_xlnm.Print_Area', 0, `'Leadsheet'!$A$1:$L$15`]);
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
    expect(loSheet(nlFile, 'Audittrail')[3]?.[3]).toBe('settings.token: token replaced [token verwijderd / token removed]');
  });

  it('sync info shows the environment in the workbook’s language, administrations, counts and version', () => {
    const rows = loSheet(enFile, 'Sync info');
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Environment', '12345 (production)'],
        ['Administration', '1 – Voorbeeld B.V.'],
        ['Administration', '2'],
        ['Synced at', '04/02/2025 08:00:00'],
        ['Row count: Profit_Transactions_Allocated', '1234'],
        ['Kruispost version', '0.1.0'],
      ]),
    );
    expect(loSheet(nlFile, 'Synchronisatie')).toContainEqual(['Omgeving', '12345 (productie)']);
  });
});
