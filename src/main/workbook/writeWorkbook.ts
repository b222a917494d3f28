// The reconciliation workbook as a review pack: the leadsheet with its title block (one landscape
// page), the rollforward of every account, the reconciling items by category, the Moss Balance
// tie-out, open items of the accounts that have any (employee creditors share one sheet), the
// schedule per voucher of each transitory account, matched groups, flags, the audit trail in words
// and the sync facts. Every sheet prints landscape, one page wide, with its header row repeated and
// page numbers. Streamed with exceljs's WorkbookWriter so 300,000 rows stay within
// memory; written to a temp file and renamed in place.
import ExcelJS from 'exceljs';
import { formatAmsterdam } from '../../shared/amsterdam-time';
import type { LineKey, MutationLine } from '../../shared/domain';
import { periodLabel } from '../../shared/domain';
import { planSheets } from './plan';
import type { PrintContext } from './print';
import { exportTicks } from './table';
import { writeFileSafely } from './safeFile';
import { writeAccountRollforward } from './sheets/account-rollforward';
import { writeMatches } from './sheets/matches';
import { writeOpenItems } from './sheets/openItems';
import { writeReconcilingItems } from './sheets/reconciling-items';
import { writeRollforward } from './sheets/rollforward';
import { writeSharedItems } from './sheets/sharedItems';
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
  const print: PrintContext = {
    lang,
    company: [...new Set(input.results.map((r) => (r.name ? `${r.unitId} ${r.name}` : String(r.unitId))))].join(', '),
    period: [...new Set(input.results.map((r) => periodLabel(r.period)))].join(', '),
    generatedAt: formatAmsterdam(input.generatedAt),
    appVersion: input.appVersion,
  };
  return writeFileSafely(targetPath, async (stream) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    if (opts.tick) exportTicks.set(wb, () => opts.tick!());
    wb.creator = `Kruispost ${input.appVersion}`;
    wb.created = new Date(Date.parse(input.generatedAt) || 0);
    // Sheets are written one after another: each is committed (its zip entry closed) before the next.
    writeSummary(wb, plan, input, print, lang);
    writeAccountRollforward(wb, plan, print, lang);
    await writeReconcilingItems(wb, plan, lines, print, lang);
    writeRollforward(wb, plan, input.results, print, lang);
    for (const sheet of plan.accounts) if (sheet.name !== null && !sheet.shared) await writeOpenItems(wb, { ...sheet, name: sheet.name }, print, lang);
    for (const group of plan.shared) await writeSharedItems(wb, group, print, lang);
    for (const sheet of plan.accounts) if (sheet.schedule) await writeSchedule(wb, sheet, sheet.schedule, print, lang);
    await writeMatches(wb, plan.matches, input.results, lines, print, lang);
    writeFlags(wb, plan.flags, input.results, print, lang);
    writeAudit(wb, plan.audit, input.audit, print, lang, input.auditChain);
    writeSync(wb, plan.sync, input, print, lang);
    await wb.commit();
  });
}

/**
 * Lines the sheets can describe: the ones given, then every open item's line (a stale group may
 * hold open lines). The open-line index is built on the first miss.
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
