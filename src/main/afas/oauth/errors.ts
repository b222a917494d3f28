// Every way OAuth sign-in or token use can fail, as the AppFailures the user sees (nl/en + action).
import { AppFailure } from '../../../shared/errors';

const SIGN_IN_AGAIN = {
  nl: 'Meld u opnieuw aan bij AFAS (Instellingen → Omgeving → Aanmelden).',
  en: 'Sign in to AFAS again (Settings → Environment → Sign in).',
};

export function signInAgain(reason: 'chain-ended' | 'refresh-rejected' | 'not-signed-in'): AppFailure {
  const message = {
    'chain-ended': {
      nl: 'Uw AFAS-aanmelding is verlopen (na 30 dagen moet u opnieuw aanmelden).',
      en: 'Your AFAS sign-in has expired (after 30 days you must sign in again).',
    },
    'refresh-rejected': {
      nl: 'AFAS accepteert uw aanmelding niet meer.',
      en: 'AFAS no longer accepts your sign-in.',
    },
    'not-signed-in': {
      nl: 'U bent nog niet aangemeld bij AFAS voor deze omgeving.',
      en: 'You are not signed in to AFAS for this environment yet.',
    },
  }[reason];
  return new AppFailure('oauth-signin-again', message, SIGN_IN_AGAIN);
}

export function authorizationTimedOut(): AppFailure {
  return new AppFailure(
    'oauth-timeout',
    { nl: 'De aanmelding in de browser is niet op tijd afgerond.', en: 'Signing in through the browser did not finish in time.' },
    { nl: 'Probeer het opnieuw en rond de aanmelding in de browser af.', en: 'Try again and finish signing in in the browser.' },
  );
}

export function authorizationCancelled(): AppFailure {
  return new AppFailure(
    'oauth-cancelled',
    { nl: 'De aanmelding is afgebroken.', en: 'Signing in was cancelled.' },
    { nl: 'Start de aanmelding opnieuw als u wilt aanmelden.', en: 'Start signing in again if you want to sign in.' },
  );
}

export function authorizationRejected(detail: 'state' | 'denied' | 'invalid'): AppFailure {
  const message = {
    state: {
      nl: 'De terugkoppeling van AFAS hoort niet bij deze aanmelding en is geweigerd.',
      en: 'The response from AFAS does not belong to this sign-in and was refused.',
    },
    denied: { nl: 'AFAS heeft de aanmelding geweigerd.', en: 'AFAS refused the sign-in.' },
    invalid: { nl: 'AFAS gaf een onbruikbaar antwoord op de aanmelding.', en: 'AFAS gave an unusable answer to the sign-in.' },
  }[detail];
  return new AppFailure('oauth-authorization-failed', message, {
    nl: 'Start de aanmelding opnieuw vanuit Kruispost. Lukt het niet, vraag dan uw AFAS-beheerder de app-koppeling te controleren.',
    en: 'Start signing in again from Kruispost. If it keeps failing, ask your AFAS administrator to check the app connector.',
  });
}

export function browserFailed(): AppFailure {
  return new AppFailure(
    'oauth-browser',
    { nl: 'De browser kon niet worden geopend voor de aanmelding.', en: 'The browser could not be opened to sign in.' },
    { nl: 'Controleer of er een standaardbrowser is ingesteld en probeer het opnieuw.', en: 'Check that a default browser is set and try again.' },
  );
}

export function tokenRequestFailed(reference?: string): AppFailure {
  return new AppFailure(
    'oauth-token-failed',
    { nl: 'AFAS gaf geen toegangssleutel af.', en: 'AFAS did not issue an access token.' },
    {
      nl: 'Probeer het opnieuw. Blijft het misgaan, meld u dan opnieuw aan.',
      en: 'Try again. If it keeps failing, sign in again.',
    },
    reference,
  );
}

export function tokenRefreshTimedOut(): AppFailure {
  return new AppFailure(
    'oauth-token-timeout',
    { nl: 'AFAS gaf niet op tijd een nieuwe toegangssleutel.', en: 'AFAS did not issue a new access token in time.' },
    {
      nl: 'Controleer de internetverbinding en probeer het opnieuw. Blijft het misgaan, meld u dan opnieuw aan.',
      en: 'Check the internet connection and try again. If it keeps failing, sign in again.',
    },
  );
}

export function tokenRefreshCancelled(): AppFailure {
  return new AppFailure(
    'oauth-refresh-cancelled',
    { nl: 'Het wachten op een nieuwe AFAS-toegangssleutel is afgebroken.', en: 'Waiting for a new AFAS access token was cancelled.' },
    { nl: 'Start de actie opnieuw als u wilt doorgaan.', en: 'Start the action again if you want to continue.' },
  );
}
