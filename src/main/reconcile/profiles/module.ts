// What a clearing profile module provides: the accounts the sync fetches for it, the accounts it
// claims, and its part of the administration's rule set. Adding a profile (Declaree, Spend Cloud)
// is a new module in PROFILE_MODULES (index.ts), not a change to the engine.
import type { AdministrationConfig, MutationLine, ProfileId } from '../../../shared/domain';
import type { ClearingAccountRule, TieOutRule } from '../rules';
import type { MossRuleOptions } from './moss';

/** Knobs beyond the stored configuration (today only Moss has any). */
export type RuleOptions = MossRuleOptions;

export interface ProfileRules {
  accounts: ClearingAccountRule[];
  tieOut: TieOutRule | null;
}

/** An account a profile reconciles, with the config field that names it (for error messages). */
export interface ClaimedAccount {
  field: string;
  account: string;
}

export interface ProfileModule {
  id: ProfileId;
  /** Accounts whose lines the sync fetches: the clearing accounts and the bank accounts. */
  syncAccounts(config: AdministrationConfig): string[];
  /** The clearing accounts the profile claims (bank accounts may be shared, these may not). */
  claimedAccounts(config: AdministrationConfig): ClaimedAccount[];
  /** A journal whose creditors the sync discovers (Moss's merchant creditors), or null. */
  creditorDiscoveryJournal(config: AdministrationConfig): string | null;
  /**
   * Accounts whose lines the sync also fetches after the period, through the last one (at most
   * SYNC_LOOKAHEAD_MONTHS ahead): a transitory account's releases still to come.
   */
  lookaheadAccounts?(config: AdministrationConfig): string[];
  /** The profile's rules; `lines` are the unit's synced lines (for discovered accounts, feeds). */
  rules(config: AdministrationConfig, lines: readonly MutationLine[], options?: RuleOptions): ProfileRules;
}
