// The month being closed: which administration and period, its result, the running sync or export
// (polled while it runs), and the decisions that change the whole picture.
import { create } from 'zustand';
import type { SyncProgressView } from '../../../shared/contract';
import type { LineKey, Period } from '../../../shared/domain';
import type { Cents } from '../../../shared/money';
import type { AdministrationResult } from '../../../shared/reconcile';
import { call } from '../api';
import { useSettings } from './settings';
import { attempt, useNotice } from './notice';
import { defaultPeriod } from './period';
import { by } from './user';
import { useWorkspace } from './workspace';

/**
 * The next status question goes this long after the last answer: the backend beats every 100 ms,
 * so the bar moves at least every ~200 ms while it works (the bound is 500 ms), and a question is
 * a few hundred bytes over IPC.
 */
export const POLL_MS = 100;

interface MonthState {
  unitId: number | null;
  period: Period;
  periodChosen: boolean;
  result: AdministrationResult | null;
  progress: SyncProgressView | null;
  /** Where the last workbook of this period was saved (shown until the period changes). */
  exported: string | null;
  exporting: boolean;
  /** Account open in the matching workspace, or null for the dashboard. */
  account: string | null;
  /** The lines a flag named ("Toon"): the matching view shows only these until cleared. */
  flagged: { lines: LineKey[]; label: string } | null;
  setUnit(unitId: number): void;
  /** Another workspace (the demo, or back from it): nothing of the previous one stays on screen. */
  switchWorkspace(unitId: number | null, period: Period | null): void;
  setPeriod(period: Period): void;
  /** Main's suggestion (WorkspaceView.period): followed until the controller picks a period. */
  applyPeriodHint(period: Period): void;
  openAccount(account: string | null, flagged?: { lines: LineKey[]; label: string } | null): void;
  clearFlagged(): void;
  loadResult(): Promise<void>;
  setResult(result: AdministrationResult): void;
  startSync(): Promise<void>;
  cancelSync(): Promise<void>;
  /** The preparer signs as the user; the reviewer by the name typed (another person). */
  signOff(account: string, role: 'preparer' | 'reviewer', reviewer?: string): Promise<boolean>;
  rejectSignOff(account: string, reviewer: string, comment: string): Promise<boolean>;
  setTolerance(account: string, cents: Cents, permille: number): Promise<boolean>;
  setWallet(cents: Cents | null): Promise<void>;
  exportWorkbook(): Promise<void>;
}

let pollTimer: ReturnType<typeof setTimeout> | undefined;

export const useMonth = create<MonthState>((set, get) => {
  const here = () => {
    const { unitId, period } = get();
    return unitId === null ? null : { unitId, period };
  };
  async function poll(): Promise<void> {
    const progress = await attempt(() => call('getSyncStatus'));
    if (progress === undefined) return;
    set({ progress });
    if (progress?.state === 'running') {
      pollTimer = setTimeout(() => void poll(), POLL_MS);
      return;
    }
    const notice = useNotice.getState();
    if (progress?.state === 'done') {
      notice.succeeded('startSync');
      // One definition: the rows this run fetched from AFAS over all administrations (the bar says the same).
      if (progress.rowsFetched === 0) notice.say('month.syncNothing');
      else notice.say('month.syncDone', { params: { rows: progress.rowsFetched.toLocaleString(useSettings.getState().language === 'nl' ? 'nl-NL' : 'en-GB') } });
    }
    if (progress?.state === 'cancelled') notice.say('month.syncCancelled');
    // A failed run stays on screen, with what to do, until dismissed or a sync succeeds.
    if (progress?.state === 'failed' && progress.error) notice.show(progress.error, 'startSync');
    await useWorkspace.getState().load();
    await get().loadResult();
  }
  return {
    unitId: null,
    period: defaultPeriod(),
    periodChosen: false,
    result: null,
    progress: null,
    exported: null,
    exporting: false,
    account: null,
    flagged: null,
    setUnit(unitId) {
      set({ unitId, result: null, account: null, flagged: null });
      void get().loadResult();
    },
    switchWorkspace(unitId, period) {
      clearTimeout(pollTimer);
      set({ unitId, result: null, account: null, flagged: null, progress: null, exported: null, periodChosen: false, ...(period ? { period } : {}) });
      void get().loadResult();
    },
    setPeriod(period) {
      set({ period, periodChosen: true, result: null, account: null, flagged: null, exported: null });
      void get().loadResult();
    },
    applyPeriodHint(period) {
      const now = get().period;
      if (get().periodChosen || (now.year === period.year && now.month === period.month)) return;
      set({ period, result: null, account: null });
      void get().loadResult();
    },
    openAccount: (account, flagged = null) => set({ account, flagged }),
    clearFlagged: () => set({ flagged: null }),
    async loadResult() {
      const at = here();
      if (!at) return;
      const result = await attempt(() => call('getResult', at.unitId, at.period));
      // Ignore an answer for a period the controller already left.
      if (result && here()?.unitId === at.unitId && get().period === at.period) set({ result });
    },
    setResult: (result) => set({ result }),
    async startSync() {
      clearTimeout(pollTimer);
      const started = await attempt(() => call('startSync', get().period), 'startSync');
      if (!started) return;
      set({ progress: { runId: started.runId, state: 'running', phase: 'start', rowsFetched: 0, estimatedTotal: null, slice: null, slicesDone: 0, slicesTotal: 0, rowsPerSecond: 0, etaSeconds: null, error: null } });
      pollTimer = setTimeout(() => void poll(), POLL_MS);
    },
    async cancelSync() {
      await attempt(() => call('cancelSync'));
    },
    async signOff(account, role, reviewer) {
      const at = here();
      const who = role === 'reviewer' ? reviewer?.trim() || null : by();
      if (!at || !who) return false;
      const result = await attempt(() => call('signOff', at.unitId, account, at.period, role, who), 'signOff');
      if (result) set({ result });
      return Boolean(result);
    },
    async rejectSignOff(account, reviewer, comment) {
      const at = here();
      if (!at || !reviewer.trim()) return false;
      const result = await attempt(() => call('rejectSignOff', at.unitId, account, at.period, comment, reviewer.trim()), 'signOff');
      if (result) set({ result });
      return Boolean(result);
    },
    async setTolerance(account, cents, permille) {
      const at = here();
      const who = by();
      if (!at || !who) return false;
      const result = await attempt(() => call('setTolerance', at.unitId, at.period, account, cents, permille, who), 'tolerance');
      if (result) set({ result });
      return Boolean(result);
    },
    async setWallet(cents) {
      const at = here();
      const who = by();
      if (!at || !who) return;
      const result = await attempt(() => call('setWalletBalance', at.unitId, at.period, cents, who), 'wallet');
      if (result) set({ result });
    },
    async exportWorkbook() {
      const at = here();
      if (!at) return;
      set({ exporting: true });
      // The export reports its own progress (and can be cancelled) while it writes.
      let following = true;
      let follow: ReturnType<typeof setTimeout> | undefined;
      const ask = async () => {
        const p = await attempt(() => call('getSyncStatus'));
        if (!following) return;
        if (p?.kind === 'export') set({ progress: p });
        follow = setTimeout(() => void ask(), POLL_MS);
      };
      follow = setTimeout(() => void ask(), POLL_MS);
      const saved = await attempt(() => call('exportWorkbook', at.unitId, at.period, useSettings.getState().language), 'exportWorkbook').finally(() => {
        following = false;
        clearTimeout(follow);
        set({ exporting: false, progress: null });
      });
      if (saved) {
        set({ exported: saved.path });
        useNotice.getState().say('month.exported', { params: { path: saved.path } });
      }
    },
  };
});
