// Benchmark: the reconciliation workbook with 100,000 open items and 200,000 matched lines.
// Prints wall time, peak RSS, and the ratio to raw exceljs streaming of the same cells (raw time /
// ours; 1.0 means no overhead). Targets: ≤ 6 s, ≤ 400 MB, ratio ≥ 0.7.
//   npx tsx bench/workbook.ts [openItems] [matchedLines]
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWorkbook, type WorkbookInput } from '../src/main/workbook/writeWorkbook';
import { largeInput } from '../test/workbook/fixtures';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const OPEN = Number(args[0] ?? 100_000);
const MATCHED = Number(args[1] ?? 200_000);
const EURO = '"€ "#,##0.00;[Red]"€ "-#,##0.00';

const S_DATE = { numFmt: 'dd-mm-yyyy' };
const S_EURO = { numFmt: EURO };
const S_AT = { numFmt: 'dd-mm-yyyy hh:mm' };

function styled(row: ExcelJS.Row, styles: Record<number, Partial<ExcelJS.Style>>): void {
  for (const [col, style] of Object.entries(styles)) row.getCell(Number(col)).style = style as ExcelJS.Style;
  row.commit();
}

/**
 * The same open-item and matched-line cells written straight with exceljs's streaming writer:
 * addRow per row, shared style objects on the formatted cells (the fast way; column styles would
 * make exceljs build a style per cell and take twice as long). No pacing, no temp file.
 */
async function rawExcelJs(input: WorkbookInput, file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const result = input.results[0]!;
  const items = result.accounts[0]!.openItems;
  const open = wb.addWorksheet('Open', { views: [{ state: 'frozen', ySplit: 1 }] });
  open.columns = [{ width: 20 }, { width: 12 }, { width: 9 }, { width: 40 }, { width: 24 }, { width: 16 }, { width: 10 }, { width: 10 }, { width: 28 }, { width: 40 }];
  open.addRow(['Line key', 'Entry date', 'Journal', 'Description', 'Reference', 'Amount', 'Age', 'Bucket', 'Flags', 'Note']).commit();
  for (const it of items) {
    const l = it.line;
    const [y, m, d] = l.entryDate.split('-').map(Number) as [number, number, number];
    styled(open.addRow([l.key, new Date(Date.UTC(y, m - 1, d)), l.journalId, l.lineDescription ?? l.description, l.invoiceId ?? l.voucherNo, l.amount / 100, it.ageDays, it.bucket, it.flags.join(', ') || null, it.note]), { 2: S_DATE, 6: S_EURO });
  }
  open.addRow(['Total', null, null, null, null, { formula: `SUM(F2:F${items.length + 1})`, result: 0 }]).commit();
  open.commit();
  const lines = input.lines!;
  const mt = wb.addWorksheet('Matches', { views: [{ state: 'frozen', ySplit: 1 }] });
  mt.columns = [{ width: 16 }, { width: 10 }, { width: 12 }, { width: 12 }, { width: 16 }, { width: 20 }, { width: 12 }, { width: 36 }, { width: 16 }, { width: 16 }, { width: 30 }, { width: 16 }, { width: 17 }];
  mt.addRow(['Group', 'Adm', 'Account', 'Status', 'Method', 'Line key', 'Date', 'Description', 'Amount', 'Difference', 'Reason', 'By', 'At']).commit();
  let n = 1;
  for (const g of result.matches) {
    const at = g.confirmedAt ? new Date(g.confirmedAt) : null;
    g.lines.forEach((key, i) => {
      const l = lines.get(key)!;
      const [y, m, d] = l.entryDate.split('-').map(Number) as [number, number, number];
      styled(mt.addRow([g.id, g.unitId, g.account, g.status, g.method, key, new Date(Date.UTC(y, m - 1, d)), l.lineDescription ?? l.description, l.amount / 100, i === 0 ? g.difference / 100 : null, i === 0 ? g.reason : null, g.confirmedBy, at]), { 7: S_DATE, 9: S_EURO, 10: S_EURO, 13: S_AT });
      n++;
    });
  }
  mt.addRow(['Total', null, null, null, null, null, null, null, { formula: `SUM(I2:I${n})`, result: 0 }, { formula: `SUM(J2:J${n})`, result: 0 }]).commit();
  mt.commit();
  await wb.commit();
}

interface Run {
  mode: 'ours' | 'raw';
  wall: number;
  cpu: number;
  rssInput: number;
  maxRss: number;
  bytes: number;
}

/** One write in this process: the input is built first, then only the write is timed. */
async function child(mode: 'ours' | 'raw'): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kp-bench-'));
  try {
    const input = largeInput(OPEN, MATCHED);
    const rssInput = process.memoryUsage().rss;
    const file = join(dir, `${mode}.xlsx`);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    if (mode === 'ours') await writeWorkbook(input, file, { lang: 'nl' });
    else await rawExcelJs(input, file);
    const wall = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const run: Run = { mode, wall, cpu: (c.user + c.system) / 1e6, rssInput, maxRss: process.resourceUsage().maxRSS * 1024, bytes: (await stat(file)).size };
    process.stdout.write(`${JSON.stringify(run)}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Each write in a fresh process so peak RSS belongs to that write alone; ours and raw alternate. */
function spawnRun(mode: 'ours' | 'raw'): Run {
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `--child=${mode}`, String(OPEN), String(MATCHED)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Run;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const best = (xs: Run[]) => xs.reduce((a, b) => (b.wall < a.wall ? b : a));

function main(): void {
  const runs: Run[] = [];
  for (const mode of ['ours', 'raw', 'ours', 'raw'] as const) runs.push(spawnRun(mode));
  const ours = runs.filter((r) => r.mode === 'ours');
  const raw = runs.filter((r) => r.mode === 'raw');
  const o = best(ours);
  const r = best(raw);
  const ratio = r.wall / o.wall;
  const peak = Math.max(...ours.map((x) => x.maxRss));
  const fmt = (xs: Run[]) => xs.map((x) => `${x.wall.toFixed(2)} s (cpu ${x.cpu.toFixed(2)} s, peak RSS ${mb(x.maxRss)} MB)`).join('; ');
  console.log(`workbook: ${OPEN} open items + ${MATCHED} matched lines, ${mb(o.bytes)} MB xlsx, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}`);
  console.log(`  ours: ${fmt(ours)}`);
  console.log(`  raw exceljs streaming, same cells: ${fmt(raw)}`);
  console.log(`  time (best of ours): ${o.wall.toFixed(2)} s (target ≤ 6 s)`);
  console.log(`  peak RSS (ours): ${mb(peak)} MB, of which the input takes ${mb(o.rssInput)} MB before writing (target ≤ 400 MB)`);
  console.log(`  ratio raw/ours: ${ratio.toFixed(2)} (target ≥ 0.7); cpu ratio ${(r.cpu / o.cpu).toFixed(2)}`);
  const ok = o.wall <= 6 && peak <= 400 * 1024 * 1024 && ratio >= 0.7;
  console.log(ok ? 'all targets met' : 'TARGET MISSED (see figures above)');
}

const childMode = process.argv.find((a) => a.startsWith('--child='))?.slice('--child='.length);
if (childMode === 'ours' || childMode === 'raw') await child(childMode);
else main();
