// The leadsheet: a title block (company, administration, period, who prepared and reviewed, when
// it was made), then one row per account a reviewer signs. Difference and unexplained difference
// are live formulas; categorised items sum the reconciling-items sheet (SUMIFS), so a reviewer who
// recategorises there sees the leadsheet follow. Prints on one landscape page.
import type ExcelJS from 'exceljs';
import { formatAmsterdam } from '../../../shared/amsterdam-time';
import { categoryLabel } from '../../../shared/item-categories';
import type { Lang } from '../../../shared/domain';
import { periodLabel } from '../../../shared/domain';
import type { AccountResult, AdministrationResult } from '../../../shared/reconcile';
import { DIFFERENCE_HIGHLIGHT, euro, euroFormula, sheetRef, STYLE } from '../cells';
import { ACCOUNT_STATUS, ENV_TYPE, label, NOT_ENTERED, ROLE, SIGNOFF_TEXT, SUMMARY_HEADERS, TITLE } from '../labels';
import { administrationLabel, judged, type SheetPlan } from '../plan';
import type { PrintContext } from '../print';
import { closeTable, highlightNonZero, openTable, putRow, type Column } from '../table';
import type { WorkbookInput } from '../types';
import { ITEM_COL } from './reconciling-items';

const WIDTHS = [6, 10, 20, 24, 14, 14, 14, 17, 14, 17, 8, 38];
const STYLES = [STYLE.unit, undefined, STYLE.wrap, STYLE.wrap, STYLE.euro, STYLE.euro, STYLE.euro, STYLE.euro, STYLE.euroBold, STYLE.wrap, STYLE.integer, STYLE.wrap];

const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

/** Who signed off, in one cell: prepared, reviewed, or rejected (with the comment), or suspended. */
export function signOffText(a: AccountResult, lang: Lang): string {
  const s = a.signOff;
  const parts: string[] = [];
  if (s.preparer) parts.push(fill(SIGNOFF_TEXT.prepared[lang], { by: s.preparer.by, at: formatAmsterdam(s.preparer.at) }));
  if (s.reviewer) parts.push(fill(SIGNOFF_TEXT.reviewed[lang], { by: s.reviewer.by, at: formatAmsterdam(s.reviewer.at) }));
  if (s.rejected) parts.push(fill(SIGNOFF_TEXT.rejected[lang], { by: s.rejected.by, at: formatAmsterdam(s.rejected.at), comment: s.rejected.comment }));
  if (s.suspended) parts.push(SIGNOFF_TEXT.suspended[lang]);
  return parts.length > 0 ? parts.join('\n') : SIGNOFF_TEXT.none[lang];
}

/** "Anna de Vries (03-07-2025 11:00); 3 van 8 rekeningen" over every account of the workbook. */
function signedBy(accounts: AccountResult[], role: 'preparer' | 'reviewer', lang: Lang): string {
  const entries = accounts.map((a) => a.signOff[role]).filter((e): e is { by: string; at: string } => e !== null);
  if (entries.length === 0) return TITLE.nobody[lang];
  const latest = new Map<string, string>();
  for (const e of entries) if ((latest.get(e.by) ?? '') < e.at) latest.set(e.by, e.at);
  const who = [...latest].map(([by, at]) => `${by} (${formatAmsterdam(at)})`).join(', ');
  return `${who}; ${fill(TITLE.ofAccounts[lang], { n: String(entries.length), total: String(accounts.length) })}`;
}

function titleRows(input: WorkbookInput, results: AdministrationResult[], lang: Lang): [ExcelJS.CellValue[], (Partial<ExcelJS.Style> | undefined)[]?][] {
  const accounts = results.flatMap((r) => r.accounts);
  const env = input.sync.environment;
  const envText = env ? `${env.number} (${ENV_TYPE[env.type]?.[lang] ?? env.type})` : '—';
  const periods = [...new Set(results.map((r) => periodLabel(r.period)))].join(', ');
  const line = (k: keyof typeof TITLE, value: string) => [[`${TITLE[k][lang]}: ${value}`], [STYLE.plain]] as [ExcelJS.CellValue[], (Partial<ExcelJS.Style> | undefined)[]];
  return [
    [[TITLE.title[lang]], [STYLE.title]],
    line('company', [...new Set(results.map((r) => r.name ?? '—'))].join(', ')),
    line('administration', `${results.map((r) => administrationLabel(r)).join(', ')} · ${TITLE.environment[lang]} ${envText}`),
    line('period', periods),
    line('prepared', signedBy(accounts, 'preparer', lang)),
    line('reviewed', signedBy(accounts, 'reviewer', lang)),
    line('generated', `${formatAmsterdam(input.generatedAt)} · ${TITLE.version[lang]} ${input.appVersion}`),
    [[TITLE.cleared[lang]], [STYLE.muted]],
  ];
}

export function writeSummary(wb: ExcelJS.Workbook, plan: SheetPlan, input: WorkbookInput, print: PrintContext, lang: Lang): void {
  const columns: Column[] = SUMMARY_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] ?? 14, style: STYLES[i] }));
  const table = openTable(wb, plan.summary, columns, lang, { freezeCols: 2, titleRows: titleRows(input, input.results, lang), print: { context: print, title: plan.summary, onePage: true } });
  const first = table.next;
  const items = sheetRef(plan.items);
  const range = (c: string) => `${items}!$${c}:$${c}`;
  for (const sheet of plan.accounts) {
    const { result, account } = sheet;
    const r = table.next;
    const ok = judged(account);
    const difference = account.closing - account.expected;
    const who = signOffText(account, lang);
    // SUMIFS over administration, account and every category but "none" (subtotal rows have no account).
    const categorised = euroFormula(
      `SUMIFS(${range(ITEM_COL.amount)},${range(ITEM_COL.unit)},${result.unitId},${range(ITEM_COL.account)},"${account.account.replace(/"/g, '""')}",${range(ITEM_COL.category)},"<>${categoryLabel(null, lang)}")`,
      sheet.categorised,
    );
    putRow(
      table,
      [
        result.unitId,
        account.account,
        label(ROLE, account.role, lang),
        account.name,
        account.status === 'not-fetched' ? null : euro(account.closing),
        // A transitory account's expected balance is its schedule's (minus what is still to release there).
        ok ? (sheet.schedule ? euroFormula(`${sheetRef(sheet.schedule.name)}!E${sheet.schedule.expectedRow}`, account.expected) : euro(account.expected)) : account.status === 'awaiting-balance' ? NOT_ENTERED[lang] : null,
        ok ? euroFormula(`E${r}-F${r}`, difference) : null,
        account.status === 'not-fetched' ? null : categorised,
        ok ? euroFormula(`G${r}-H${r}`, difference - sheet.categorised) : null,
        label(ACCOUNT_STATUS, account.status, lang),
        account.openItems.length,
        who,
      ],
    );
  }
  const last = Math.max(table.next - 1, first);
  highlightNonZero(table, `G${first}:G${last}`, `G${first}`, DIFFERENCE_HIGHLIGHT);
  highlightNonZero(table, `I${first}:I${last}`, `I${first}`, DIFFERENCE_HIGHLIGHT);
  closeTable(table, { autoFilterTo: last });
}
