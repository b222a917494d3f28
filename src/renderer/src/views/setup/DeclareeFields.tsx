import { useId } from 'react';
import type { DeclareeProfile } from '../../../../shared/domain';
import { SearchSelect, type Choice } from '../../components/SearchSelect';
import { useT } from '../../i18n';

/**
 * The Declaree profile: its journal, payments in transit, the bank account (optional: the other
 * systems' otherwise) and the payment cycle. Employee creditors are found from the journal's credits.
 */
export function DeclareeFields({ value, onChange, accounts, journals }: { value: DeclareeProfile; onChange(next: DeclareeProfile): void; accounts: Choice[]; journals: Choice[] }) {
  const { t } = useT();
  const cycleId = useId();
  const patch = (p: Partial<DeclareeProfile>) => onChange({ ...value, ...p });
  return (
    <div className="grid2" data-profile-fields="declaree">
      <SearchSelect label={t('setup.declaree.journal')} value={value.journal} choices={journals} onChange={(v) => patch({ journal: v })} />
      <SearchSelect label={t('setup.declaree.inTransit')} value={value.paymentsInTransitAccount} choices={accounts} onChange={(v) => patch({ paymentsInTransitAccount: v })} />
      <SearchSelect label={t('setup.declaree.bankAccounts')} value={value.bankAccounts?.[0] ?? ''} choices={accounts} onChange={(v) => patch({ bankAccounts: v ? [v] : [] })} />
      <label className="field" htmlFor={cycleId}>
        <span>{t('setup.declaree.cycle')}</span>
        <input
          id={cycleId}
          type="number"
          min={0}
          max={366}
          placeholder="14"
          value={value.paymentCycleDays ?? ''}
          onChange={(e) => {
            const { paymentCycleDays: _, ...rest } = value;
            onChange(e.target.value === '' ? rest : { ...rest, paymentCycleDays: Math.max(0, Math.min(366, Math.trunc(Number(e.target.value)))) });
          }}
        />
      </label>
      <p className="muted small">{t('setup.declaree.creditors')}</p>
    </div>
  );
}
