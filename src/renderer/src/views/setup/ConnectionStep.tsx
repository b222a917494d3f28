import { useId, useState } from 'react';
import type { EnvironmentType } from '../../../../shared/domain';
import { useT } from '../../i18n';
import { useWorkspace } from '../../state/workspace';
import { OAuthSignIn } from './OAuthSignIn';
import { StepState } from './StepState';

/** Environment number + type, token paste (never shown back) or AFAS sign-in (OAuth), connection test. */
export function ConnectionStep() {
  const { t, when } = useT();
  const { view, busy, connection, saveEnvironment, storeToken, testConnection } = useWorkspace();
  const [number, setNumber] = useState(view?.environment?.number ?? '');
  const [type, setType] = useState<EnvironmentType>(view?.environment?.type ?? 'production');
  const [token, setToken] = useState('');
  const [auth, setAuth] = useState<'classic' | 'oauth'>(view?.token.kind === 'oauth' ? 'oauth' : 'classic');
  const ids = { number: useId(), type: useId(), token: useId(), hint: useId(), tokenHint: useId(), auth: useId() };
  const stored = view?.token.stored ?? false;
  const classicStored = stored && view?.token.kind === 'classic';
  const pending = auth === 'oauth' ? t('setup.state.signInPending') : t('setup.state.tokenPending');
  return (
    <section className="panel step" aria-labelledby={`${ids.number}-h`} data-step="1">
      <h3 id={`${ids.number}-h`} className="row between">
        <span>{t('setup.step1')}</span>
        <StepState
          state={view?.token.lastVerified || connection ? 'done' : 'todo'}
          label={view?.token.lastVerified || connection ? t('setup.state.connected') : stored ? t('setup.state.testPending') : view?.environment ? pending : t('setup.state.todo')}
        />
      </h3>
      <form
        className="row wrap"
        onSubmit={(e) => {
          e.preventDefault();
          void saveEnvironment({ number, type });
        }}
      >
        <label className="field" htmlFor={ids.number}>
          <span>{t('setup.envNumber')}</span>
          <input id={ids.number} value={number} aria-describedby={ids.hint} autoComplete="off" onChange={(e) => setNumber(e.target.value)} />
          <small id={ids.hint} className="muted">
            {t('setup.envNumberHint')}
          </small>
        </label>
        <label className="field" htmlFor={ids.type}>
          <span>{t('setup.envType')}</span>
          <select id={ids.type} value={type} onChange={(e) => setType(e.target.value as EnvironmentType)}>
            {(['production', 'test', 'accept'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`setup.type.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!number.trim() || busy === 'env'}>
          {t('setup.saveEnv')}
        </button>
      </form>
      {view?.environment && <p className="muted">{`${view.environment.number} (${t(`setup.type.${view.environment.type}`).toLowerCase()})`}</p>}
      <fieldset className="stack" aria-describedby={`${ids.auth}-retire`}>
        <legend>{t('setup.auth.choice')}</legend>
        <div className="row wrap">
          {(['classic', 'oauth'] as const).map((k) => (
            <label key={k} className="row">
              <input type="radio" name={ids.auth} value={k} checked={auth === k} onChange={() => setAuth(k)} />
              <span>{t(`setup.auth.${k}`)}</span>
            </label>
          ))}
        </div>
        <small id={`${ids.auth}-retire`} className="muted">
          {t('setup.auth.retire')}
        </small>
      </fieldset>
      {auth === 'oauth' && <OAuthSignIn />}
      {auth === 'classic' && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            // Clear the field whatever happens: the token is not kept in the page.
            const pasted = token;
            setToken('');
            void storeToken(pasted);
          }}
        >
          <label className="field" htmlFor={ids.token}>
            <span>{t('setup.token')}</span>
            <textarea id={ids.token} className="secret" rows={3} value={token} aria-describedby={ids.tokenHint} autoComplete="off" spellCheck={false} onChange={(e) => setToken(e.target.value)} />
            <small id={ids.tokenHint} className="muted">
              {t('setup.tokenHint')}
            </small>
          </label>
          <div className="row">
            <button type="submit" disabled={!token.trim() || !view?.environment || busy === 'token'}>
              {t('setup.storeToken')}
            </button>
            <span className={classicStored ? 'ok' : 'muted'}>
              {t('setup.tokenStored', { yes: t(classicStored ? 'common.yes' : 'common.no') })}, {t('setup.lastVerified', { when: view?.token.lastVerified ? when(view.token.lastVerified) : t('setup.never') })}
            </span>
          </div>
        </form>
      )}
      <div className="row">
        <button type="button" disabled={!stored || busy === 'test'} onClick={() => void testConnection()}>
          {t('setup.test')}
        </button>
        {connection && (
          <span className="ok" role="status">
            {t('setup.testOk', { version: connection.profitVersion, list: connection.administrations.map((a) => `${a.unitId} ${a.name}`).join(', ') })}
          </span>
        )}
      </div>
    </section>
  );
}
