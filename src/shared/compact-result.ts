// An AdministrationResult as it travels to the screen: its confirmed and suggested matches (100,000
// of them in a busy month) and its open items in columns, repeated texts once, defaults left out —
// a quarter of the JSON of the objects, so no host ever spends seconds passing it on. Pure: encoded in the backend, decoded
// in the renderer, and the decoded result equals the original.
import { decodeOpenItems, encodeOpenItems, type CompactOpenItems } from './compact-open-items';
import { textTable } from './text-table';
import type { AdministrationResult, CorrectionEntry, ItemCategory, MatchGroup } from './reconcile';

export interface CompactMatches {
  /** Position of each match in the original list (confirmed and suggested ones here, stale ones as they are). */
  at: number[];
  /** 1 for a suggested match, 0 for a confirmed one. */
  suggested?: number[];
  id: string[];
  unitId: number[];
  account: number[];
  method: number[];
  by: number[];
  when: number[];
  /** Evidence as bits: 1 amount, 2 date, 4 reference. */
  evidence: number[];
  /** Lines of match i: keys[lineStart[i] .. lineStart[i + 1]). */
  lineStart: number[];
  keys: string[];
  /** Matches with a difference or a reason: [index, difference, reason]. */
  stated: [number, number, string | null][];
  /**
   * Matches whose difference is a reconciling item: [index, category, correction]; a correction of
   * 0 stands for a group that has no `correction` field (JSON has no undefined).
   */
  categorised?: [number, ItemCategory | null, CorrectionEntry | null | 0][];
  /** Texts the columns above point into. */
  texts: string[];
}

export type ResultOnWire = Omit<AdministrationResult, 'matches'> & { matches: MatchGroup[]; otherAt: number[]; confirmed: CompactMatches; open?: CompactOpenItems };

/** The contract's methods that answer with an AdministrationResult: sent as ResultOnWire. */
export const RESULT_METHODS: ReadonlySet<string> = new Set([
  'getResult',
  'confirmMatch',
  'acceptSuggestion',
  'categoriseItem',
  'unmatch',
  'signOff',
  'rejectSignOff',
  'setTolerance',
  'setWalletBalance',
]);

/** The contract's methods that answer with an AdministrationResult under `result` (and more beside it). */
export const WRAPPED_RESULT_METHODS: ReadonlySet<string> = new Set(['acceptExactSuggestions']);

/** A method's answer as it goes out: its AdministrationResult (if any) compact. */
export function encodeAnswer(method: string, value: unknown): unknown {
  if (RESULT_METHODS.has(method)) return encodeResult(value as AdministrationResult);
  if (WRAPPED_RESULT_METHODS.has(method)) {
    const v = value as { result: AdministrationResult };
    return { ...v, result: encodeResult(v.result) };
  }
  return value;
}

/** An answer as it arrives: a compact AdministrationResult (at the top or under `result`) decoded. */
export function decodeAnswer(value: unknown): unknown {
  if (isResultOnWire(value)) return decodeResult(value);
  if (typeof value === 'object' && value !== null && 'result' in value && isResultOnWire((value as { result: unknown }).result)) {
    return { ...value, result: decodeResult((value as { result: ResultOnWire }).result) };
  }
  return value;
}

export function isResultOnWire(v: unknown): v is ResultOnWire {
  return typeof v === 'object' && v !== null && 'confirmed' in v && 'otherAt' in v;
}

export function encodeResult(r: AdministrationResult): ResultOnWire {
  const { texts, text } = textTable();
  const c: CompactMatches = { at: [], suggested: [], id: [], unitId: [], account: [], method: [], by: [], when: [], evidence: [], lineStart: [0], keys: [], stated: [], categorised: [], texts };
  const others: MatchGroup[] = [];
  const otherAt: number[] = [];
  r.matches.forEach((m, pos) => {
    if (m.status === 'stale' || m.staleReason !== undefined) {
      others.push(m);
      otherAt.push(pos);
      return;
    }
    const i = c.id.length;
    c.at.push(pos);
    c.suggested!.push(m.status === 'suggested' ? 1 : 0);
    c.id.push(m.id);
    c.unitId.push(m.unitId);
    c.account.push(text(m.account));
    c.method.push(text(m.method));
    c.by.push(text(m.confirmedBy));
    c.when.push(text(m.confirmedAt));
    c.evidence.push((m.evidence.amount ? 1 : 0) | (m.evidence.date ? 2 : 0) | (m.evidence.reference ? 4 : 0));
    for (const k of m.lines) c.keys.push(k);
    c.lineStart.push(c.keys.length);
    if (m.difference !== 0 || m.reason !== null) c.stated.push([i, m.difference, m.reason]);
    if ('category' in m) c.categorised!.push([i, m.category ?? null, 'correction' in m ? (m.correction ?? null) : 0]);
  });
  const { matches: _all, accounts, ...rest } = r;
  void _all;
  const open = encodeOpenItems(accounts);
  return { ...rest, accounts: open.accounts, matches: others, otherAt, confirmed: c, open: open.open };
}

export function decodeResult(w: ResultOnWire): AdministrationResult {
  const c = w.confirmed;
  const t = (i: number | undefined): string | null => (i === undefined || i < 0 ? null : c.texts[i]!);
  const stated = new Map(c.stated.map(([i, difference, reason]) => [i, { difference, reason }]));
  const categorised = new Map((c.categorised ?? []).map(([i, category, correction]) => [i, { category, correction }]));
  const matches = new Array<MatchGroup>(w.matches.length + c.id.length);
  w.matches.forEach((m, j) => (matches[w.otherAt[j]!] = m));
  for (let i = 0; i < c.id.length; i++) {
    const e = c.evidence[i]!;
    matches[c.at[i]!] = {
      id: c.id[i]!,
      unitId: c.unitId[i]!,
      account: t(c.account[i])!,
      lines: c.keys.slice(c.lineStart[i]!, c.lineStart[i + 1]!),
      status: c.suggested?.[i] === 1 ? 'suggested' : 'confirmed',
      method: t(c.method[i])!,
      difference: stated.get(i)?.difference ?? 0,
      reason: stated.get(i)?.reason ?? null,
      evidence: { amount: (e & 1) !== 0, date: (e & 2) !== 0, reference: (e & 4) !== 0 },
      confirmedBy: t(c.by[i]),
      confirmedAt: t(c.when[i]),
    };
    const cat = categorised.get(i);
    if (cat) {
      const m = matches[c.at[i]!]!;
      m.category = cat.category;
      if (cat.correction !== 0) m.correction = cat.correction;
    }
  }
  const { otherAt: _o, confirmed: _c, open, ...rest } = w;
  if (open) rest.accounts = decodeOpenItems(rest.accounts, open);
  void _o;
  void _c;
  return { ...rest, matches };
}
