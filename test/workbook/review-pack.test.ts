// The demo month's workbook as a reviewer gets it, exported by the orchestrator after a real sync
// and printed to PDF by LibreOffice: a handful of pages (it was 252), a one-page leadsheet, every
// page with its header row and "page n of m", the fee as a categorised item with its correction
// entry, suggestions not among the matches, the audit trail in words.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureDemo, startDemoServer, type DemoServer } from '../../src/main/app/demo-server';
import { createMonthEnd, type MonthEndService } from '../../src/main/app/month-end';
import { memorySecretStore } from '../../src/main/secrets/memory';
import { openDatabase, type Db } from '../../src/main/store/database';
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { cents, libreOfficePdf, libreOfficeSheets, type PrintedPdf } from './readers';

const JUNE = { year: 2025, month: 6 };
let dir: string;
let db: Db;
let me: MonthEndService;
let demo: DemoServer;
let pdf: Map<string, PrintedPdf>;
let sheets: Map<string, Map<string, string[][]>>;
let nlFile: string;
let enFile: string;
let closing20990 = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kruispost-pack-'));
  db = openDatabase(join(dir, 'kruispost.sqlite'));
  me = createMonthEnd({ db, secrets: memorySecretStore(), dataDir: dir, clock: () => new Date('2025-07-03T09:00:00Z') });
  demo = await startDemoServer();
  await configureDemo(me, demo);
  me.startSync(JUNE);
  await me.waitForSync();
  const fee = demo.dataset.truth.units[0]!.periods['2025-06']!.openLines.filter((o) => o.reason === 'fee-difference').map((o) => o.key);
  const r = me.confirmMatch(1, '20990', fee, 35, 'Bankkosten ING', 'Anna de Vries', { category: 'to-book', counterAccount: '4610' });
  closing20990 = r.accounts.find((a) => a.account === '20990')!.closing;
  nlFile = join(dir, 'pack-nl.xlsx');
  enFile = join(dir, 'pack-en.xlsx');
  await me.exportWorkbook(1, JUNE, nlFile, 'nl');
  await me.exportWorkbook(1, JUNE, enFile, 'en');
  pdf = await libreOfficePdf([nlFile, enFile], dir);
  sheets = await libreOfficeSheets([nlFile, enFile]);
}, 300_000);

afterAll(async () => {
  await me.close();
  await demo?.fake.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sheet name each printed page belongs to: the page header's centre. */
const sheetOfPage = (text: string) => text.split('\n')[0]!.trim().split(/\s{2,}/)[1] ?? '';

describe('the demo month printed', () => {
  it('fits a reviewer’s desk: a one-page leadsheet and a few dozen pages at most, A4 landscape', () => {
    for (const [file, lead] of [[nlFile, 'Leadsheet'], [enFile, 'Summary']] as const) {
      const p = pdf.get(file)!;
      expect(p.size.width).toBeGreaterThan(p.size.height);
      // The demo's administration 1 runs Moss, Nmbrs, Declaree and Spend Cloud: three payroll accounts
      // with a page each, payments in transit and one sheet for all employee creditors, the transitory
      // account's open lines and its schedule, and their matches (40 pages in Dutch, 41 in English for June).
      expect(p.pages).toBeLessThanOrEqual(42);
      expect(p.text.filter((t) => sheetOfPage(t) === lead)).toHaveLength(1);
      p.text.forEach((t, i) => expect(t, `page ${i + 1}`).toMatch(new RegExp(`(Pagina|Page) ${i + 1} (van|of) ${p.pages}`)));
    }
  });

  it('keeps pictures of the printed leadsheet and a page of matches for the reviewer to look at', async () => {
    // .artifacts/screenshots/18-30-…: the PDF pages as images (poppler's pdftoppm).
    const out = resolve('.artifacts/screenshots');
    mkdirSync(out, { recursive: true });
    for (const [file, lang] of [[nlFile, 'nl'], [enFile, 'en']] as const) {
      const p = pdf.get(file)!;
      const matches = p.text.findIndex((t) => /Afletteringen|Matched groups/.test(sheetOfPage(t))) + 1;
      await promisify(execFile)('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', p.path, join(out, `18-30-review-pack-leadsheet-${lang}`)]);
      await promisify(execFile)('pdftoppm', ['-r', '80', '-png', '-f', String(matches), '-l', String(matches), '-singlefile', p.path, join(out, `18-31-review-pack-matches-${lang}`)]);
    }
  });

  it('repeats the header row on every page of a long sheet, and nothing is cut off at the right', async () => {
    const p = pdf.get(nlFile)!;
    const matched = p.text.filter((t) => sheetOfPage(t) === 'Afletteringen');
    expect(matched.length).toBeGreaterThan(3);
    for (const t of matched) {
      expect(t).toMatch(/Adm\.\s+Rekening\s+Status\s+Methode/);
      expect(t).toContain('Afgeletterd op');
    }
  });

  it('the fee is a categorised reconciling item with its correction entry; unexplained = closing − expected − categorised', () => {
    const items = sheets.get(nlFile)!.get('Aansluitposten')!;
    const fee = items.find((r) => r[8] === 'Bankkosten ING')!;
    expect(fee.slice(1, 4)).toEqual(['20990', 'Kosten of afronding: te boeken', 'Verschil in aflettering']);
    expect(cents(fee[7])).toBe(35);
    expect(fee[9]).toBe('debet 4610 € 0,35 / credit 20990 € 0,35');
    const lead = sheets.get(nlFile)!.get('Leadsheet')!;
    const row = lead.find((r) => r[1] === '20990')!;
    expect(cents(row[7])).toBe(35);
    expect(cents(row[8])).toBe(closing20990 - 35);
    // Moss Balance without the wallet balance: nothing made up.
    expect(lead.find((r) => r[1] === '11050')?.[5]).toBe('niet ingevoerd');
  });

  it('lists matches, not suggestions; methods and the engine in words; the audit in sentences', async () => {
    const wb = await new ExcelJS.Workbook().xlsx.readFile(nlFile);
    const matches = sheets.get(nlFile)!.get('Afletteringen')!;
    expect(new Set(matches.slice(1, -1).map((r) => r[2]))).toEqual(new Set(['Afgeletterd']));
    expect(matches.some((r) => r[3] === 'bedrag + datum')).toBe(true);
    expect(matches.some((r) => r[3] === 'factuurnummer')).toBe(true);
    expect(matches.some((r) => r[11] === 'automatisch')).toBe(true);
    const audit = sheets.get(nlFile)!.get('Audittrail')!;
    expect(audit.some((r) => r[2] === 'Kruispost (automatisch)' && /^Letterde automatisch [\d.]+ groepen af op 700123 \(factuurnummer: [\d.]+\)\.$/.test(r[3]!))).toBe(true);
    expect(audit.some((r) => r[2] === 'Anna de Vries' && r[3]!.startsWith('Letterde 2 regels af op 20990') && r[3]!.includes('€ 0,35'))).toBe(true);
    expect(audit.map((r) => r[3]).join('\n')).not.toMatch(/[{}]/);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Leadsheet', 'Verloop per rekening', 'Aansluitposten', 'Verloop Moss Balance', 'Open 1-20990', 'Open 1-700123', 'Open 1-1610', 'Open 1-1620', 'Open 1-1630', 'Open 1-1960', 'Open 1-24302', 'Open 1-medewerkers', 'Schema 1-24302', 'Afletteringen', 'Signaleringen', 'Audittrail', 'Synchronisatie']);
  });

  it('speaks one language per workbook', () => {
    const en = [...sheets.get(enFile)!.values()].flat(2).join('\n');
    const nl = [...sheets.get(nlFile)!.values()].flat(2).join('\n');
    expect(en).toContain('12345 (production)');
    expect(en).not.toContain('(productie)');
    expect(nl).toContain('12345 (productie)');
    expect(en).not.toMatch(/Sluit (niet )?aan|Zonder categorie|Afgeletterd/);
  });
});
