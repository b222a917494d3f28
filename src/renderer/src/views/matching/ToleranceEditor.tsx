import { useId, useState } from 'react';
import { parseEuroInput } from '../../../../shared/money';
import type { AccountResult } from '../../../../shared/reconcile';
import { DEFAULT_TOLERANCE } from '../../../../shared/tolerance';
import { useT } from '../../i18n';
import { useMonth } from '../../state/month';

/** The account's tolerance: a difference above it is confirmed twice. */
export function ToleranceEditor({ account }: { account: AccountResult }) {
  const { t, euro, lang } = useT();
  const setTolerance = useMonth((s) => s.setTolerance);
  const tol = account.tolerance ?? DEFAULT_TOLERANCE;
  const pct = (p: number) => (p / 10).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const [editing, setEditing] = useState(false);
  const [cents, setCents] = useState('');
  const [percent, setPercent] = useState('');
  const [invalid, setInvalid] = useState(false);
  const ids = { cents: useId(), pct: useId() };
  return (
    <div className="tolerance small" data-testid="tolerance">
      <span className="muted">{t('tolerance.label')}: </span>
      <span>{t('tolerance.text', { cents: euro(tol.cents), pct: pct(tol.permille) })}</span>{' '}
      {!editing && (
        <button type="button" className="link" onClick={() => { setCents(euro(tol.cents).replace(/[€\s]/g, '')); setPercent(pct(tol.permille)); setEditing(true); }}>
          {t('tolerance.edit')}
        </button>
      )}
      {editing && (
        <form
          className="row wrap"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              const c = parseEuroInput(cents, lang);
              const p = Math.round(Number(percent.replace(',', '.')) * 10);
              if (c < 0 || !Number.isInteger(p) || p < 0 || p > 1000) throw new Error('range');
              setInvalid(false);
              if (await setTolerance(account.account, c, p)) setEditing(false);
            } catch {
              setInvalid(true);
            }
          }}
        >
          <label htmlFor={ids.cents} className="field inline">
            <span>{t('tolerance.cents')}</span>
            <input id={ids.cents} className="narrow num" inputMode="decimal" value={cents} onChange={(e) => setCents(e.target.value)} />
          </label>
          <label htmlFor={ids.pct} className="field inline">
            <span>{t('tolerance.pct')}</span>
            <input id={ids.pct} className="tiny num" inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} />
          </label>
          <button type="submit">{t('tolerance.save')}</button>
          {invalid && (
            <span className="bad" role="alert">
              {t('tolerance.invalid')}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
