// Bank-feed lines with a SEPA structured text show counterparty and remittance, not the code
// string: in the workbook's open items and matches, the CLI report and the matching table.
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, reportAdministration } from '../../src/main/cli/report';
import { shownText } from '../../src/main/handlers/line-columns';
import { writeWorkbook } from '../../src/main/workbook/writeWorkbook';
import { lineLabel } from '../../src/shared/audit-words';
import { fixtureInput } from './fixtures';

const SEPA = '/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/MOSS FINANCIAL SERVICES B.V./REMI/Opwaardering wallet juni/EREF/NOTPROVIDED';
const SHOWN = 'MOSS FINANCIAL SERVICES B.V. (NL91ABNA0417164300) · Opwaardering wallet juni';

function inputWithSepaLines() {
  const input = fixtureInput();
  const result = input.results[0]!;
  const open = result.accounts.flatMap((a) => a.openItems)[0]!;
  open.line = { ...open.line, lineDescription: SEPA };
  const matched = result.matches[0]!.lines[1]!;
  const given = input.lines!;
  const changed = { ...given.get(matched)!, lineDescription: SEPA };
  const lines = { get: (key: string) => (key === matched ? changed : given.get(key)) };
  return { input: { ...input, lines }, openKey: open.line.key, matchedKey: matched };
}

describe('SEPA structured bank texts as shown', () => {
  it('the workbook shows counterparty and remittance in open items and matches', async () => {
    const { input, openKey, matchedKey } = inputWithSepaLines();
    const dir = await mkdtemp(join(tmpdir(), 'kp-wb-sepa-'));
    try {
      const file = join(dir, 'sepa.xlsx');
      await writeWorkbook(input, file, { lang: 'nl' });
      const wb = await new ExcelJS.Workbook().xlsx.readFile(file);
      const cells = wb.worksheets.flatMap((ws) => {
        const rows: string[][] = [];
        ws.eachRow((row) => rows.push((row.values as unknown[]).map((v) => (typeof v === 'string' ? v : ''))));
        return rows;
      });
      const rowOf = (key: string) => cells.filter((r) => r.includes(lineLabel(key)));
      expect(rowOf(openKey).some((r) => r.includes(SHOWN))).toBe(true);
      expect(rowOf(matchedKey).some((r) => r.includes(SHOWN))).toBe(true);
      expect(cells.flat().some((c) => c.includes('/TRTP/'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the CLI report gives description, counterparty and remittance', () => {
    const { input, openKey } = inputWithSepaLines();
    const report = buildReport({ period: { year: 2025, month: 3 }, environment: '12345', generatedAt: '2025-04-05T10:00:00Z', administrations: [reportAdministration(input.results[0]!, null, null)] });
    const item = report.administrations[0]!.accounts.flatMap((a) => a.openItems).find((o) => o.line === openKey)!;
    expect(item.description).toBe(SHOWN);
    expect(item.counterparty).toEqual({ name: 'MOSS FINANCIAL SERVICES B.V.', iban: 'NL91ABNA0417164300' });
    expect(item.remittance).toBe('Opwaardering wallet juni');
    expect(report.sync).toEqual({ retries: {} });
  });

  it('the matching table shows what the payment is for first, then who (the IBAN is in the detail)', () => {
    expect(shownText({ lineDescription: SEPA, description: 'Bankafschrift' })).toBe('Opwaardering wallet juni · MOSS FINANCIAL SERVICES B.V.');
    expect(shownText({ lineDescription: null, description: 'Huur kantoor' })).toBe('Huur kantoor');
  });
});
