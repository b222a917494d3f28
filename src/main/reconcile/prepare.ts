// Shared first half of reconcileAdministration and autoMatch: rule set, lines per account, stored
// matches replayed, and the passes run over what is still open.
import type { AdministrationConfig, LineKey, MutationLine } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import type { StoredMatch } from '../../shared/reconcile';
import { matchAccount, sideOf, type AccountMatching } from './matching';
import { byDayThenKey, makeItem, type Item, type Proposal } from './pool';
import { mossRuleSet, type MossRuleOptions } from './profiles/moss';
import type { ClearingAccountRule, ClearingRuleSet } from './rules';
import { evaluateStoredMatches, type StoredEvaluation } from './stored';

export interface PrepareInput {
  config: AdministrationConfig;
  lines: readonly MutationLine[];
  storedMatches: readonly StoredMatch[];
  /** Profile knobs beyond the stored configuration. */
  ruleOptions?: MossRuleOptions;
}

export interface Prepared {
  rules: ClearingRuleSet;
  byAccount: Map<string, MutationLine[]>;
  lineByKey: Map<LineKey, MutationLine>;
  stored: StoredEvaluation;
  matching: Map<string, AccountMatching>;
}

export function buildRuleSet(config: AdministrationConfig, lines: readonly MutationLine[], options?: MossRuleOptions): ClearingRuleSet {
  if (config.profile === 'moss') return mossRuleSet(config.moss, lines, options);
  throw new AppFailure(
    'unknown-profile',
    { nl: `Onbekend profiel "${String(config.profile)}" voor administratie ${config.unitId}.`, en: `Unknown profile "${String(config.profile)}" for administration ${config.unitId}.` },
    { nl: 'Kies het Moss-profiel in de instellingen van de administratie.', en: 'Choose the Moss profile in the administration settings.' },
  );
}

export function prepareLines(input: PrepareInput): Omit<Prepared, 'stored' | 'matching'> {
  const unitId = input.config.unitId;
  const unitLines = input.lines.every((l) => l.unitId === unitId) ? input.lines : input.lines.filter((l) => l.unitId === unitId);
  const rules = buildRuleSet(input.config, unitLines, input.ruleOptions);
  const byAccount = new Map<string, MutationLine[]>();
  for (const r of rules.accounts) if (!byAccount.has(r.account)) byAccount.set(r.account, []);
  // The key index is only needed to replay stored matches (a million-entry map is not free).
  const lineByKey = new Map<LineKey, MutationLine>();
  const index = input.storedMatches.length > 0;
  for (const l of unitLines) {
    if (index) lineByKey.set(l.key, l);
    byAccount.get(l.accountNo)?.push(l);
  }
  return { rules: { ...rules, accounts: uniqueAccounts(rules.accounts) }, byAccount, lineByKey };
}

function uniqueAccounts(rules: readonly ClearingAccountRule[]): ClearingAccountRule[] {
  const seen = new Set<string>();
  return rules.filter((r) => (seen.has(r.account) ? false : (seen.add(r.account), true)));
}

/** Day-sorted items of the account's lines that are on a side and in no confirmed match. */
export function openItems(rule: ClearingAccountRule, lines: readonly MutationLine[], confirmed: ReadonlySet<LineKey> | ReadonlyMap<LineKey, unknown>): Item[] {
  const items: Item[] = [];
  if (!rule.tracksOpenItems || rule.passes.length === 0) return items;
  for (const l of lines) {
    if (l.amount === 0 || confirmed.has(l.key)) continue;
    const side = sideOf(rule, l.journalId);
    if (side !== null) items.push(makeItem(l, side));
  }
  return items.sort(byDayThenKey);
}

export function prepare(input: PrepareInput): Prepared {
  const base = prepareLines(input);
  const stored = evaluateStoredMatches(input.storedMatches, base.lineByKey, input.config.unitId);
  const matching = new Map<string, AccountMatching>();
  for (const rule of base.rules.accounts) {
    const items = openItems(rule, base.byAccount.get(rule.account) ?? [], stored.confirmedOf);
    matching.set(rule.account, matchAccount(rule, items));
  }
  return { ...base, stored, matching };
}

/**
 * Automatic matches of one account, to a fixpoint: when a search was cut off (too many
 * candidates, node budget), removing the lines just matched can let it decide next time, so we
 * run again until nothing new appears. That makes a second autoMatch call return nothing.
 */
export function autoProposals(rule: ClearingAccountRule, lines: readonly MutationLine[], confirmed: ReadonlySet<LineKey>, first: AccountMatching): Proposal[] {
  const autos = first.proposals.filter((p) => p.auto);
  let capped = first.capped;
  const taken = new Set(confirmed);
  for (let round = 0; capped && autos.length > 0 && round < 20; round++) {
    for (const p of autos) for (const it of p.items) taken.add(it.line.key);
    const next = matchAccount(rule, openItems(rule, lines, taken));
    const fresh = next.proposals.filter((p) => p.auto);
    if (fresh.length === 0) break;
    autos.push(...fresh);
    capped = next.capped;
  }
  return autos;
}
