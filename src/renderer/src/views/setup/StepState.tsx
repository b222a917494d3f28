import { useT } from '../../i18n';

/** A step's state next to its title: to do, done, or problems to fix. */
export function StepState({ state, label }: { state: 'todo' | 'done' | 'problem'; label: string }) {
  const { t } = useT();
  const icon = state === 'done' ? '✓' : state === 'problem' ? '✗' : '○';
  return (
    <span className={`step-state ${state}`} data-state={state}>
      <span aria-hidden="true">{icon} </span>
      <span className="sr-only">{t('setup.state.label')}: </span>
      {label}
    </span>
  );
}
