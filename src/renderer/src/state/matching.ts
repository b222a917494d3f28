// The matching workspace of one account: its lines, filters, sort, selection and the decisions.
// Match state per line comes from the latest AdministrationResult (matches), so a decision needs
// one round-trip and no reload of 100,000 lines.
import { create } from 'zustand';
import type { AccountLine } from '../../../shared/contract';
import type { LineKey } from '../../../shared/domain';
import type { Cents } from '../../../shared/money';
import { call } from '../api';
import { decodeLines, type ViewLine } from './line-columns';
import { useMonth } from './month';
import { attempt, useNotice } from './notice';
import { by } from './user';

export type SortKey = 'entryDate' | 'amount' | 'voucherNo' | 'description';
export interface Filters {
  /** As typed: dd-mm-jjjj (parseDayInput). */
  from: string;
  to: string;
  amount: string;
  text: string;
  showMatched: boolean;
}

interface MatchingState {
  account: string | null;
  lines: ViewLine[];
  /** Lines main has for the account; more than lines.length while the rest is still coming. */
  expected: number;
  loading: boolean;
  /** The first screenful is shown; the rest of the lines is still arriving. */
  loadingRest: boolean;
  /** Full detail of the focused line (fetched on demand). */
  detail: AccountLine | null;
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
  /** Adds lines to the selection (a whole run entry for an N:1 match). */
  selectKeys(keys: LineKey[]): void;
  setFocus(key: LineKey | null): void;
  loadDetail(key: LineKey): Promise<void>;
  clearSelection(): void;
  openNote(key: LineKey | null): void;
  accept(matchId: string): Promise<boolean>;
  matchSelection(difference: Cents, reason: string | null): Promise<boolean>;
  unmatch(matchId: string): Promise<boolean>;
  undo(): Promise<void>;
  saveNote(key: LineKey, text: string): Promise<void>;
}

const FIRST_SLICE = 1_500;
const NEXT_SLICE = 50_000;
let loads = 0;

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
    expected: 0,
    loading: false,
    loadingRest: false,
    detail: null,
    loadedMs: null,
    notes: new Map(),
    filters: emptyFilters,
    sort: { key: 'entryDate', dir: 1 },
    selected: new Set(),
    anchor: null,
    focus: null,
    noteFor: null,
    async load(account) {
      const generation = ++loads;
      set({ account, lines: [], expected: 0, loading: true, loadingRest: false, loadedMs: null, notes: new Map(), selected: new Set(), anchor: null, focus: null, noteFor: null, detail: null });
      const { unitId, period } = useMonth.getState();
      if (unitId === null) return;
      const t0 = performance.now();
      // A screenful first (lines come in date order, which is the table's default), then the rest
      // in large slices while the controller already reads.
      let offset = 0;
      let lines: ViewLine[] = [];
      for (let limit = FIRST_SLICE; ; limit = NEXT_SLICE) {
        const slice = await attempt(() => call('getAccountLines', unitId, account, period, offset, limit));
        if (generation !== loads) return; // another account (or a reload) took over
        if (!slice) {
          set({ loading: false, loadingRest: false });
          return;
        }
        const decoded = decodeLines(slice);
        lines = offset === 0 ? decoded : lines.concat(decoded);
        offset += decoded.length;
        const more = offset < slice.total && decoded.length > 0;
        set({ lines, expected: slice.total, loading: false, loadingRest: more });
        if (offset === decoded.length) {
          performance.mark('kruispost:lines-loaded'); // the benchmark splits transfer from rendering here
          // Let the first screenful paint before the next slice arrives and is decoded.
          await new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
          performance.mark('kruispost:rows-painted');
        }
        if (!more) break;
      }
      set({ loadedMs: Math.round(performance.now() - t0) });
      performance.mark('kruispost:lines-complete');
    },
    async loadDetail(key) {
      const w = where();
      if (!w) return;
      if (get().detail?.key === key) return;
      const detail = await attempt(() => call('getLineDetail', w.unitId, w.account, w.period, key));
      if (get().focus === key) set({ detail: detail ?? null });
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
    selectKeys: (keys) => set((s) => ({ selected: new Set([...s.selected, ...keys]), anchor: keys[keys.length - 1] ?? s.anchor })),
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
      await useMonth.getState().loadResult();
      const account = get().account;
      if (account) {
        // An undo may have removed a note: reload this account's lines, keep the filters.
        const { filters, sort } = get();
        await get().load(account);
        set({ filters, sort });
      }
      // Said once the screen shows it, so the next key press lands on the reloaded lines.
      useNotice.getState().say('match.done.undo');
    },
    async saveNote(key, text) {
      const w = where();
      if (!w) return;
      const ok = await attempt(() => call('addNote', w.unitId, key, text, by()));
      if (ok === undefined) return;
      set((s) => ({ notes: new Map(s.notes).set(key, text), noteFor: null, detail: s.detail?.key === key ? { ...s.detail, note: text } : s.detail }));
      useNotice.getState().say('match.done.note', { undoable: true });
      void useMonth.getState().loadResult();
    },
  };
});
