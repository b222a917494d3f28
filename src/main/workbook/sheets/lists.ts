// The plain lists: flags, the audit trail in words and the sync facts (never a token or secret:
// only the fields named here are read from the input).
import type ExcelJS from 'exceljs';
import { describeAudit, lineLabel } from '../../../shared/audit-words';
import type { Lang } from '../../../shared/domain';
import type { AdministrationResult, AuditEntry } from '../../../shared/reconcile';
import { excelDateTime, safeText, STYLE } from '../cells';
import { AUDIT_CHAIN, AUDIT_HEADERS, AUTO_BY, ENV_TYPE, FLAG, FLAG_HEADERS, label, SEVERITY, SYNC_ROWS as S } from '../labels';
import type { WorkbookInput } from '../types';
import { administrationLabel } from '../plan';
import type { PrintContext } from '../print';
import { closeTable, openTable, putRow, type Column } from '../table';

function columnsOf(headers: { nl: string; en: string }[], widths: number[], styles: (Partial<ExcelJS.Style> | undefined)[] = []): Column[] {
  return headers.map((header, i) => ({ header, width: widths[i] ?? 14, style: styles[i] }));
}

export function writeFlags(wb: ExcelJS.Workbook, name: string, results: AdministrationResult[], print: PrintContext, lang: Lang): void {
  const widths = [6, 10, 12, 22, 70, 34];
  const table = openTable(wb, name, columnsOf(FLAG_HEADERS, widths, [STYLE.unit, undefined, undefined, STYLE.wrap, STYLE.wrap, STYLE.wrap]), lang, { print: { context: print, title: name } });
  for (const result of results) {
    for (const flag of result.flags) {
      const message = safeText(flag.message[lang]);
      const lines = flag.lines.map(lineLabel).join(', ');
      putRow(table, [result.unitId, flag.account, label(SEVERITY, flag.severity, lang), label(FLAG, flag.code, lang), message, safeText(lines) || null]);
    }
  }
  closeTable(table, { autoFilterTo: table.next - 1 });
}

/** Who did it: a person's name, or Kruispost itself for the automatic matches. */
const actor = (by: string, lang: Lang) => (by === 'auto' ? AUTO_BY[lang] : by);

export function writeAudit(wb: ExcelJS.Workbook, name: string, audit: AuditEntry[], print: PrintContext, lang: Lang, chain?: WorkbookInput['auditChain']): void {
  const widths = [7, 15, 18, 80, 6, 10, 30];
  const table = openTable(
    wb,
    name,
    columnsOf(AUDIT_HEADERS, widths, [STYLE.integer, STYLE.dateTime, STYLE.wrap, STYLE.wrap, STYLE.unit, undefined, STYLE.wrap]),
    lang,
    { print: { context: print, title: name } },
  );
  for (const e of audit) {
    const what = safeText(describeAudit(e)[lang]);
    const reason = safeText(e.reason);
    putRow(table, [e.id, excelDateTime(e.at), actor(e.by, lang), what, e.unitId, e.account, reason]);
  }
  const lastEntry = table.next - 1;
  if (chain) {
    const state = chain.entries === 0 ? AUDIT_CHAIN.empty[lang] : chain.intact ? AUDIT_CHAIN.intact[lang].replace('{n}', String(chain.entries)) : AUDIT_CHAIN.broken[lang].replace('{id}', String(chain.brokenAt));
    table.next++; // one empty row between the entries and the chain
    putRow(table, [null, null, AUDIT_CHAIN.head[lang], `${chain.head ?? ''} · ${state}`], [undefined, undefined, STYLE.wrap, STYLE.wrap]);
  }
  closeTable(table, { autoFilterTo: lastEntry });
}

export function writeSync(wb: ExcelJS.Workbook, name: string, input: WorkbookInput, print: PrintContext, lang: Lang): void {
  const table = openTable(wb, name, columnsOf([S.key, S.value], [40, 50]), lang, { print: { context: print, title: name } });
  const text = (k: keyof typeof S, v: ExcelJS.CellValue, style?: Partial<ExcelJS.Style>) => putRow(table, [S[k][lang], v], [STYLE.bold, style]);
  const env = input.sync.environment;
  text('environment', env ? safeText(`${env.number} (${ENV_TYPE[env.type]?.[lang] ?? env.type})`) : '—');
  for (const a of input.sync.administrations) text('administration', administrationLabel({ unitId: a.unitId, name: a.name ?? null }));
  text('syncedAt', excelDateTime(input.sync.syncedAt) ?? S.neverSynced[lang], STYLE.dateTime);
  for (const [key, count] of Object.entries(input.sync.rowCounts)) {
    putRow(table, [`${S.rowCount[lang]}: ${key}`, count], [STYLE.bold, STYLE.integer]);
  }
  text('appVersion', input.appVersion);
  text('generatedAt', excelDateTime(input.generatedAt), STYLE.dateTime);
  closeTable(table);
}
