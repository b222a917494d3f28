// The matching workspace of one account: its lines, filters, sort, selection and the decisions.
// Match state per line comes from the latest AdministrationResult (matches), so a decision needs
// one round-trip and no reload of 100,000 lines.
import { create } from 'zustand';
import type { AccountLine } from '../../../shared/contract';
import type { LineKey } from '../../../shared/domain';
import type { Cents } from '../../../shared/money';
import { call } from '../api';
import { useMonth } from './month';
import { attempt, useNotice } from './notice';
import { by } from './user';

export type SortKey = 'entryDate' | 'amount' | 'voucherNo' | 'description';
export interface Filters {
  from: string;
  to: string;
  amount: string;
  text: string;
  showMatched: boolean;
}

interface MatchingState {
  account: string | null;
  lines: AccountLine[];
  loading: boolean;
  /** Time from request to lines in the store, for the benchmark. */
  loadedMs: number | null;
  notes: Map<LineKey, string>;
  filters: Filters;
  sort: { key: SortKey; dir: 1 | -1 };
  selected: Set<LineKey>;
  anchor: LineKey | null;
  focus: LineKey | null;
  noteFor: LineKey | null;
  load(account: string): Promise<void>;
  setFilters(patch: Partial<Filters>): void;
  setSort(key: SortKey): void;
  /** Click semantics: plain = only this, ctrl = toggle, shift = range within `list`. */
  select(key: LineKey, mode: 'only' | 'toggle' | 'range', list: LineKey[]): void;
  setFocus(key: LineKey | null): void;
  clearSelection(): void;
  openNote(key: LineKey | null): void;
  accept(matchId: string): Promise<boolean>;
  matchSelection(difference: Cents, reason: string | null): Promise<boolean>;
  unmatch(matchId: string): Promise<boolean>;
  undo(): Promise<void>;
  saveNote(key: LineKey, text: string): Promise<void>;
}

const emptyFilters: Filters = { from: '', to: '', amount: '', text: '', showMatched: false };

export const useMatching = create<MatchingState>((set, get) => {
  const where = () => {
    const { unitId, period } = useMonth.getState();
    const account = get().account;
    return unitId === null || !account ? null : { unitId, period, account };
  };
  return {
    account: null,
    lines: [],
    loading: false,
    loadedMs: null,
    notes: new Map(),
    filters: emptyFilters,
    sort: { key: 'entryDate', dir: 1 },
    selected: new Set(),
    anchor: null,
    focus: null,
    noteFor: null,
    async load(account) {
      set({ account, lines: [], loading: true, loadedMs: null, notes: new Map(), selected: new Set(), anchor: null, focus: null, noteFor: null });
      const { unitId, period } = useMonth.getState();
      if (unitId === null) return;
      const t0 = performance.now();
      const view = await attempt(() => call('getAccountLines', unitId, account, period));
      if (get().account !== account) return;
      set({ lines: view?.lines ?? [], loading: false, loadedMs: Math.round(performance.now() - t0) });
      performance.mark('kruispost:lines-loaded'); // the benchmark splits transfer from rendering here
    },
    setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
    setSort: (key) => set((s) => ({ sort: { key, dir: s.sort.key === key ? (s.sort.dir === 1 ? -1 : 1) : 1 } })),
    select(key, mode, list) {
      set((s) => {
        const selected = new Set(mode === 'only' ? [] : s.selected);
        if (mode === 'range' && s.anchor) {
          const a = list.indexOf(s.anchor);
          const b = list.indexOf(key);
          if (a >= 0 && b >= 0) {
            for (let i = Math.min(a, b); i <= Math.max(a, b); i++) selected.add(list[i]!);
            return { selected, focus: key };
          }
        }
        if (mode === 'toggle' && selected.has(key)) selected.delete(key);
        else selected.add(key);
        return { selected, anchor: key, focus: key };
      });
    },
    setFocus: (focus) => set({ focus }),
    clearSelection: () => set({ selected: new Set(), anchor: null }),
    openNote: (noteFor) => set({ noteFor }),
    async accept(matchId) {
      const w = where();
      if (!w) return false;
      const result = await attempt(() => call('acceptSuggestion', w.unitId, w.period, matchId, by()));
      if (!result) return false;
      useMonth.getState().setResult(result);
      useNotice.getState().say('match.done.accept', { undoable: true });
      return true;
    },
    async matchSelection(difference, reason) {
      const w = where();
      const keys = [...get().selected];
      if (!w || keys.length < 2) return false;
      const result = await attempt(() => call('confirmMatch', w.unitId, w.account, keys, difference, reason, by()));
      if (!result) return false;
      useMonth.getState().setResult(result);
      set({ selected: new Set(), anchor: null });
      useNotice.getState().say('match.done.match', { undoable: true });
      return true;
    },
    async unmatch(matchId) {
      const w = where();
      if (!w) return false;
      const result = await attempt(() => call('unmatch', w.unitId, matchId, by(), null));
      if (!result) return false;
      useMonth.getState().setResult(result);
      useNotice.getState().say('match.done.unmatch', { undoable: true });
      return true;
    },
    async undo() {
      const done = await attempt(() => call('undo', by()));
      if (!done) return;
      useNotice.getState().say('match.done.undo');
      await useMonth.getState().loadResult();
      const account = get().account;
      if (account) {
        // An undo may have removed a note: reload this account's lines, keep the filters.
        const { filters, sort } = get();
        await get().load(account);
        set({ filters, sort });
      }
    },
    async saveNote(key, text) {
      const w = where();
      if (!w) return;
      const ok = await attempt(() => call('addNote', w.unitId, key, text, by()));
      if (ok === undefined) return;
      set((s) => ({ notes: new Map(s.notes).set(key, text), noteFor: null }));
      useNotice.getState().say('match.done.note', { undoable: true });
      void useMonth.getState().loadResult();
    },
  };
});
