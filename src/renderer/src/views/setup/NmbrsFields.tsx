import type { NmbrsProfile } from '../../../../shared/domain';
import { SearchSelect, type Choice } from '../../components/SearchSelect';
import { useT } from '../../i18n';

/** The Nmbrs profile's journal and accounts, each picked from AFAS's own lists (type to search). */
export function NmbrsFields({ value, onChange, accounts, journals }: { value: NmbrsProfile; onChange(next: NmbrsProfile): void; accounts: Choice[]; journals: Choice[] }) {
  const { t } = useT();
  const patch = (p: Partial<NmbrsProfile>) => onChange({ ...value, ...p });
  return (
    <div className="grid2" data-profile-fields="nmbrs">
      <SearchSelect label={t('setup.nmbrs.journal')} value={value.journal} choices={journals} onChange={(v) => patch({ journal: v })} />
      <SearchSelect label={t('setup.nmbrs.netWages')} value={value.netWagesAccount} choices={accounts} onChange={(v) => patch({ netWagesAccount: v })} />
      <SearchSelect label={t('setup.nmbrs.payrollTax')} value={value.payrollTaxAccount} choices={accounts} onChange={(v) => patch({ payrollTaxAccount: v })} />
      <SearchSelect label={t('setup.nmbrs.pension')} value={value.pensionAccount ?? ''} choices={accounts} onChange={(v) => patch({ pensionAccount: v })} />
      <SearchSelect label={t('setup.nmbrs.bankAccounts')} value={value.bankAccounts[0] ?? ''} choices={accounts} onChange={(v) => patch({ bankAccounts: [v] })} />
    </div>
  );
}
