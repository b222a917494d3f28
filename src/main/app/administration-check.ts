// What an administration's configuration must satisfy beyond its shape: at least one profile, the
// profile the old shape names present, and no clearing account claimed twice (one account has one
// rule: the second claim would silently be ignored).
import type { AdministrationConfig } from '../../shared/domain';
import { profilesOf } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { accountConflicts } from '../reconcile/profiles';

export function checkAdministration(a: AdministrationConfig): void {
  if (profilesOf(a).length === 0 || (a.profile !== undefined && a[a.profile] === undefined)) {
    throw new AppFailure(
      'administration.no-profile',
      { nl: `Administratie ${a.unitId}: kies minstens één systeem (Moss, Nmbrs, Declaree, Spend Cloud) met zijn rekeningen.`, en: `Administration ${a.unitId}: choose at least one system (Moss, Nmbrs, Declaree, Spend Cloud) with its accounts.` },
      { nl: 'Vink de systemen aan die de administratie gebruikt en vul hun rekeningen en dagboeken in.', en: 'Tick the systems the administration uses and fill in their accounts and journals.' },
    );
  }
  const conflict = accountConflicts(a)[0];
  if (conflict) {
    throw new AppFailure(
      'administration.account-twice',
      {
        nl: `Administratie ${a.unitId}: rekening ${conflict.account} is gekozen voor ${conflict.fields.join(' en ')}. Een tussenrekening hoort bij één rol.`,
        en: `Administration ${a.unitId}: account ${conflict.account} is chosen for ${conflict.fields.join(' and ')}. A clearing account has one role.`,
      },
      { nl: 'Kies voor elke rol een eigen rekening.', en: 'Choose a separate account for each role.' },
    );
  }
}
