// Enough rows to exercise the pacing and back-pressure paths: nothing lost, totals exact.
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { writeWorkbook } from '../../src/main/workbook/writeWorkbook';
import { lineLabel } from '../../src/shared/audit-words';
import { largeInput } from './fixtures';
import { cents } from './readers';

it('writes 6,000 open items and 8,000 matched lines completely, totals to the cent', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kp-vol-'));
  try {
    const input = largeInput(6_000, 8_000);
    const file = join(dir, 'big.xlsx');
    const written = await writeWorkbook(input, file, { lang: 'en' });
    expect(written.bytes).toBeGreaterThan(100_000);
    const wb = await new ExcelJS.Workbook().xlsx.readFile(file);
    const open = wb.getWorksheet('Open 1-2030')!;
    const items = input.results[0]!.accounts[0]!.openItems;
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      const row = open.getRow(i + 2);
      expect(row.getCell(1).value).toBe(lineLabel(items[i]!.line.key));
      sum += cents(row.getCell(6).value);
    }
    const total = open.getRow(items.length + 2);
    expect(total.getCell(1).value).toBe('Total');
    const expected = items.reduce((s, it) => s + it.line.amount, 0);
    expect(sum).toBe(expected);
    expect(cents((total.getCell(6).value as { result: number }).result)).toBe(expected);
    const matches = wb.getWorksheet('Matched groups')!;
    expect(matches.getRow(8_001).getCell(5).value).toBe(lineLabel(input.results[0]!.matches.at(-1)!.lines[1]!));
    expect(matches.getRow(8_002).getCell(3).value).toBe('Total');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it('writes a valid workbook for nothing at all (no administrations, no audit, never synced)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kp-empty-'));
  try {
    const file = join(dir, 'empty.xlsx');
    await writeWorkbook(
      { results: [], audit: [], sync: { environment: { number: '12345', type: 'test' }, syncedAt: null, rowCounts: {}, administrations: [] }, generatedAt: '2025-04-05T10:00:00Z', appVersion: '0.1.0' },
      file,
      { lang: 'en' },
    );
    const wb = await new ExcelJS.Workbook().xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Rollforward per account', 'Reconciling items', 'Rollforward Moss Balance', 'Matched groups', 'Flags', 'Audit trail', 'Sync info']);
    const sync = wb.getWorksheet('Sync info')!;
    expect(sync.getRow(3).values).toEqual([undefined, 'Synced at', 'Not synced yet']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
