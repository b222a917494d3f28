// Shared first half of reconcileAdministration and autoMatch: rule set, lines per account, stored
// matches replayed, and the passes run over what is still open.
import type { AdministrationConfig, MutationLine } from '../../shared/domain';
import type { StoredMatch } from '../../shared/reconcile';
import { dayNumber } from './dates';
import { matchAccount, sideOf, type AccountMatching } from './matching';
import { byDayThenKey, LEFT, makeItem, RIGHT, type Item, type Proposal, type Sides } from './pool';
import { buildRuleSet } from './profiles';
import type { MossRuleOptions } from './profiles/moss';
import type { ClearingAccountRule, ClearingRuleSet } from './rules';
import { invoiceCopyKeys } from './invoice-copies';
import { evaluateStoredMatches, type StoredEvaluation } from './stored';
import { tick } from './tick';

export interface PrepareInput {
  config: AdministrationConfig;
  lines: readonly MutationLine[];
  storedMatches: readonly StoredMatch[];
  /** Profile knobs beyond the stored configuration. */
  ruleOptions?: MossRuleOptions;
}

/** An account's lines in input order, with their entry day and index among the unit's lines. */
export interface AccountLines {
  lines: MutationLine[];
  day: number[];
  index: number[];
}

export interface Prepared {
  rules: ClearingRuleSet;
  /** The unit's lines. */
  lines: readonly MutationLine[];
  /** Entry day of each unit line (lines outside the rule accounts: computed when needed). */
  day: Int32Array;
  byAccount: Map<string, AccountLines>;
  stored: StoredEvaluation;
  matching: Map<string, AccountMatching>;
}

const NO_DAY = -0x80000000;

export function prepareLines(input: PrepareInput): Omit<Prepared, 'stored' | 'matching'> {
  const unitId = input.config.unitId;
  const unitLines = input.lines.every((l) => l.unitId === unitId) ? input.lines : input.lines.filter((l) => l.unitId === unitId);
  const rules = buildRuleSet(input.config, unitLines, input.ruleOptions);
  const byAccount = new Map<string, AccountLines>();
  for (const r of rules.accounts) if (!byAccount.has(r.account)) byAccount.set(r.account, { lines: [], day: [], index: [] });
  const day = new Int32Array(unitLines.length).fill(NO_DAY);
  for (let i = 0; i < unitLines.length; i++) {
    tick();
    const l = unitLines[i]!;
    const acc = byAccount.get(l.accountNo);
    if (acc === undefined) continue;
    const d = dayNumber(l.entryDate);
    day[i] = d;
    acc.lines.push(l);
    acc.day.push(d);
    acc.index.push(i);
  }
  return { rules: { ...rules, accounts: uniqueAccounts(rules.accounts) }, lines: unitLines, day, byAccount };
}

function uniqueAccounts(rules: readonly ClearingAccountRule[]): ClearingAccountRule[] {
  const seen = new Set<string>();
  return rules.filter((r) => (seen.has(r.account) ? false : (seen.add(r.account), true)));
}

/**
 * Items of the account's lines that are on a side, not zero, in no confirmed match (confirmedOf,
 * by unit line), not a copy of a document exported twice, per side in byDayThenKey order. Only the order within a side matters to the passes, and lines from
 * the store already come in that order per journal, so a side is only sorted when it is not.
 */
export function openSides(rule: ClearingAccountRule, acc: AccountLines, confirmedOf: Int32Array | null): Sides {
  const sides: Sides = { left: [], right: [] };
  if (!rule.tracksOpenItems || rule.passes.length === 0) return sides;
  const { lines, day, index } = acc;
  const copies = invoiceCopyKeys(rule, acc);
  for (let j = 0; j < lines.length; j++) {
    tick();
    const l = lines[j]!;
    if (l.amount === 0 || (confirmedOf !== null && confirmedOf[index[j]!] !== -1) || copies.has(l.key)) continue;
    const side = sideOf(rule, l);
    if (side === LEFT) sides.left.push(makeItem(l, side, day[j]!));
    else if (side === RIGHT) sides.right.push(makeItem(l, side, day[j]!));
  }
  sortItems(sides.left);
  sortItems(sides.right);
  return sides;
}

/**
 * Sorts by byDayThenKey (stable, as Array.prototype.sort): when out of order, first a counting sort
 * by day, then each day's run only when that run is out of order. The same order as a full sort,
 * at a fraction of its comparisons.
 */
function sortItems(items: Item[]): void {
  const n = items.length;
  let i = 1;
  while (i < n && byDayThenKey(items[i - 1]!, items[i]!) <= 0) i++;
  if (i >= n) return;
  let min = items[0]!.day;
  let max = min;
  for (const it of items) {
    if (it.day < min) min = it.day;
    if (it.day > max) max = it.day;
  }
  const span = max - min + 1;
  if (span > 4 * n + 1024) {
    items.sort(byDayThenKey);
    return;
  }
  const start = new Int32Array(span + 1); // start[d] = first position of day min + d
  for (const it of items) start[it.day - min + 1]!++;
  for (let d = 0; d < span; d++) start[d + 1]! += start[d]!;
  const next = start.slice(0, span);
  const byDay = new Array<Item>(n);
  for (const it of items) byDay[next[it.day - min]!++] = it;
  for (let d = 0; d < span; d++) {
    const from = start[d]!;
    const to = start[d + 1]!;
    let j = from + 1;
    while (j < to && byDayThenKey(byDay[j - 1]!, byDay[j]!) <= 0) j++;
    if (j < to) {
      const run = byDay.slice(from, to).sort(byDayThenKey);
      for (let k = 0; k < run.length; k++) byDay[from + k] = run[k]!;
    }
  }
  for (let k = 0; k < n; k++) items[k] = byDay[k]!;
}

const EMPTY: AccountLines = { lines: [], day: [], index: [] };

export function accountLines(prep: Pick<Prepared, 'byAccount'>, account: string): AccountLines {
  return prep.byAccount.get(account) ?? EMPTY;
}

export function prepare(input: PrepareInput): Prepared {
  return prepareMatches(prepareLines(input), input.storedMatches, input.config.unitId);
}

/** The second half of prepare, on lines prepared once (they are only read). */
export function prepareMatches(base: Omit<Prepared, 'stored' | 'matching'>, storedMatches: readonly StoredMatch[], unitId: number): Prepared {
  const { lines, day } = base;
  const dayOf = (i: number) => (day[i] !== NO_DAY ? day[i]! : (day[i] = dayNumber(lines[i]!.entryDate)));
  const stored = evaluateStoredMatches(storedMatches, lines, dayOf, unitId);
  const matching = new Map<string, AccountMatching>();
  for (const rule of base.rules.accounts) {
    tick();
    const acc = accountLines(base, rule.account);
    matching.set(rule.account, matchAccount(rule, openSides(rule, acc, stored.confirmedOfLine)));
  }
  return { ...base, stored, matching };
}

/**
 * Automatic matches of one account, to a fixpoint: removing the lines just matched can settle
 * what was undecided before (a search cut off by its budget, or a pair that was ambiguous while a
 * now-matched line still competed for it), so we run again until nothing new appears. That makes
 * a second autoMatch call return nothing.
 */
export function autoProposals(rule: ClearingAccountRule, acc: AccountLines, stored: StoredEvaluation, first: AccountMatching): Proposal[] {
  const autos = first.proposals.filter((p) => p.auto);
  // Nothing is undecided when the last round left no suggestion and no cut-off search.
  let undecided = first.capped || first.proposals.length > autos.length;
  if (!undecided || autos.length === 0) return autos;
  // Later rounds start from the first round's open items (already in order) minus what was matched.
  let open = openSides(rule, acc, stored.confirmedOfLine);
  const taken = new Set<MutationLine>();
  let added = 0; // autos[0, added) are in `taken` already
  for (let round = 0; undecided && added < autos.length && round < 20; round++) {
    for (; added < autos.length; added++) {
      tick();
      for (const it of autos[added]!.items) taken.add(it.line);
    }
    const keep = (items: Item[]) => {
      const out: Item[] = [];
      for (const it of items) {
        tick();
        if (!taken.has(it.line)) out.push(makeItem(it.line, it.side, it.day));
      }
      return out;
    };
    open = { left: keep(open.left), right: keep(open.right) };
    const next = matchAccount(rule, open);
    const fresh = next.proposals.filter((p) => p.auto);
    autos.push(...fresh);
    undecided = next.capped || next.proposals.length > fresh.length;
  }
  return autos;
}
