import type { SpendCloudProfile } from '../../../../shared/domain';
import { SearchSelect, type Choice } from '../../components/SearchSelect';
import { useT } from '../../i18n';

/** The Spend Cloud profile's purchase journal and transitory account, picked from AFAS's own lists. */
export function SpendCloudFields({ value, onChange, accounts, journals }: { value: SpendCloudProfile; onChange(next: SpendCloudProfile): void; accounts: Choice[]; journals: Choice[] }) {
  const { t } = useT();
  return (
    <div className="grid2" data-profile-fields="spendcloud">
      <SearchSelect label={t('setup.spendcloud.journal')} value={value.journal} choices={journals} onChange={(v) => onChange({ ...value, journal: v })} />
      <SearchSelect label={t('setup.spendcloud.transitory')} value={value.transitoryAccounts[0] ?? ''} choices={accounts} onChange={(v) => onChange({ ...value, transitoryAccounts: [v] })} />
    </div>
  );
}
