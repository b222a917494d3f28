// The reconciliation engine: pure functions over lines, rules and the controller's decisions.
export { reconcileAdministration, autoMatch, reconcileWithAutoMatch, type ReconcileInput } from './engine';
export { validateManualMatch, type ManualMatchDraft } from './manual';
export { signOffState, type CurrentState } from './signoff';
export { mossRuleSet, discoverMerchantCreditors, deriveBankFeedJournals, MOSS_DEFAULTS, type MossRuleOptions } from './profiles/moss';
export { nmbrsRules, NMBRS_DEFAULTS } from './profiles/nmbrs';
export { buildRuleSet, syncAccountsOf, accountConflicts, PROFILE_MODULES } from './profiles';
export type { ClearingRuleSet, ClearingAccountRule, MatchPass, JournalSet, DateWindow, TieOutRule, BatchPass, PeriodPass } from './rules';
export { boundedSubsetSum } from './subsetSum';
