// How each sheet prints: A4 landscape, as wide as one page (the leadsheet also one page high),
// the header row repeated on every page, the printed range limited to the table, and a page
// header (company, sheet, period) and footer (generated, version, page n of m) on every page.
import type ExcelJS from 'exceljs';
import type { Lang } from '../../shared/domain';

export interface PrintContext {
  lang: Lang;
  /** Company / administration as the header names it. */
  company: string;
  /** MM-JJJJ */
  period: string;
  /** Amsterdam time, dd-mm-jjjj uu:mm */
  generatedAt: string;
  appVersion: string;
}

/** Header/footer text: & starts a code (&P page, &N pages), so a literal & is doubled. */
const hf = (text: string) => text.replace(/&/g, '&&');

export function pageSetup(onePage: boolean): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: onePage ? 1 : 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
  };
}

export function headerFooter(ctx: PrintContext, sheetTitle: string): Partial<ExcelJS.HeaderFooter> {
  const page = ctx.lang === 'nl' ? 'Pagina &P van &N' : 'Page &P of &N';
  const made = ctx.lang === 'nl' ? `Gemaakt ${ctx.generatedAt} · Kruispost ${ctx.appVersion}` : `Generated ${ctx.generatedAt} · Kruispost ${ctx.appVersion}`;
  return {
    oddHeader: `&L${hf(ctx.company)}&C&"-,Bold"${hf(sheetTitle)}&R${hf(ctx.period)}`,
    oddFooter: `&L${hf(made)}&R${page}`,
  };
}
