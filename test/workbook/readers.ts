// Independent readers for the tests: a minimal zip reader (to search the raw parts of the xlsx),
// a CSV parser, and LibreOffice headless converting every sheet to CSV after recalculating.
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';

/** Every entry of a zip file, inflated: name -> text. */
export async function unzipText(file: string): Promise<Map<string, string>> {
  const buf = await readFile(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** RFC 4180 CSV (quotes, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || row.length) endRow();
  return rows;
}

// Recalculate OOXML formulas on load (LibreOffice's default is to trust the cached results, which
// would make "LibreOffice agrees with our cached values" a test that cannot fail).
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Converts each file to one CSV per sheet (LibreOffice ≥ 7.2: sheet option -1), values unformatted,
 * in a throw-away profile so parallel runs do not share one. Returns file -> sheet -> rows.
 */
export async function libreOfficeSheets(files: string[]): Promise<Map<string, Map<string, string[][]>>> {
  const work = await mkdtemp(join(tmpdir(), 'lo-'));
  try {
    await mkdir(join(work, 'profile', 'user'), { recursive: true });
    await writeFile(join(work, 'profile', 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    const outdir = join(work, 'out');
    await promisify(execFile)(
      'libreoffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        outdir,
        ...files,
      ],
      { timeout: 120_000 },
    );
    const result = new Map<string, Map<string, string[][]>>();
    const produced = await readdir(outdir);
    for (const file of files) {
      const stem = basename(file).replace(/\.xlsx$/, '');
      const sheets = new Map<string, string[][]>();
      for (const name of produced) {
        if (name.startsWith(`${stem}-`) && name.endsWith('.csv')) {
          sheets.set(name.slice(stem.length + 1, -4), parseCsv(await readFile(join(outdir, name), 'utf8')));
        }
      }
      result.set(file, sheets);
    }
    return result;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** A euro value read back (number or CSV text) as integer cents. */
export function cents(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${String(value)}`);
  return Math.round(n * 100) + 0;
}

export interface PrintedPdf {
  /** The PDF file (kept in the caller's folder). */
  path: string;
  pages: number;
  /** Text of each page (pdftotext -layout), index 0 = page 1. */
  text: string[];
  /** Width and height of page 1 in points. */
  size: { width: number; height: number };
}

/**
 * Prints each workbook to PDF as LibreOffice would (headless, its own profile), then reads the page
 * count and size (pdfinfo) and each page's text (pdftotext) — poppler-utils.
 */
export async function libreOfficePdf(files: string[], outdir: string): Promise<Map<string, PrintedPdf>> {
  const work = await mkdtemp(join(tmpdir(), 'lo-pdf-'));
  const run = promisify(execFile);
  try {
    await mkdir(join(work, 'profile', 'user'), { recursive: true });
    await writeFile(join(work, 'profile', 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    await run('libreoffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outdir, ...files], { timeout: 180_000 });
    const out = new Map<string, PrintedPdf>();
    for (const file of files) {
      const path = join(outdir, basename(file).replace(/\.xlsx$/, '.pdf'));
      const info = (await run('pdfinfo', [path])).stdout;
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
      const size = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info);
      const all = (await run('pdftotext', ['-layout', path, '-'], { maxBuffer: 256 * 1024 * 1024 })).stdout;
      out.set(file, { path, pages, text: all.split('\f').slice(0, pages), size: { width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0) } });
    }
    return out;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
