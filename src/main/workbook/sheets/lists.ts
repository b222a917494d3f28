// The plain lists: flags, the audit trail and the sync facts (never a token or secret: only the
// fields named here are read from the input).
import type ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/domain';
import type { AdministrationResult, AuditEntry } from '../../../shared/reconcile';
import { excelDateTime, safeText, STYLE } from '../cells';
import { AUDIT_CHAIN, AUDIT_HEADERS, FLAG, FLAG_HEADERS, label, SEVERITY, SYNC_ROWS as S } from '../labels';
import type { WorkbookInput } from '../types';
import { administrationLabel } from '../plan';
import { closeTable, openTable, putRow, type Column } from '../table';

function columnsOf(headers: { nl: string; en: string }[], widths: number[], styles: (Partial<ExcelJS.Style> | undefined)[] = []): Column[] {
  return headers.map((header, i) => ({ header, width: widths[i] ?? 14, style: styles[i] }));
}

export function writeFlags(wb: ExcelJS.Workbook, name: string, results: AdministrationResult[], lang: Lang): void {
  const table = openTable(wb, name, columnsOf(FLAG_HEADERS, [10, 12, 14, 26, 60, 40], [undefined, undefined, undefined, undefined, STYLE.wrap, STYLE.wrap]), lang);
  for (const result of results) {
    for (const flag of result.flags) {
      putRow(table, [
        result.unitId,
        flag.account,
        label(SEVERITY, flag.severity, lang),
        label(FLAG, flag.code, lang),
        safeText(flag.message[lang]),
        safeText(flag.lines.join(', ')) || null,
      ]);
    }
  }
  closeTable(table, { autoFilterTo: table.next - 1 });
}

export function writeAudit(wb: ExcelJS.Workbook, name: string, audit: AuditEntry[], lang: Lang, chain?: WorkbookInput['auditChain']): void {
  const table = openTable(
    wb,
    name,
    columnsOf(AUDIT_HEADERS, [8, 17, 18, 20, 10, 12, 60, 40], [STYLE.integer, STYLE.dateTime, undefined, undefined, undefined, undefined, STYLE.wrap, STYLE.wrap]),
    lang,
  );
  for (const e of audit) {
    putRow(table, [e.id, excelDateTime(e.at), e.by, e.action, e.unitId, e.account, safeText(e.detail), safeText(e.reason)]);
  }
  const lastEntry = table.next - 1;
  if (chain) {
    const state = chain.entries === 0 ? AUDIT_CHAIN.empty[lang] : chain.intact ? AUDIT_CHAIN.intact[lang].replace('{n}', String(chain.entries)) : AUDIT_CHAIN.broken[lang].replace('{id}', String(chain.brokenAt));
    table.next++; // one empty row between the entries and the chain
    putRow(table, [AUDIT_CHAIN.head[lang], null, null, null, null, null, chain.head, state], [STYLE.bold, undefined, undefined, undefined, undefined, undefined, STYLE.wrap, STYLE.bold]);
  }
  closeTable(table, { autoFilterTo: lastEntry });
}

export function writeSync(wb: ExcelJS.Workbook, name: string, input: WorkbookInput, lang: Lang): void {
  const table = openTable(wb, name, columnsOf([S.key, S.value], [34, 40]), lang);
  const text = (k: keyof typeof S, v: ExcelJS.CellValue, style?: Partial<ExcelJS.Style>) =>
    putRow(table, [S[k][lang], v], [STYLE.bold, style]);
  text('environment', safeText(input.sync.environment));
  for (const a of input.sync.administrations) text('administration', administrationLabel({ unitId: a.unitId, name: a.name ?? null }));
  text('syncedAt', excelDateTime(input.sync.syncedAt) ?? S.neverSynced[lang], STYLE.dateTime);
  for (const [key, count] of Object.entries(input.sync.rowCounts)) {
    putRow(table, [`${S.rowCount[lang]}: ${key}`, count], [STYLE.bold, STYLE.integer]);
  }
  text('appVersion', input.appVersion);
  text('generatedAt', excelDateTime(input.generatedAt), STYLE.dateTime);
  closeTable(table);
}
