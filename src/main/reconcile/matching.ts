// Runs an account's passes, most certain first, over its open lines (those in no confirmed match).
import type { ClearingAccountRule } from './rules';
import { inJournalSet } from './rules';
import { LEFT, RIGHT, type Pool, type Proposal, type Sides } from './pool';
import { runExactPass } from './passes/exact';
import { runSubsetPass } from './passes/subset';
import { runDifferencePass } from './passes/difference';
import { runBatchPass } from './passes/batch';
import { runPeriodPass } from './passes/period';
import { runReferencePass } from './passes/reference';
import type { MutationLine } from '../../shared/domain';
import { returnReason } from './text';

export interface AccountMatching {
  proposals: Proposal[];
  capped: boolean;
}

/**
 * Side of a line by its journal; null = neither side (e.g. an unexpected journal). A returned
 * transfer reopens what it paid: on rules that say so it is on the document side.
 */
export function sideOf(rule: ClearingAccountRule, line: Pick<MutationLine, 'journalId' | 'description' | 'lineDescription'>): typeof LEFT | typeof RIGHT | null {
  if (inJournalSet(rule.left, line.journalId)) return LEFT;
  if (inJournalSet(rule.right, line.journalId)) return rule.returnsReopen && returnReason(line) !== null ? LEFT : RIGHT;
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
    else if (pass.kind === 'batch') runBatchPass(pass, pool, proposals);
    else if (pass.kind === 'period') runPeriodPass(pass, pool, proposals);
    else if (pass.kind === 'reference') runReferencePass(pass, pool, proposals);
    else runDifferencePass(pass, pool, proposals);
  }
  return { proposals, capped: pool.capped };
}
