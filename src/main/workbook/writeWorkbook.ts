// The reconciliation workbook: leadsheet, Moss Balance rollforward, one sheet of open items per
// clearing account (and a schedule per voucher for a transitory account), matched groups, flags, audit trail and sync facts. Streamed with exceljs's
// WorkbookWriter so 300,000 rows stay within memory; written to a temp file and renamed in place.
import ExcelJS from 'exceljs';
import type { LineKey, MutationLine } from '../../shared/domain';
import { planSheets } from './plan';
import { exportTicks } from './table';
import { writeFileSafely } from './safeFile';
import { writeMatches } from './sheets/matches';
import { writeOpenItems } from './sheets/openItems';
import { writeRollforward } from './sheets/rollforward';
import { writeSummary } from './sheets/summary';
import { writeSchedule } from './sheets/schedule';
import { writeAudit, writeFlags, writeSync } from './sheets/lists';
import type { LineLookup, WorkbookInput, WorkbookOptions, WrittenWorkbook } from './types';

export type { LineLookup, WorkbookInput, WorkbookOptions, WrittenWorkbook, WorkbookSyncInfo } from './types';
export { defaultWorkbookName } from './names';

export async function writeWorkbook(input: WorkbookInput, targetPath: string, opts: WorkbookOptions = { lang: 'nl' }): Promise<WrittenWorkbook> {
  const lang = opts.lang;
  const plan = planSheets(input.results, lang);
  const lines = lineIndex(input);
  return writeFileSafely(targetPath, async (stream) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    if (opts.tick) exportTicks.set(wb, () => opts.tick!());
    wb.creator = `Kruispost ${input.appVersion}`;
    wb.created = new Date(Date.parse(input.generatedAt) || 0);
    // Sheets are written one after another: each is committed (its zip entry closed) before the next.
    writeSummary(wb, plan, lang);
    writeRollforward(wb, plan, input.results, lang);
    for (const sheet of plan.accounts) if (sheet.name !== null) await writeOpenItems(wb, { ...sheet, name: sheet.name }, lang);
    for (const sheet of plan.accounts) if (sheet.schedule) await writeSchedule(wb, sheet, sheet.schedule, lang);
    await writeMatches(wb, plan.matches, input.results, lines, lang);
    writeFlags(wb, plan.flags, input.results, lang);
    writeAudit(wb, plan.audit, input.audit, lang, input.auditChain);
    writeSync(wb, plan.sync, input, lang);
    await wb.commit();
  });
}

/**
 * Lines the matched-groups sheet can describe: the ones given, then every open item's line (a
 * suggested or stale group may hold open lines). The open-line index is built on the first miss.
 */
function lineIndex(input: WorkbookInput): LineLookup {
  const given: LineLookup = input.lines ?? new Map<LineKey, MutationLine>();
  let open: Map<LineKey, MutationLine> | null = null;
  return {
    get(key) {
      const line = given.get(key);
      if (line) return line;
      if (!open) {
        open = new Map();
        for (const r of input.results) for (const a of r.accounts) for (const item of a.openItems) open.set(item.line.key, item.line);
      }
      return open.get(key);
    },
  };
}
