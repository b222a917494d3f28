// A small in-test MonthEnd over hand-made lines: exercises the screens without AFAS, and seeds the
// 100,000-line account for the rendering benchmark. Matching and totals are exact integer cents.
import type { AccountLinesView, MonthEnd, WorkspaceView } from '../../src/main/app/types';
import { AppFailure } from '../../src/shared/errors';
import type { AdministrationConfig, LineKey, MutationLine } from '../../src/shared/domain';
import { AGE_BUCKETS, type AccountResult, type AccountRole, type AdministrationResult, type MatchGroup } from '../../src/shared/reconcile';

const UNIT = 1;
const ADMIN: AdministrationConfig = {
  unitId: UNIT,
  name: 'Demo BV',
  profile: 'moss',
  moss: { balanceAccount: '1100', cashInTransitAccount: '2100', defaultSupplier: '16000', purchaseJournal: 'MOS', bankJournal: 'BNK', bankAccounts: ['1200'] },
};
const ROLES: [string, AccountRole, string][] = [
  ['2100', 'cashInTransit', 'Kruisposten'],
  ['16000', 'defaultSupplier', 'Moss Default Supplier'],
  ['1100', 'mossBalance', 'Moss Balance'],
];

export function line(account: string, journal: string, entryNo: number, day: number, amount: number, text: string): MutationLine {
  const date = `2025-03-${String(day).padStart(2, '0')}`;
  return {
    key: `${UNIT}/${journal}/${entryNo}/1`,
    unitId: UNIT, journalId: journal, entryNo, seqNo: 1, year: 2025, period: 3, accountNo: account, accountType: null,
    entryDate: date, voucherDate: date, voucherNo: `${journal}${entryNo}`, invoiceId: null, description: text, lineDescription: text,
    debit: Math.max(0, amount), credit: Math.max(0, -amount), amount, modified: null,
  };
}

/** Cash in transit with `pairs` exact top-up pairs plus one 1:2 split and one unmatched payment. */
export function demoLines(pairs = 6): MutationLine[] {
  const out: MutationLine[] = [];
  let n = 1000;
  for (let i = 0; i < pairs; i++) {
    const amount = 250_000 + i * 12_345;
    out.push(line('2100', 'BNK', n++, 2 + i * 3, amount, `Top-up Moss ${i + 1}`));
    out.push(line('2100', 'MOS', n++, 3 + i * 3, -amount, `Moss wallet top-up ${i + 1}`));
  }
  out.push(line('2100', 'BNK', n++, 25, 300_000, 'Top-up Moss split'));
  out.push(line('2100', 'MOS', n++, 26, -100_000, 'Moss top-up part 1'));
  out.push(line('2100', 'MOS', n++, 26, -200_000, 'Moss top-up part 2'));
  out.push(line('2100', 'BNK', n++, 28, 75_000, 'Top-up without Moss entry'));
  out.push(line('16000', 'MOS', n++, 5, -12_100, 'Card: Albert Heijn'));
  out.push(line('16000', 'BNK', n++, 5, 12_100, 'Card: Albert Heijn'));
  out.push(line('1100', 'MOS', n++, 3, 250_000, 'Wallet top-up'));
  out.push(line('1100', 'BNK', n, 5, -12_100, 'Card spend'));
  return out;
}

export function fakeMonthEnd(lines: MutationLine[], opts: { suggest?: boolean } = {}): MonthEnd & { lines: MutationLine[] } {
  let demo = false;
  let matchNo = 1;
  const confirmed = new Map<string, MatchGroup>();
  const notes = new Map<LineKey, string>();
  const signOffs = new Map<string, { preparer: { by: string; at: string } | null; reviewer: { by: string; at: string } | null; closing: number }>();
  const history: (() => void)[] = [];
  let wallet: number | null = null;
  // The lines never change: what depends only on them is worked out once, so a decision costs
  // what it changes, not a pass over 100,000 lines (the bench times the screen, not this fake).
  const grouped = Map.groupBy(lines, (l) => l.accountNo);
  const byKey = new Map(lines.map((l) => [l.key, l]));
  const totals = new Map([...grouped].map(([account, ls]) => {
    const perDay = new Map<string, number>();
    for (const l of ls) perDay.set(l.entryDate, (perDay.get(l.entryDate) ?? 0) + l.amount);
    const daily: { date: string; balance: number }[] = [];
    let bal = 0;
    for (let d = 1; d <= 31; d++) {
      const date = `2025-03-${String(d).padStart(2, '0')}`;
      bal += perDay.get(date) ?? 0;
      daily.push({ date, balance: bal });
    }
    return [account, { debit: ls.reduce((s, l) => s + l.debit, 0), credit: ls.reduce((s, l) => s + l.credit, 0), closing: ls.reduce((s, l) => s + l.amount, 0), daily }];
  }));
  const matchedKeys = () => new Set([...confirmed.values()].flatMap((g) => g.lines));
  const suggestions = (): MatchGroup[] => {
    if (opts.suggest === false) return [];
    const used = matchedKeys();
    const open = lines.filter((l) => !used.has(l.key) && l.accountNo === '2100');
    const credits = new Map<number, MutationLine[]>();
    for (const l of open) if (l.amount < 0) credits.set(-l.amount, [...(credits.get(-l.amount) ?? []), l]);
    const out: MatchGroup[] = [];
    for (const d of open) {
      if (d.amount <= 0) continue;
      const c = credits.get(d.amount)?.shift();
      if (c) out.push({ id: `s-${d.key}-${c.key}`, unitId: UNIT, account: '2100', lines: [d.key, c.key], status: 'suggested', method: 'cit-exact', difference: 0, reason: null, evidence: { amount: true, date: true, reference: false }, confirmedBy: null, confirmedAt: null });
    }
    return out;
  };
  const result = (): AdministrationResult => {
    const used = matchedKeys();
    const accounts: AccountResult[] = ROLES.map(([account, role, name]) => {
      const ls = grouped.get(account) ?? [];
      const { debit, credit, closing, daily } = totals.get(account) ?? { debit: 0, credit: 0, closing: 0, daily: [] };
      const expected = role === 'mossBalance' ? (wallet ?? closing) : 0;
      const open: MutationLine[] = [];
      for (const l of ls) {
        if (open.length === 50) break;
        if (!used.has(l.key)) open.push(l);
      }
      const so = signOffs.get(account);
      const suspended = Boolean(so && so.closing !== closing);
      const agingTotals = Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0])) as AccountResult['agingTotals'];
      agingTotals['0-30'] = closing;
      for (const k of used) {
        const l = byKey.get(k);
        if (l?.accountNo === account) agingTotals['0-30'] -= l.amount;
      }
      const clears = closing === expected;
      return {
        role, account, name, opening: 0, debit, credit, closing, expected, difference: closing - expected, clears,
        status: role === 'mossBalance' && wallet === null ? 'awaiting-balance' : clears ? 'clears' : 'does-not-clear',
        lineCount: ls.length,
        openItems: open.map((l) => ({ line: l, ageDays: 3, bucket: '0-30' as const, flags: [], note: notes.get(l.key) ?? null })),
        agingTotals, dailyBalances: daily,
        signOff: { preparer: suspended ? null : (so?.preparer ?? null), reviewer: suspended ? null : (so?.reviewer ?? null), suspended, suspendedReason: suspended ? { nl: 'Het saldo is gewijzigd na aftekenen.', en: 'The balance changed after sign-off.' } : null },
      };
    });
    const cit = accounts[0]!;
    const sugg = suggestions();
    return {
      unitId: UNIT, name: 'Demo BV', period: { year: 2025, month: 3 }, accounts,
      matches: [...sugg, ...confirmed.values()],
      flags: cit.difference ? [{ code: 'does-not-clear', severity: 'error', account: '2100', lines: [], message: { nl: `Kruisposten sluit niet op nul.`, en: `Cash in transit does not clear to zero.` } }] : [],
      rollforward: { opening: 0, topUps: 250_000, spend: -12_100, refunds: 0, other: 0, closing: accounts[2]!.closing, wallet, difference: wallet === null ? null : accounts[2]!.closing - wallet, likelyCauses: [] },
      matchCounts: { suggested: sugg.length, confirmed: confirmed.size, stale: 0 },
    };
  };
  const ws = (): WorkspaceView => ({
    environment: demo ? { number: '12345', type: 'test', label: 'Demo 12345' } : null,
    token: { stored: demo, lastVerified: null, kind: demo ? 'classic' : null },
    administrations: demo ? [ADMIN] : [], demo, lastSync: null, ...(demo ? { period: { year: 2025, month: 3 } } : {}),
  });
  const add = (g: MatchGroup) => {
    confirmed.set(g.id, g);
    history.push(() => confirmed.delete(g.id));
  };
  return {
    lines,
    workspace: ws,
    saveEnvironment: async () => ws(),
    storeClassicToken: async () => ws(),
    signInWithAfas: async () => ws(),
    signOutAfas: async () => ws(),
    testConnection: async () => ({ profitVersion: 'fake', administrations: [{ unitId: UNIT, name: 'Demo BV' }] }),
    readiness: async () => [],
    choices: async () => ({ administrations: [], journals: [], accounts: [], creditors: [] }),
    saveAdministration: ws,
    startSync: () => ({ runId: 'r1' }),
    syncStatus: () => ({ runId: 'r1', state: 'done', phase: 'done', rowsFetched: lines.length, estimatedTotal: lines.length, slice: null, slicesDone: 1, slicesTotal: 1, rowsPerSecond: 0, etaSeconds: 0, error: null }),
    cancelSync: () => undefined,
    result,
    accountLines: (_u, account): AccountLinesView => {
      const idx = new Map<LineKey, MatchGroup>();
      for (const g of [...suggestions(), ...confirmed.values()]) for (const k of g.lines) idx.set(k, g);
      return { account, lines: (grouped.get(account) ?? []).map((l) => ({ ...l, matchId: idx.get(l.key)?.id ?? null, matchStatus: idx.get(l.key)?.status ?? null, note: notes.get(l.key) ?? null })) };
    },
    confirmMatch: (_u, account, keys, difference, reason, by) => {
      const wanted = new Set(keys);
      const sum = [...wanted].reduce((s, k) => s + (byKey.get(k)?.amount ?? 0), 0);
      if (sum !== difference) throw new AppFailure('match.sum', { nl: 'Som klopt niet.', en: 'Sum does not add up.' });
      add({ id: `m${matchNo++}`, unitId: UNIT, account, lines: keys, status: 'confirmed', method: 'manual', difference, reason, evidence: { amount: true, date: false, reference: false }, confirmedBy: by, confirmedAt: new Date().toISOString() });
      return result();
    },
    acceptSuggestion: (_u, _p, id, by) => {
      const s = suggestions().find((g) => g.id === id);
      if (!s) throw new AppFailure('match.gone', { nl: 'Voorstel bestaat niet meer.', en: 'Suggestion no longer exists.' });
      add({ ...s, id: `m${matchNo++}`, status: 'confirmed', confirmedBy: by, confirmedAt: new Date().toISOString() });
      return result();
    },
    unmatch: (_u, id) => {
      const g = confirmed.get(id);
      confirmed.delete(id);
      if (g) history.push(() => confirmed.set(id, g));
      return result();
    },
    undo: () => {
      const f = history.pop();
      f?.();
      return { undone: f ? 'last' : null };
    },
    addNote: (_u, key, text) => {
      const before = notes.get(key);
      notes.set(key, text);
      history.push(() => (before === undefined ? notes.delete(key) : notes.set(key, before)));
    },
    signOff: (_u, account, _p, role, by) => {
      const closing = result().accounts.find((a) => a.account === account)!.closing;
      const so = signOffs.get(account) ?? { preparer: null, reviewer: null, closing };
      so[role] = { by, at: new Date().toISOString() };
      so.closing = closing;
      signOffs.set(account, so);
      return result();
    },
    setWalletBalance: (_u, _p, cents) => {
      wallet = cents;
      return result();
    },
    acceptExactSuggestions: () => ({ result: result(), accepted: 0 }),
    categoriseItem: () => result(),
    rejectSignOff: () => result(),
    setTolerance: () => result(),
    lineHistory: () => [],
    exportWorkbook: async (_u, _p, path) => ({ path }),
    markDemo: () => {
      demo = true;
    },
    close: async () => undefined,
  };
}
