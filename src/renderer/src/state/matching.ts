// The matching workspace of one account: its lines, filters, sort, selection and the decisions.
// Match state per line comes from the latest AdministrationResult (matches), so a decision needs
// one round-trip and no reload of 100,000 lines.
import { create } from 'zustand';
import type { AccountLine, LineHistoryEntry } from '../../../shared/contract';
import type { LineKey } from '../../../shared/domain';
import type { Cents } from '../../../shared/money';
import type { ItemCategory } from '../../../shared/reconcile';
import { call } from '../api';
import { decodeLines, type ViewLine } from './line-columns';
import { useMonth } from './month';
import { attempt, useNotice } from './notice';
import { by } from './user';

export type SortKey = 'entryDate' | 'amount' | 'voucherNo' | 'description';

/** How the controller explains a difference (the contract's explanation). */
export interface Explanation {
  category: ItemCategory;
  reason: string;
  counterAccount?: string;
  aboveTolerance?: boolean;
}

/** A difference waiting for its category and reason: a suggestion's, or the selection's. */
export type ExplainRequest =
  | { kind: 'suggestion'; matchId: string; difference: Cents; amounts: Cents[] }
  | { kind: 'selection'; keys: LineKey[]; difference: Cents; amounts: Cents[]; reason: string };
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
  /** Who did what to the detail's line (the audit trail in words). */
  history: LineHistoryEntry[] | null;
  /** The difference form, open while a difference waits for its explanation. */
  explain: ExplainRequest | null;
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
  /** After a decision: the focused line's detail and history again (its match or category changed). */
  refreshDetail(): void;
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
  /** A suggestion at a difference opens the difference form instead of going in unexplained. */
  accept(matchId: string): Promise<boolean>;
  /** Accepts every suggestion of the account that adds up to zero, as one undoable step. */
  acceptAllExact(): Promise<number>;
  /** A selection that does not add up to zero opens the difference form. */
  matchSelection(difference: Cents, reason: string | null): Promise<boolean>;
  /** Sends the difference form. */
  confirmExplained(x: Explanation): Promise<boolean>;
  cancelExplain(): void;
  categorise(key: LineKey, category: ItemCategory | null, reason: string, counterAccount: string | null): Promise<boolean>;
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
    history: null,
    explain: null,
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
      set({ account, lines: [], expected: 0, loading: true, loadingRest: false, loadedMs: null, notes: new Map(), selected: new Set(), anchor: null, focus: null, noteFor: null, detail: null, history: null, explain: null });
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
    refreshDetail() {
      const focus = get().focus;
      if (focus) void get().loadDetail(focus);
    },
    async loadDetail(key) {
      const w = where();
      if (!w) return;
      const [detail, history] = await Promise.all([attempt(() => call('getLineDetail', w.unitId, w.account, w.period, key)), attempt(() => call('getLineHistory', w.unitId, key))]);
      if (get().focus === key) set({ detail: detail ?? null, history: history ?? null });
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
      const group = useMonth.getState().result?.matches.find((m) => m.id === matchId);
      if (group && group.difference !== 0) {
        const amounts = group.lines.map((k) => get().lines.find((l) => l.key === k)?.amount ?? 0);
        set({ explain: { kind: 'suggestion', matchId, difference: group.difference, amounts } });
        return false;
      }
      const who = by();
      if (!who) return false;
      const result = await attempt(() => call('acceptSuggestion', w.unitId, w.period, matchId, who), 'match');
      if (!result) return false;
      useMonth.getState().setResult(result);
      get().refreshDetail();
      useNotice.getState().say('match.done.accept', { undoable: true });
      return true;
    },
    async acceptAllExact() {
      const w = where();
      const who = by();
      if (!w || !who) return 0;
      const done = await attempt(() => call('acceptExactSuggestions', w.unitId, w.period, w.account, who), 'match');
      if (!done) return 0;
      useMonth.getState().setResult(done.result);
      get().refreshDetail();
      useNotice.getState().say(done.accepted === 1 ? 'match.done.acceptAll.one' : 'match.done.acceptAll.other', { params: { n: done.accepted }, undoable: done.accepted > 0 });
      return done.accepted;
    },
    async matchSelection(difference, reason) {
      const w = where();
      const keys = [...get().selected];
      if (!w || keys.length < 2) return false;
      if (difference !== 0) {
        const amounts = keys.map((k) => get().lines.find((l) => l.key === k)?.amount ?? 0);
        set({ explain: { kind: 'selection', keys, difference, amounts, reason: reason ?? '' } });
        return false;
      }
      const who = by();
      if (!who) return false;
      const result = await attempt(() => call('confirmMatch', w.unitId, w.account, keys, 0, null, who), 'match');
      if (!result) return false;
      useMonth.getState().setResult(result);
      set({ selected: new Set(), anchor: null });
      get().refreshDetail();
      useNotice.getState().say('match.done.match', { undoable: true });
      return true;
    },
    async confirmExplained(x) {
      const w = where();
      const req = get().explain;
      const who = by();
      if (!w || !req || !who) return false;
      const explanation = { category: x.category, reason: x.reason, ...(x.counterAccount ? { counterAccount: x.counterAccount } : {}), ...(x.aboveTolerance ? { aboveTolerance: true } : {}) };
      const result =
        req.kind === 'suggestion'
          ? await attempt(() => call('acceptSuggestion', w.unitId, w.period, req.matchId, who, explanation), 'match')
          : await attempt(() => call('confirmMatch', w.unitId, w.account, req.keys, req.difference, x.reason, who, explanation), 'match');
      if (!result) return false;
      useMonth.getState().setResult(result);
      set({ explain: null, ...(req.kind === 'selection' ? { selected: new Set<LineKey>(), anchor: null } : {}) });
      get().refreshDetail();
      useNotice.getState().say(req.kind === 'suggestion' ? 'match.done.accept' : 'match.done.match', { undoable: true });
      return true;
    },
    cancelExplain: () => set({ explain: null }),
    async categorise(key, category, reason, counterAccount) {
      const w = where();
      const who = by();
      if (!w || !who) return false;
      const result = await attempt(() => call('categoriseItem', w.unitId, w.period, key, category, reason, counterAccount, who), 'categorise');
      if (!result) return false;
      useMonth.getState().setResult(result);
      get().refreshDetail();
      useNotice.getState().say(category ? 'match.done.categorise' : 'match.done.uncategorise', { undoable: true });
      return true;
    },
    async unmatch(matchId) {
      const w = where();
      const who = by();
      if (!w || !who) return false;
      const result = await attempt(() => call('unmatch', w.unitId, matchId, who, null), 'match');
      if (!result) return false;
      useMonth.getState().setResult(result);
      get().refreshDetail();
      useNotice.getState().say('match.done.unmatch', { undoable: true });
      return true;
    },
    async undo() {
      const who = by();
      if (!who) return;
      const done = await attempt(() => call('undo', who), 'undo');
      if (!done) return;
      await useMonth.getState().loadResult();
      const account = get().account;
      if (account) {
        // An undo may have removed a note: reload this account's lines, keep the filters.
        const { filters, sort } = get();
        await get().load(account);
        set({ filters, sort });
      }
      // Said once the screen shows the undone state: what is opened next is not reset under the user.
      useNotice.getState().say('match.done.undo');
    },
    async saveNote(key, text) {
      const w = where();
      const who = by();
      if (!w || !who) return;
      const ok = await attempt(() => call('addNote', w.unitId, key, text, who), 'note');
      if (ok === undefined) return;
      set((s) => ({ notes: new Map(s.notes).set(key, text), noteFor: null, detail: s.detail?.key === key ? { ...s.detail, note: text } : s.detail }));
      get().refreshDetail();
      useNotice.getState().say('match.done.note', { undoable: true });
      void useMonth.getState().loadResult();
    },
  };
});
