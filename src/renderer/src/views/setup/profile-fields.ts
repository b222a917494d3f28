// Pure: the administration the setup form describes (only the ticked systems), and which of their
// fields are still empty, named as the form labels them.
import type { AdministrationConfig, DeclareeProfile, MossProfile, NmbrsProfile, SpendCloudProfile } from '../../../../shared/domain';
import type { MessageKey } from '../../i18n/messages';

export interface Systems {
  moss: boolean;
  nmbrs: boolean;
  declaree?: boolean;
  spendcloud?: boolean;
}

export const EMPTY_MOSS: MossProfile = { balanceAccount: '', cashInTransitAccount: '', defaultSupplier: '', purchaseJournal: '', bankJournal: '', bankAccounts: [] };
export const EMPTY_NMBRS: NmbrsProfile = { journal: '', netWagesAccount: '', payrollTaxAccount: '', pensionAccount: '', bankAccounts: [] };
export const EMPTY_SPENDCLOUD: SpendCloudProfile = { journal: '', transitoryAccounts: [] };

export const EMPTY_DECLAREE: DeclareeProfile = { journal: '', paymentsInTransitAccount: '', bankAccounts: [] };

export function administrationOf(
  unitId: number,
  systems: Systems,
  moss: MossProfile,
  nmbrs: NmbrsProfile,
  declaree: DeclareeProfile = EMPTY_DECLAREE,
  spendcloud: SpendCloudProfile = EMPTY_SPENDCLOUD,
): AdministrationConfig {
  const { pensionAccount, ...rest } = nmbrs;
  return {
    unitId,
    ...(systems.moss ? { moss } : {}),
    ...(systems.nmbrs ? { nmbrs: { ...rest, ...(pensionAccount ? { pensionAccount } : {}) } } : {}),
    ...(systems.declaree ? { declaree: declareeOf(declaree) } : {}),
    ...(systems.spendcloud ? { spendcloud: { journal: spendcloud.journal, transitoryAccounts: spendcloud.transitoryAccounts.filter((a) => a !== '') } } : {}),
  };
}

/** Optional fields left empty are left out: the engine's defaults (other systems' bank, found creditors, 14 days). */
function declareeOf(d: DeclareeProfile): DeclareeProfile {
  const banks = (d.bankAccounts ?? []).filter((b) => b !== '');
  return {
    journal: d.journal,
    paymentsInTransitAccount: d.paymentsInTransitAccount,
    ...(banks.length > 0 ? { bankAccounts: banks } : {}),
    ...(d.employeeCreditors && d.employeeCreditors.length > 0 ? { employeeCreditors: d.employeeCreditors } : {}),
    ...(d.paymentCycleDays !== undefined ? { paymentCycleDays: d.paymentCycleDays } : {}),
  };
}

/** The labels of the required fields still empty; a system must be ticked first. */
export function missingFields(
  systems: Systems,
  moss: MossProfile,
  nmbrs: NmbrsProfile,
  declaree: DeclareeProfile = EMPTY_DECLAREE,
  spendcloud: SpendCloudProfile = EMPTY_SPENDCLOUD,
): MessageKey[] {
  if (!systems.moss && !systems.nmbrs && !systems.declaree && !systems.spendcloud) return ['setup.systemsNeeded'];
  const out: MessageKey[] = [];
  if (systems.moss) {
    const need: [string, MessageKey][] = [
      [moss.balanceAccount, 'setup.balanceAccount'],
      [moss.cashInTransitAccount, 'setup.citAccount'],
      [moss.defaultSupplier, 'setup.defaultSupplier'],
      [moss.purchaseJournal, 'setup.purchaseJournal'],
      [moss.bankJournal, 'setup.bankJournal'],
    ];
    for (const [v, k] of need) if (!v) out.push(k);
  }
  if (systems.nmbrs) {
    const need: [string, MessageKey][] = [
      [nmbrs.journal, 'setup.nmbrs.journal'],
      [nmbrs.netWagesAccount, 'setup.nmbrs.netWages'],
      [nmbrs.payrollTaxAccount, 'setup.nmbrs.payrollTax'],
      [nmbrs.bankAccounts[0] ?? '', 'setup.nmbrs.bankAccounts'],
    ];
    for (const [v, k] of need) if (!v) out.push(k);
  }
  if (systems.declaree) {
    if (!declaree.journal) out.push('setup.declaree.journal');
    if (!declaree.paymentsInTransitAccount) out.push('setup.declaree.inTransit');
    // Without a bank account of its own, Declaree uses the other systems' (none: one is needed).
    const banks = [...(declaree.bankAccounts ?? []), ...(systems.moss ? moss.bankAccounts : []), ...(systems.nmbrs ? nmbrs.bankAccounts : [])].filter((b) => b !== '');
    if (banks.length === 0) out.push('setup.declaree.bankAccounts');
  }
  if (systems.spendcloud) {
    if (!spendcloud.journal) out.push('setup.spendcloud.journal');
    if (!spendcloud.transitoryAccounts.some((a) => a !== '')) out.push('setup.spendcloud.transitory');
  }
  return out;
}
