import { useId, useState } from 'react';
import type { DeclareeProfile, MossProfile, NmbrsProfile, SpendCloudProfile } from '../../../../shared/domain';
import { SearchSelect, type Choice } from '../../components/SearchSelect';
import { useT } from '../../i18n';
import { useWorkspace } from '../../state/workspace';
import { DeclareeFields } from './DeclareeFields';
import { NmbrsFields } from './NmbrsFields';
import { SpendCloudFields } from './SpendCloudFields';
import { administrationOf, EMPTY_DECLAREE, EMPTY_MOSS, EMPTY_NMBRS, EMPTY_SPENDCLOUD, missingFields, type Systems } from './profile-fields';
import { StepState } from './StepState';
import { SystemPicker } from './SystemPicker';

/**
 * Steps 2 and 3: the readiness checks (shown from the start, run once the accounts are chosen) and
 * which accounts must clear, chosen from AFAS's own lists (journals, ledger accounts, creditors).
 */
export function AccountStep() {
  const { t, tn, bi } = useT();
  const { view, connection, choices, readiness, busy, loadChoices, checkReadiness, saveAdministration } = useWorkspace();
  const existing = view?.administrations[0];
  const [unitId, setUnitId] = useState<number>(existing?.unitId ?? connection?.administrations[0]?.unitId ?? 1);
  const [moss, setMoss] = useState<MossProfile>(existing?.moss ?? EMPTY_MOSS);
  const [nmbrs, setNmbrs] = useState<NmbrsProfile>(existing?.nmbrs ?? EMPTY_NMBRS);
  const [declaree, setDeclaree] = useState<DeclareeProfile>(existing?.declaree ?? EMPTY_DECLAREE);
  const [spendcloud, setSpendcloud] = useState<SpendCloudProfile>(existing?.spendcloud ?? EMPTY_SPENDCLOUD);
  const [systems, setSystems] = useState<Systems>({
    moss: existing ? existing.moss !== undefined : true,
    nmbrs: existing?.nmbrs !== undefined,
    declaree: existing?.declaree !== undefined,
    spendcloud: existing?.spendcloud !== undefined,
  });
  const unitField = useId();
  const patch = (p: Partial<MossProfile>) => setMoss((m) => ({ ...m, ...p }));
  const config = administrationOf(unitId, systems, moss, nmbrs, declaree, spendcloud);
  const missing = missingFields(systems, moss, nmbrs, declaree, spendcloud);
  const accounts: Choice[] = (choices?.accounts ?? []).map((a) => ({ id: a.id, label: a.description }));
  const journals: Choice[] = (choices?.journals ?? []).map((j) => ({ id: j.id, label: `${j.description}${j.type ? ` (${j.type})` : ''}` }));
  const creditors: Choice[] = (choices?.creditors ?? []).map((c) => ({ id: c.id, label: c.name }));
  const complete = missing.length === 0;
  const problems = readiness?.filter((r) => !r.ok).length ?? 0;
  const checkState = readiness === null ? 'todo' : problems === 0 ? 'done' : 'problem';
  const saved = Boolean(view?.administrations.some((a) => a.unitId === unitId));
  return (
    <>
      <section className="panel step" aria-labelledby="step2-h" data-step="2">
        <h3 id="step2-h" className="row between">
          <span>{t('setup.step2')}</span>
          <StepState state={checkState} label={readiness === null ? t('setup.state.notChecked') : problems === 0 ? t('setup.state.allOk') : tn('setup.state.problems', problems)} />
        </h3>
        <p className="muted small">{t('setup.step2Hint')}</p>
        {readiness && (
          <ul className="checklist">
            {readiness.map((r) => (
              <li key={r.id} className={r.ok ? 'ok' : 'bad'}>
                <span aria-hidden="true">{r.ok ? '✓' : '✗'} </span>
                {bi(r.label)}
                {!r.ok && <div className="fix">{t('setup.fix', { fix: bi(r.fix) })}</div>}
              </li>
            ))}
          </ul>
        )}
        <button type="button" disabled={!complete || !view?.token.stored || busy === 'readiness'} onClick={() => void checkReadiness(config)}>
          {t('setup.checkReadiness')}
        </button>
        {!complete && <small className="muted"> {t('setup.step2Needs')}</small>}
        {!complete && <p className="muted small" data-testid="setup-missing">{t('setup.missing', { fields: missing.map((k) => t(k)).join(', ') })}</p>}
      </section>
      <section className="panel step" aria-labelledby="step3-h" data-step="3">
        <h3 id="step3-h" className="row between">
          <span>{t('setup.step3')}</span>
          <StepState state={saved ? 'done' : 'todo'} label={saved ? t('setup.state.saved') : t('setup.state.todo')} />
        </h3>
        <div className="row wrap">
          <label className="field" htmlFor={unitField}>
            <span>{t('setup.unit')}</span>
            <input id={unitField} type="number" min={0} value={unitId} onChange={(e) => setUnitId(Number(e.target.value))} />
          </label>
          <button type="button" disabled={!view?.token.stored || busy === 'choices'} onClick={() => void loadChoices(unitId)}>
            {t('setup.loadChoices')}
          </button>
        </div>
        <SystemPicker value={systems} onChange={setSystems} />
        {systems.moss && (
        <div className="grid2" data-profile-fields="moss">
          <SearchSelect label={t('setup.balanceAccount')} value={moss.balanceAccount} choices={accounts} onChange={(v) => patch({ balanceAccount: v })} />
          <SearchSelect label={t('setup.citAccount')} value={moss.cashInTransitAccount} choices={accounts} onChange={(v) => patch({ cashInTransitAccount: v })} />
          <SearchSelect label={t('setup.defaultSupplier')} value={moss.defaultSupplier} choices={creditors} onChange={(v) => patch({ defaultSupplier: v })} />
          <SearchSelect label={t('setup.bankAccounts')} value={moss.bankAccounts[0] ?? ''} choices={accounts} onChange={(v) => patch({ bankAccounts: [v] })} />
          <SearchSelect label={t('setup.purchaseJournal')} value={moss.purchaseJournal} choices={journals} onChange={(v) => patch({ purchaseJournal: v })} />
          <SearchSelect label={t('setup.bankJournal')} value={moss.bankJournal} choices={journals} onChange={(v) => patch({ bankJournal: v })} />
        </div>
        )}
        {systems.nmbrs && <NmbrsFields value={nmbrs} onChange={setNmbrs} accounts={accounts} journals={journals} />}
        {systems.declaree && <DeclareeFields value={declaree} onChange={setDeclaree} accounts={accounts} journals={journals} />}
        {systems.spendcloud && <SpendCloudFields value={spendcloud} onChange={setSpendcloud} accounts={accounts} journals={journals} />}
        <div className="row">
          <button type="button" className="primary" disabled={!complete || busy === 'admin'} onClick={() => void saveAdministration(config)}>
            {t('setup.saveAdmin')}
          </button>
        </div>
      </section>
    </>
  );
}
