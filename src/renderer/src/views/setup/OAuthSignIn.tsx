import { useId, useState } from 'react';
import type { AppError } from '../../../../shared/domain';
import { ApiError, call } from '../../api';
import { useT } from '../../i18n';
import { useWorkspace } from '../../state/workspace';

const DEFAULT_CLIENT_ID = 'kruispost-desktop';

function asAppError(e: unknown): AppError {
  if (e instanceof ApiError) return e.appError;
  return { code: 'renderer', message: { nl: 'Er ging iets mis in het scherm.', en: 'Something went wrong on screen.' }, action: { nl: 'Probeer het opnieuw.', en: 'Try again.' } };
}

/**
 * "Sign in with AFAS": main opens the system browser and waits for AFAS to call back, which can
 * take minutes, so the progress, the outcome and a failure (with what to do) are shown right here.
 */
export function OAuthSignIn() {
  const { t, bi } = useT();
  const view = useWorkspace((s) => s.view);
  const [clientId, setClientId] = useState(view?.oauthClientId ?? DEFAULT_CLIENT_ID);
  const [phase, setPhase] = useState<'idle' | 'waiting' | 'signing-out'>('idle');
  const [error, setError] = useState<AppError | null>(null);
  const ids = { client: useId(), hint: useId() };
  const signedIn = view?.token.kind === 'oauth';

  async function run(what: 'waiting' | 'signing-out', fn: () => Promise<NonNullable<typeof view>>): Promise<void> {
    setPhase(what);
    setError(null);
    try {
      useWorkspace.setState({ view: await fn(), connection: null });
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setPhase('idle');
    }
  }

  return (
    <div className="stack" data-auth="oauth">
      <p className="muted">{t('setup.oauth.hint')}</p>
      <label className="field" htmlFor={ids.client}>
        <span>{t('setup.oauth.clientId')}</span>
        <input id={ids.client} value={clientId} aria-describedby={ids.hint} autoComplete="off" spellCheck={false} onChange={(e) => setClientId(e.target.value)} />
        <small id={ids.hint} className="muted">
          {t('setup.oauth.clientIdHint')}
        </small>
      </label>
      <div className="row wrap">
        <button type="button" className="primary" disabled={!view?.environment || phase !== 'idle'} onClick={() => void run('waiting', () => call('signInWithAfas', clientId.trim()))}>
          {t('setup.oauth.signIn')}
        </button>
        {signedIn && (
          <button type="button" disabled={phase !== 'idle'} onClick={() => void run('signing-out', () => call('signOutAfas'))}>
            {t('setup.oauth.signOut')}
          </button>
        )}
        <span role="status" className={phase === 'waiting' ? 'muted' : signedIn ? 'ok' : 'muted'}>
          {phase === 'waiting' ? t('setup.oauth.waiting') : !view?.environment ? t('setup.oauth.needsEnv') : signedIn ? t('setup.oauth.signedIn') : t('setup.oauth.notSignedIn')}
        </span>
      </div>
      {error && (
        <div className="notice error" role="alert" data-code={error.code}>
          <strong>{bi(error.message)}</strong> {bi(error.action)}
        </div>
      )}
    </div>
  );
}
