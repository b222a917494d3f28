// The profile modules and what combines them: an administration's rule set is the rules of every
// profile it runs, one after another (Moss first, as before); its sync fetches every profile's
// accounts. A new profile is a module added to PROFILE_MODULES.
import type { AdministrationConfig, MutationLine } from '../../../shared/domain';
import { AppFailure } from '../../../shared/errors';
import type { ClearingAccountRule, ClearingRuleSet } from '../rules';
import type { ClaimedAccount, ProfileModule, RuleOptions } from './module';
import { mossModule } from './moss';
import { nmbrsModule } from './nmbrs';
import { declareeModule } from './declaree';
import { spendCloudModule } from './spendcloud';

export const PROFILE_MODULES: readonly ProfileModule[] = [mossModule, nmbrsModule, declareeModule, spendCloudModule];

/** The modules of the profiles the administration runs. */
export function modulesOf(config: AdministrationConfig): ProfileModule[] {
  return PROFILE_MODULES.filter((m) => config[m.id] !== undefined);
}

function noProfile(config: AdministrationConfig): AppFailure {
  const named = config.profile ? ` ("profile": "${String(config.profile)}" names no configured profile)` : '';
  return new AppFailure(
    'unknown-profile',
    {
      nl: `Administratie ${config.unitId} heeft geen profiel ingesteld${named}.`,
      en: `Administration ${config.unitId} has no profile configured${named}.`,
    },
    {
      nl: 'Kies in de instellingen van de administratie welke systemen zij gebruikt (Moss, Nmbrs, Declaree, Spend Cloud) en hun rekeningen.',
      en: 'Choose in the administration settings which systems it uses (Moss, Nmbrs, Declaree, Spend Cloud) and their accounts.',
    },
  );
}

/** The rule set of every profile the administration runs. */
export function buildRuleSet(config: AdministrationConfig, lines: readonly MutationLine[], options?: RuleOptions): ClearingRuleSet {
  const modules = modulesOf(config);
  if (modules.length === 0 || (config.profile !== undefined && config[config.profile] === undefined)) throw noProfile(config);
  const accounts: ClearingAccountRule[] = [];
  let tieOut: ClearingRuleSet['tieOut'] = null;
  for (const m of modules) {
    const part = m.rules(config, lines, options);
    accounts.push(...part.accounts);
    tieOut ??= part.tieOut;
  }
  return { profiles: modules.map((m) => m.id), accounts, tieOut };
}

/** Every account the sync fetches for the administration (clearing and bank accounts). */
export function syncAccountsOf(config: AdministrationConfig): string[] {
  return [...new Set(modulesOf(config).flatMap((m) => m.syncAccounts(config)))].filter((a) => a !== '');
}

/** Accounts whose lines the sync fetches after the period too (transitory accounts: releases still to come). */
export function lookaheadAccountsOf(config: AdministrationConfig): string[] {
  return [...new Set(modulesOf(config).flatMap((m) => m.lookaheadAccounts?.(config) ?? []))].filter((a) => a !== '');
}

/** Journals whose creditors the sync discovers (Moss's merchant creditors when not configured). */
export function creditorDiscoveryJournals(config: AdministrationConfig): string[] {
  return [...new Set(modulesOf(config).map((m) => m.creditorDiscoveryJournal(config)).filter((j): j is string => j !== null))];
}

export interface AccountConflict {
  account: string;
  fields: string[];
}

/**
 * Clearing accounts two profiles (or two roles) claim: one account has one rule, so the second
 * would silently be ignored. Bank accounts are not claimed and may be shared.
 */
export function accountConflicts(config: AdministrationConfig): AccountConflict[] {
  const byAccount = new Map<string, string[]>();
  const claims: ClaimedAccount[] = modulesOf(config).flatMap((m) => m.claimedAccounts(config));
  for (const c of claims) byAccount.set(c.account, [...(byAccount.get(c.account) ?? []), c.field]);
  return [...byAccount].filter(([, fields]) => fields.length > 1).map(([account, fields]) => ({ account, fields }));
}

export type { ProfileModule, ProfileRules, RuleOptions } from './module';
