// The entry points: reconcileAdministration (the month-end picture of one administration) and
// autoMatch (the exact, unambiguous matches to persist). Pure: lines and decisions in, results out.
import type { AdministrationConfig, LineKey, MutationLine, Period } from '../../shared/domain';
import { periodId } from '../../shared/domain';
import type { Cents } from '../../shared/money';
import type {
  AccountResult,
  AccountRole,
  AdministrationResult,
  Flag,
  FlagCode,
  MatchGroup,
  MatchStatus,
  OpenItem,
  Rollforward,
  ReconcilingItem,
  StoredCategorisation,
  StoredMatch,
  StoredNote,
  StoredRejection,
  StoredSignOff,
  Tolerance,
  VoucherSummary,
} from '../../shared/reconcile';
import { DEFAULT_TOLERANCE } from '../../shared/tolerance';
import { accountBalances, ageBucket, emptyAging } from './balances';
import { dayNumber, periodDays, type PeriodDays } from './dates';
import * as F from './flags';
import { groupId, pairId } from './ids';
import { sideOf } from './matching';
import { LEFT, RIGHT, type Proposal } from './pool';
import { accountLines, autoProposals, prepare, prepareLines, prepareMatches, type AccountLines, type PrepareInput, type Prepared } from './prepare';
import type { MossRuleOptions } from './profiles/moss';
import { roleBit, rollforward } from './rollforward';
import { inJournalSet, type ClearingAccountRule, type PeriodPass } from './rules';
import { signOffState } from './signoff';
import { copiesOf, duplicateGroups, mergeDuplicates, type DuplicateGroup } from './duplicates';
import { tick } from './tick';
import { parseBankText } from '../../shared/bank-text';
import { linePeriod, periodKey, periodsPaidOn } from './tax-periods';
import { returnReason } from './text';
import { doesNotTieWithin } from './flags-documents';
import { invoiceCopyKeys } from './invoice-copies';
import { numbersOnTwoAccounts } from './shared-numbers';
import { reconcileTransitory } from './transitory';

export interface ReconcileInput {
  config: AdministrationConfig;
  period: Period;
  /** All synced lines of the profile's accounts, any date up to period end and possibly after. */
  lines: readonly MutationLine[];
  storedMatches: readonly StoredMatch[];
  notes: readonly StoredNote[];
  signOffs: readonly StoredSignOff[];
  walletBalance: Cents | null;
  /** YYYY-MM-DD */
  today: string;
  accountNames?: Record<string, string>;
  ruleOptions?: MossRuleOptions;
  /** The controller's categories of open items (reconciling items). */
  categories?: readonly StoredCategorisation[];
  /** The reviewer's rejections of a sign-off. */
  rejections?: readonly StoredRejection[];
  /** Per account; DEFAULT_TOLERANCE otherwise. */
  tolerances?: Readonly<Record<string, Tolerance>>;
  /** False when the period was never fetched from AFAS (default true): nothing can be judged. */
  fetched?: boolean;
}

function prepInput(input: ReconcileInput): PrepareInput {
  return { config: input.config, lines: input.lines, storedMatches: input.storedMatches, ...(input.ruleOptions ? { ruleOptions: input.ruleOptions } : {}) };
}

/** New confirmed matches (by 'auto') for the caller to persist; nothing new on a second call. */
export function autoMatch(input: ReconcileInput): StoredMatch[] {
  return autoMatchOn(prepare(prepInput(input)), input);
}

export function reconcileAdministration(input: ReconcileInput): AdministrationResult {
  return reconcileOn(prepare(prepInput(input)), input);
}

/** The unit's lines prepared once (rule set, lines per account): reused while the lines stay the same. */
export type PreparedLines = Omit<Prepared, 'stored' | 'matching'>;

export function prepareEngineLines(input: Pick<ReconcileInput, 'config' | 'lines' | 'ruleOptions'>): PreparedLines {
  return prepareLines({ config: input.config, lines: input.lines, storedMatches: [], ...(input.ruleOptions ? { ruleOptions: input.ruleOptions } : {}) });
}

/** autoMatch on lines prepared before (input.lines is not read). */
export function autoMatchPrepared(base: PreparedLines, input: Omit<ReconcileInput, 'lines'>): StoredMatch[] {
  return autoMatchOn(prepareMatches(base, input.storedMatches, input.config.unitId), input);
}

/** reconcileAdministration on lines prepared before (input.lines is not read). */
export function reconcilePrepared(base: PreparedLines, input: Omit<ReconcileInput, 'lines'>): AdministrationResult {
  return reconcileOn(prepareMatches(base, input.storedMatches, input.config.unitId), input);
}

/**
 * autoMatch, then reconcileAdministration with the new matches stored after the given ones, on
 * lines prepared once: the same results as the two calls, for a caller that makes both.
 */
export function reconcileWithAutoMatch(
  input: Omit<ReconcileInput, 'lines'> & { lines?: ReconcileInput['lines'] },
  base: PreparedLines = prepareEngineLines({ ...input, lines: input.lines ?? [] }),
): { autoMatches: StoredMatch[]; result: AdministrationResult } {
  const autoMatches = autoMatchOn(prepareMatches(base, input.storedMatches, input.config.unitId), input);
  const storedMatches = [...input.storedMatches, ...autoMatches];
  const result = reconcileOn(prepareMatches(base, storedMatches, input.config.unitId), { ...input, storedMatches });
  return { autoMatches, result };
}

function autoMatchOn(prep: Prepared, input: Pick<ReconcileInput, 'config' | 'today'>): StoredMatch[] {
  const out: StoredMatch[] = [];
  for (const rule of prep.rules.accounts) {
    tick();
    const first = prep.matching.get(rule.account);
    if (!first) continue;
    for (const p of autoProposals(rule, accountLines(prep, rule.account), prep.stored, first)) {
      tick();
      const a = p.items[0];
      const b = p.items[1];
      const lines: StoredMatch['lines'] =
        p.items.length === 2 ? [{ key: a!.line.key, amount: a!.line.amount }, { key: b!.line.key, amount: b!.line.amount }] : p.items.map((i) => ({ key: i.line.key, amount: i.line.amount }));
      out.push({
        id: lines.length === 2 ? pairId('auto', lines[0]!.key, lines[1]!.key) : groupId('auto', lines.map((l) => l.key)),
        unitId: input.config.unitId,
        account: rule.account,
        lines,
        method: p.method,
        difference: 0,
        reason: null,
        evidence: p.evidence,
        by: 'auto',
        at: input.today,
      });
    }
  }
  return out;
}

function reconcileOn(prep: Prepared, input: Omit<ReconcileInput, 'lines'>): AdministrationResult {
  const p = periodDays(input.period);
  const todayDay = dayNumber(input.today);
  const asOf = Math.min(todayDay, p.last);
  const unitId = input.config.unitId;

  const notes = latestNotes(input.notes, unitId);
  const categories = new Map<LineKey, StoredCategorisation>();
  for (const c of input.categories ?? []) if (c.unitId === unitId) categories.set(c.lineKey, c);
  const signOffs = input.signOffs.filter((s) => s.unitId === unitId);
  const rejections = (input.rejections ?? []).filter((r) => r.unitId === unitId);
  const fetched = input.fetched ?? true;
  const flags: Flag[] = [];
  const matches: MatchGroup[] = [];
  const roleOf = new Map<string, AccountRole>(prep.rules.accounts.map((r) => [r.account, r.role]));

  // Stored matches: stale always shown; confirmed when they touch the period or clear after it.
  const st = prep.stored;
  const shown: number[] = [];
  // Confirmed matches at a difference, complete by period end: the difference is still on the account.
  const differences = new Map<string, number[]>();
  const within = (d: number) => d >= p.first && d <= p.last;
  for (let k = 0; k < st.matches.length; k++) {
    tick();
    if (!roleOf.has(st.matches[k]!.account)) continue;
    if (st.staleReason[k] !== null) {
      shown.push(k);
      continue;
    }
    const sm = st.matches[k]!;
    if (sm.difference !== 0 && st.first[k]! <= st.last[k]! && st.last[k]! <= p.last) {
      (differences.get(sm.account) ?? differences.set(sm.account, []).get(sm.account)!).push(k);
    }
    // Confirmed: shown when a line falls in the period, or the match spans the period end.
    const first = st.first[k]!;
    const last = st.last[k]!;
    if (first <= last && (within(first) || within(last) || (first <= p.last && last > p.last))) shown.push(k);
  }
  for (const k of st.inReplayOrder(shown)) {
    tick();
    const g = st.group(k);
    matches.push(g);
    if (g.status === 'stale') flags.push(F.staleMatch(g.account, g.lines, g.staleReason!));
  }

  const accounts: AccountResult[] = [];
  const duplicates: DuplicateGroup[] = [];
  let inTransit = { count: 0, total: 0 };
  for (const rule of prep.rules.accounts) {
    tick();
    const lines = accountLines(prep, rule.account);
    const proposals = (prep.matching.get(rule.account)?.proposals ?? []).filter((pr) => pr.items.some((i) => i.day <= p.last));
    const acc = reconcileAccount(rule, lines, proposals, prep, input.period, p, asOf, todayDay, input.walletBalance, notes, categories);
    // A month never fetched has nothing to flag: its emptiness is not a finding.
    if (fetched) {
      flags.push(...acc.flags);
      duplicates.push(...acc.duplicates);
    }
    for (const pr of proposals) matches.push(suggestion(pr, rule.account, unitId));
    const openCount = acc.openItems.length;
    const signOff = signOffState(signOffs, rule.account, periodId(input.period), { closing: acc.closing, openItems: openCount }, rejections);
    const items = reconcilingItems(rule.account, acc.openItems, differences.get(rule.account) ?? [], st, acc.openVouchers);
    const categorised = items.reduce((sum, i) => (i.categorisation ? sum + i.amount : sum), 0);
    const status: AccountResult['status'] = !fetched
      ? 'not-fetched'
      : rule.expected === 'external' && input.walletBalance === null
        ? 'awaiting-balance'
        : acc.clears
          ? 'clears'
          : 'does-not-clear';
    const judged = status === 'clears' || status === 'does-not-clear';
    if (rule.role === 'cashInTransit') {
      const paid = acc.openItems.filter((o) => sideOf(rule, o.line) !== LEFT && o.line.amount > 0);
      inTransit = { count: paid.length, total: paid.reduce((s, o) => s + o.line.amount, 0) };
    }
    accounts.push({
      role: rule.role,
      profile: rule.profile,
      expectedKind: rule.expected,
      ...(rule.dueWithinDays !== undefined ? { dueWithinDays: rule.dueWithinDays } : {}),
      account: rule.account,
      name: input.accountNames?.[rule.account] ?? null,
      opening: acc.opening,
      debit: acc.debit,
      credit: acc.credit,
      closing: acc.closing,
      expected: acc.expected,
      difference: acc.difference,
      clears: fetched && acc.clears,
      status,
      lineCount: acc.lineCount,
      openItems: acc.openItems,
      agingTotals: acc.agingTotals,
      dailyBalances: acc.dailyBalances,
      signOff,
      reconcilingItems: items,
      categorised,
      unexplained: judged ? acc.closing - acc.expected - categorised : null,
      tolerance: input.tolerances?.[rule.account] ?? DEFAULT_TOLERANCE,
      ...(acc.openVouchers ? { openVouchers: acc.openVouchers, voucherCount: acc.voucherCount ?? 0, vouchers: acc.vouchers ?? [] } : {}),
    });
  }

  // One duplicate flag per double export, whichever accounts its entries touch.
  flags.push(...mergeDuplicates(duplicates));
  // A document number on two accounts that share their numbers (a report on two employees).
  if (fetched) flags.push(...numbersOnTwoAccounts(prep, p, accounts));

  // Open items carry the codes of the flags that name them. A duplicate's flag names the lines on
  // its home account; its lines on the other accounts (a run's tax and pension lines) are duplicates too.
  const codes = new Map<LineKey, Set<FlagCode>>();
  // "Does not clear" names every open item (so "Toon" shows them); on each item it would only repeat the account's status.
  for (const f of flags) if (f.code !== 'does-not-clear') for (const k of f.lines) (codes.get(k) ?? codes.set(k, new Set()).get(k)!).add(f.code);
  for (const g of duplicates) for (const l of g.lines) (codes.get(l.key) ?? codes.set(l.key, new Set()).get(l.key)!).add('duplicate');
  for (const a of accounts) for (const o of a.openItems) o.flags = [...(codes.get(o.line.key) ?? [])].sort();

  const matchCounts: Record<MatchStatus, number> = { suggested: 0, confirmed: 0, stale: 0 };
  for (const m of matches) matchCounts[m.status]++;

  return {
    unitId,
    name: input.config.name ?? null,
    period: input.period,
    accounts,
    matches,
    flags,
    rollforward: tieOut(prep, p, input.walletBalance, inTransit),
    matchCounts,
    fetched,
  };
}

/**
 * The account's reconciling items: its open items, then the differences of its matches. A
 * transitory account's are its open vouchers: each explains its remainder (what its lines do not
 * net to over all dates), categorised by the latest category given to any of its lines.
 */
function reconcilingItems(account: string, openItems: readonly OpenItem[], differenceMatches: readonly number[], st: Prepared['stored'], openVouchers?: readonly VoucherSummary[]): ReconcilingItem[] {
  if (openVouchers) {
    const byVoucher = new Map<string, OpenItem[]>();
    for (const o of openItems) if (o.voucherNo !== undefined) (byVoucher.get(o.voucherNo) ?? byVoucher.set(o.voucherNo, []).get(o.voucherNo)!).push(o);
    return openVouchers.map((v) => {
      const its = byVoucher.get(v.voucherNo) ?? [];
      let categorisation: ReconcilingItem['categorisation'] = null;
      for (const o of its) if (o.categorisation && (!categorisation || o.categorisation.at > categorisation.at)) categorisation = o.categorisation;
      return { kind: 'voucher', account, lines: its.map((o) => o.line.key), matchId: null, amount: v.remainder, categorisation, voucherNo: v.voucherNo };
    });
  }
  // An item expected to be open (not yet due) is part of `expected`, not a reconciling item.
  const out: ReconcilingItem[] = openItems.filter((o) => o.reason !== 'not-yet-due').map((o) => ({
    kind: 'open-item',
    account,
    lines: [o.line.key],
    matchId: null,
    amount: o.line.amount,
    categorisation: o.categorisation ?? null,
  }));
  for (const k of differenceMatches) {
    const m = st.matches[k]!;
    out.push({
      kind: 'match-difference',
      account,
      lines: m.lines.map((l) => l.key),
      matchId: m.id,
      amount: m.difference,
      // A difference always has a reason; without a category (matches from before categories) it is not yet explained.
      categorisation: m.category ? { category: m.category, reason: m.reason ?? '', correction: m.correction ?? null, by: m.by, at: m.at } : null,
    });
  }
  return out;
}

function latestNotes(notes: readonly StoredNote[], unitId: number): Map<LineKey, StoredNote> {
  const out = new Map<LineKey, StoredNote>();
  for (const n of notes) {
    if (n.unitId !== unitId) continue;
    const prev = out.get(n.lineKey);
    if (!prev || n.at >= prev.at) out.set(n.lineKey, n);
  }
  return out;
}

function suggestion(pr: Proposal, account: string, unitId: number): MatchGroup {
  const keys = pr.items.map((i) => i.line.key);
  return {
    id: groupId(pr.auto ? 'auto' : 'sugg', keys),
    unitId,
    account,
    lines: keys,
    status: 'suggested',
    method: pr.method,
    difference: pr.difference,
    reason: null,
    evidence: pr.evidence,
    confirmedBy: null,
    confirmedAt: null,
  };
}

/** An account's figures before naming, status and sign-off are added. */
type AccountComputation = Omit<AccountResult, 'role' | 'profile' | 'expectedKind' | 'account' | 'name' | 'status' | 'signOff'> & { flags: Flag[]; duplicates: DuplicateGroup[] };

function reconcileAccount(
  rule: ClearingAccountRule,
  acc: AccountLines,
  proposals: readonly Proposal[],
  prep: Prepared,
  period: Period,
  p: PeriodDays,
  asOf: number,
  todayDay: number,
  wallet: Cents | null,
  notes: ReadonlyMap<LineKey, StoredNote>,
  categories: ReadonlyMap<LineKey, StoredCategorisation>,
): AccountComputation {
  const { lines, day, index } = acc;
  const bal = accountBalances(lines, day, p);
  if (rule.expected === 'unreleased') {
    // A transitory account: by voucher, against the releases still to come (transitory.ts).
    const t = reconcileTransitory(rule, acc, period, p, bal.closing, asOf, notes, categories);
    const { dailyBalances, opening, debit, credit, closing, lineCount } = bal;
    return { opening, debit, credit, closing, lineCount, dailyBalances, expected: t.expected, difference: closing - t.expected, clears: t.clears, openItems: t.openItems, agingTotals: t.agingTotals, flags: t.flags, duplicates: [], openVouchers: t.openVouchers, voucherCount: t.voucherCount, vouchers: t.vouchers };
  }
  const flags: Flag[] = [];
  const st = prep.stored;
  const confirmedOf = st.confirmedOfLine;

  const openItems: OpenItem[] = [];
  /** Open items whose line is in a confirmed match (one that clears after the period). */
  const confirmedOpen = new Set<OpenItem>();
  const agingTotals = emptyAging();
  const relevant: MutationLine[] = [];
  for (let j = 0; j < lines.length; j++) {
    tick();
    const d = day[j]!;
    if (d > p.last) continue;
    const l = lines[j]!;
    let open = false;
    if (rule.tracksOpenItems && l.amount !== 0) {
      // Cleared at period end: in a confirmed match whose lines all lie on or before the last day.
      const k = confirmedOf === null ? -1 : confirmedOf[index[j]!]!;
      if (k === -1 || st.last[k]! > p.last) {
        open = true;
        const ageDays = Math.max(0, asOf - d);
        const bucket = ageBucket(ageDays);
        agingTotals[bucket] += l.amount;
        const c = categories.get(l.key);
        const categorisation = c ? { category: c.category, reason: c.reason, correction: c.correction, by: c.by, at: c.at } : null;
        const o: OpenItem = { line: l, ageDays, bucket, flags: [], note: notes.get(l.key)?.text ?? null, categorisation };
        openItems.push(o);
        if (k !== -1) confirmedOpen.add(o);
      }
    }
    if (open || d >= p.first) relevant.push(l);
  }
  openItems.sort((a, b) => {
    tick();
    return a.line.entryDate < b.line.entryDate ? -1 : a.line.entryDate > b.line.entryDate ? 1 : a.line.key < b.line.key ? -1 : 1;
  });

  // Lines from journals that should not post here.
  const byJournal = new Map<string, MutationLine[]>();
  for (const l of relevant) {
    tick();
    if (inJournalSet(rule.allowedJournals, l.journalId)) continue;
    (byJournal.get(l.journalId) ?? byJournal.set(l.journalId, []).get(l.journalId)!).push(l);
  }
  for (const [j, ls] of [...byJournal].sort()) flags.push(F.unexpectedJournal(rule, j, ls));

  const open = new Set(openItems.map((o) => o.line.key));
  const duplicates = duplicateGroups(rule, acc, relevant, p).map((g) => ({ ...g, open: g.lines.some((l) => open.has(l.key)) }));
  // A copy of an entry exported twice is to be reversed, not waited for: not "missing" its
  // counterpart, and not part of a liability either.
  const copies = new Set(duplicates.flatMap((g) => copiesOf(g)).map((l) => l.key));
  for (const k of invoiceCopyKeys(rule, acc)) copies.add(k);

  // Balance against expectation.
  let expected = 0;
  let clears: boolean;
  if (rule.expected === 'external') {
    expected = wallet ?? bal.closing;
    clears = wallet !== null && bal.closing === wallet;
    if (!clears) flags.push(F.walletDifference(rule.account, bal.closing, wallet));
  } else if (rule.expected === 'not-yet-due') {
    // The liability not yet due: the period's own document-side lines (paid after the period
    // ends), or those younger than the payment cycle at the period's end. Those are expected to be
    // open; only what is older (or foreign, or a copy) stops the account clearing.
    const key = periodKey(period);
    const within = rule.dueWithinDays;
    const others: MutationLine[] = [];
    for (const o of openItems) {
      const doc = sideOf(rule, o.line) === LEFT && inJournalSet(rule.left, o.line.journalId) && !copies.has(o.line.key);
      const due = within === undefined ? periodKey(linePeriod(o.line)) === key : p.last - dayNumber(o.line.entryDate) < within;
      if (doc && due) {
        o.reason = 'not-yet-due';
        expected += o.line.amount;
      } else {
        others.push(o.line);
      }
    }
    clears = bal.closing === expected;
    if (!clears) flags.push(within === undefined ? F.doesNotTie(rule, bal.closing, expected, others) : doesNotTieWithin(rule, within, bal.closing, expected, others));
  } else {
    clears = bal.closing === 0;
    if (!clears) flags.push(F.doesNotClear(rule, bal.closing, openItems.map((o) => o.line)));
  }

  // Suggestions that need a look.
  for (const pr of proposals) {
    tick();
    const ls = pr.items.map((i) => i.line);
    if (pr.kind === 'difference') flags.push(F.amountMismatch(rule, pr.items.filter((i) => i.side === LEFT).map((i) => i.line), pr.items.filter((i) => i.side !== LEFT).map((i) => i.line), pr.difference));
    if (pr.kind === 'subset') flags.push(F.splitOrMerged(rule, ls[0]!, ls.slice(1), pr.auto));
  }

  // Lines with a flag of their own are not also "missing" their counterpart.
  const explained = new Set<LineKey>(copies);
  if (rule.returnsReopen) {
    for (const l of relevant) {
      tick();
      if (!inJournalSet(rule.right, l.journalId)) continue;
      const reason = returnReason(l);
      if (reason === null) continue;
      explained.add(l.key);
      flags.push(F.returnedPayment(rule, l, reason, parseBankText(l.lineDescription ?? l.description)?.counterparty.name ?? null, open.has(l.key)));
    }
  }
  const periodPass = rule.passes.find((x): x is PeriodPass => x.kind === 'period');
  if (periodPass && rule.tracksOpenItems) {
    const proposed = new Set(proposals.flatMap((pr) => pr.items.map((i) => i.line.key)));
    let withLines: Set<string> | null = null;
    for (const o of openItems) {
      tick();
      if (proposed.has(o.line.key) || confirmedOpen.has(o) || sideOf(rule, o.line) !== RIGHT) continue;
      withLines ??= new Set(lines.filter((l) => sideOf(rule, l) === LEFT).map((l) => periodKey(linePeriod(l))));
      const paid = periodsPaidOn(dayNumber(o.line.entryDate), periodPass.maxDaysAfter);
      if (paid.some((x) => withLines!.has(periodKey(x)))) continue;
      explained.add(o.line.key);
      flags.push(F.paymentWithoutCredits(rule, o.line, paid, periodPass.maxDaysAfter));
    }
  }

  // No counterpart at all (not even a suggestion), older than the grace period as of today.
  if (rule.tracksOpenItems) {
    const proposed = new Set<LineKey>();
    for (const pr of proposals) for (const i of pr.items) proposed.add(i.line.key);
    const missing: Record<'left' | 'right', MutationLine[]> = { left: [], right: [] };
    for (const o of openItems) {
      tick();
      const side = sideOf(rule, o.line);
      if (side === null || o.reason !== undefined || proposed.has(o.line.key) || confirmedOpen.has(o) || explained.has(o.line.key)) continue;
      if (todayDay - dayNumber(o.line.entryDate) <= rule.missingCounterpartDays) continue;
      missing[side === LEFT ? 'left' : 'right'].push(o.line);
    }
    for (const s of ['left', 'right'] as const) if (missing[s].length > 0) flags.push(F.missingCounterpart(rule, s, missing[s], rule.missingCounterpartDays));

    const old = openItems.filter((o) => o.ageDays > rule.openDaysThreshold && o.reason === undefined);
    if (old.length > 0) {
      const byBucket = emptyAging();
      for (const o of old) byBucket[o.bucket] += o.line.amount;
      flags.push(F.openTooLong(rule, old.map((o) => o.line), Math.max(...old.map((o) => o.ageDays)), byBucket));
    }
  }

  return {
    opening: bal.opening,
    debit: bal.debit,
    credit: bal.credit,
    closing: bal.closing,
    expected,
    difference: bal.closing - expected,
    clears,
    lineCount: bal.lineCount,
    dailyBalances: bal.dailyBalances,
    openItems,
    agingTotals,
    flags,
    duplicates,
  };
}

function tieOut(prep: Prepared, p: PeriodDays, wallet: Cents | null, inTransit: { count: number; total: Cents }): Rollforward {
  const rule = prep.rules.tieOut;
  if (!rule) {
    return { opening: 0, topUps: 0, spend: 0, refunds: 0, other: 0, closing: 0, wallet, difference: null, likelyCauses: [] };
  }
  // One unit, one journal: the entry number alone identifies the entry. Only the entries of the
  // tie-out account's period lines are classified.
  const own = accountLines(prep, rule.account);
  const entryRoles = new Map<number, number>();
  for (let j = 0; j < own.lines.length; j++) {
    tick();
    const l = own.lines[j]!;
    if (own.day[j]! >= p.first && own.day[j]! <= p.last && l.journalId === rule.journal) entryRoles.set(l.entryNo, 0);
  }
  if (entryRoles.size > 0) {
    for (const acc of prep.rules.accounts) {
      tick();
      if (acc.account === rule.account) continue;
      const bit = roleBit(acc.role);
      for (const l of accountLines(prep, acc.account).lines) {
        if (l.journalId !== rule.journal) continue;
        const roles = entryRoles.get(l.entryNo);
        if (roles !== undefined) entryRoles.set(l.entryNo, roles | bit);
      }
    }
  }
  return rollforward({ rule, lines: own.lines, day: own.day, entryRoles, period: p, wallet, topUpsInTransit: inTransit });
}
