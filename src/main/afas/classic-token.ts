// The classic AFAS token: what the App Connector shows once, and how a request carries it.
import type { RequestAuth } from './types';
import { AppFailure } from '../../shared/errors';

const DATA = /^[0-9A-Fa-f]{64}$/;
const XML = /^<token>\s*<version>\s*(\d+)\s*<\/version>\s*<data>([\s\S]*?)<\/data>\s*<\/token>$/i;

/**
 * Accepts the whole XML or only the data part (users paste either), with stray spaces and line
 * breaks, and returns the normalised XML `<token><version>1</version><data>…</data></token>`.
 */
export function parseClassicToken(text: string): string {
  const trimmed = text.trim().replace(/^["']|["']$/g, '');
  const xml = XML.exec(trimmed.replace(/>\s+</g, '><'));
  const version = xml ? xml[1] : '1';
  const data = (xml ? (xml[2] as string) : trimmed).replace(/\s+/g, '');
  if (!DATA.test(data) || version !== '1') throw malformedToken();
  return `<token><version>1</version><data>${data}</data></token>`;
}

function malformedToken(): AppFailure {
  // Never echo what was pasted: it may be (part of) a secret.
  return new AppFailure(
    'afas.token.malformed',
    { nl: 'Dit lijkt geen AFAS-token.', en: 'This does not look like an AFAS token.' },
    {
      nl: 'Een token ziet er zo uit: <token><version>1</version><data>…64 tekens 0-9 en A-F…</data></token>. Plak de hele token of alleen het deel tussen <data> en </data>. AFAS toont de token één keer, bij het aanmaken onder Algemeen > Beheer > App connector > Gebruikerstokens. Kwijt? Verwijder de oude token daar en maak een nieuwe.',
      en: 'A token looks like <token><version>1</version><data>…64 characters 0-9 and A-F…</data></token>. Paste the whole token or only the part between <data> and </data>. AFAS shows the token once, when it is created under Algemeen > Beheer > App connector > Gebruikerstokens. Lost it? Delete the old token there and create a new one.',
    },
  );
}

/** `Authorization: AfasToken base64(utf-8 xml)`; the header value is built once. */
export function classicTokenAuth(xml: string): RequestAuth {
  const header = `AfasToken ${Buffer.from(parseClassicToken(xml), 'utf8').toString('base64')}`;
  return {
    headers: async () => ({ authorization: header }),
  };
}
