// The reconciliation engine: pure functions over lines, rules and the controller's decisions.
export { reconcileAdministration, autoMatch, reconcileWithAutoMatch, type ReconcileInput } from './engine';
export { validateManualMatch, type ManualMatchDraft } from './manual';
export { signOffState, type CurrentState } from './signoff';
export { mossRuleSet, discoverMerchantCreditors, deriveBankFeedJournals, MOSS_DEFAULTS, type MossRuleOptions } from './profiles/moss';
export type { ClearingRuleSet, ClearingAccountRule, MatchPass, JournalSet, DateWindow, TieOutRule } from './rules';
export { boundedSubsetSum } from './subsetSum';
