// Backend calls beyond the renderer's contract: for the headless month-end job (the CLI picks the
// workbook's path itself and reads the report, not the whole result, across the boundary) and for
// the host setting up a demo workspace.
import type { Lang, Period } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import type { Cents } from '../../shared/money';
import { reportAdministration, type ReportAdministration } from '../cli/report';
import type { Services } from '../services';

export interface BackendExtras {
  exportWorkbookTo(unitId: number, period: Period, lang: Lang, path: string): Promise<{ path: string }>;
  setSyncFrom(period: Period | null): Promise<null>;
  recordWalletBalance(unitId: number, period: Period, cents: Cents | null, by: string): Promise<null>;
  administrationName(unitId: number, period: Period): Promise<string | null>;
  reportAdministration(unitId: number, period: Period, walletBalance: Cents | null, workbook: string | null): Promise<ReportAdministration>;
  markDemo(syncFrom: string): Promise<null>;
}

export type ExtraMethod = keyof BackendExtras;
export const EXTRA_METHODS: ReadonlySet<string> = new Set<ExtraMethod>(['exportWorkbookTo', 'setSyncFrom', 'recordWalletBalance', 'administrationName', 'reportAdministration', 'markDemo']);

export function backendExtras(s: Services): BackendExtras {
  const me = s.monthEnd;
  const need = <T>(f: T | undefined): T => {
    if (f === undefined) throw new AppFailure('backend.not-available', { nl: 'Niet beschikbaar in deze omgeving.', en: 'Not available here.' });
    return f;
  };
  return {
    exportWorkbookTo: (unitId, period, lang, path) => me.exportWorkbook(unitId, period, path, lang),
    setSyncFrom: async (period) => (need(me.setSyncFrom)(period), null),
    recordWalletBalance: async (unitId, period, cents, by) => (need(me.recordWalletBalance)(unitId, period, cents, by), null),
    administrationName: async (unitId, period) => me.result(unitId, period).name,
    reportAdministration: async (unitId, period, walletBalance, workbook) => reportAdministration(me.result(unitId, period), walletBalance, workbook),
    markDemo: async (syncFrom) => (need(me.markDemo)(syncFrom), null),
  };
}
