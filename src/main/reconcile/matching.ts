// Runs an account's passes, most certain first, over its open lines (those in no confirmed match).
import type { ClearingAccountRule } from './rules';
import { inJournalSet } from './rules';
import { LEFT, RIGHT, type Pool, type Proposal, type Sides } from './pool';
import { runExactPass } from './passes/exact';
import { runSubsetPass } from './passes/subset';
import { runDifferencePass } from './passes/difference';

export interface AccountMatching {
  proposals: Proposal[];
  capped: boolean;
}

/** Side of a line by its journal; null = neither side (e.g. an unexpected journal). */
export function sideOf(rule: ClearingAccountRule, journal: string): typeof LEFT | typeof RIGHT | null {
  if (inJournalSet(rule.left, journal)) return LEFT;
  if (inJournalSet(rule.right, journal)) return RIGHT;
  return null;
}

/** `open`: non-zero items per side in byDayThenKey order, without lines of confirmed matches. */
export function matchAccount(rule: ClearingAccountRule, open: Sides): AccountMatching {
  const pool: Pool = { left: open.left, right: open.right, capped: false };
  const proposals: Proposal[] = [];
  if (pool.left.length === 0 || pool.right.length === 0) return { proposals, capped: false };
  for (const pass of rule.passes) {
    if (pass.kind === 'exact') runExactPass(pass, pool, proposals);
    else if (pass.kind === 'subset') runSubsetPass(pass, pool, proposals);
    else runDifferencePass(pass, pool, proposals);
  }
  return { proposals, capped: pool.capped };
}
