// Which AFAS environment the app talks to: the participant number, its type and the REST base URL.
import type { EnvironmentType } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { CUSTOM_HOST_OVERRIDE, customHostAllowed, isAfasHost, isLoopbackHost, type HostPolicy } from './host-policy';

export interface Environment {
  number: string;
  type: EnvironmentType;
  baseUrl: string;
}

const HOST_PART: Record<EnvironmentType, string> = { production: 'rest', test: 'resttest', accept: 'restaccept' };
const LETTER_TYPE: Record<string, EnvironmentType> = { O: 'production', T: 'test', A: 'accept' };

/** "12345" or the environment id AFAS shows ("O12345AA", "T12345AA", "A12345AA"). */
const ENV_ID = /^(?:([OTA])(\d{4,7})[A-Z]{2}|(\d{4,7}))$/;

export function parseEnvironment(input: { number: string; type?: EnvironmentType; baseUrl?: string }, policy: HostPolicy = {}): Environment {
  const text = input.number.trim().toUpperCase().replace(/\s+/g, '');
  const m = ENV_ID.exec(text);
  if (!m) {
    throw new AppFailure(
      'afas.environment.invalid',
      {
        nl: `"${input.number.trim()}" is geen AFAS-omgevingsnummer.`,
        en: `"${input.number.trim()}" is not an AFAS environment number.`,
      },
      {
        nl: 'Vul het deelnemersnummer in (meestal vijf cijfers, bijv. 12345) of de omgevings-ID zoals O12345AA. U vindt het in AFAS onder Algemeen > Omgeving > Beheer > Informatie.',
        en: 'Enter the participant number (usually five digits, e.g. 12345) or the environment id such as O12345AA. AFAS shows it under Algemeen > Omgeving > Beheer > Informatie.',
      },
    );
  }
  const number = (m[2] ?? m[3]) as string;
  const letterType = m[1] ? LETTER_TYPE[m[1]] : undefined;
  if (letterType && input.type && input.type !== letterType) {
    throw new AppFailure(
      'afas.environment.type_conflict',
      {
        nl: `De omgevings-ID ${text} hoort bij een ${typeNl(letterType)}omgeving, maar u koos ${typeNl(input.type)}.`,
        en: `Environment id ${text} belongs to a ${letterType} environment, but ${input.type} was chosen.`,
      },
      { nl: 'Kies het type dat bij de omgevings-ID hoort, of vul alleen de cijfers in.', en: 'Choose the type that matches the environment id, or enter the digits only.' },
    );
  }
  const type = letterType ?? input.type ?? 'production';
  const baseUrl = input.baseUrl?.trim() ? parseBaseUrl(input.baseUrl.trim(), policy) : `https://${number}.${HOST_PART[type]}.afas.online/ProfitRestServices`;
  return { number, type, baseUrl };
}

function typeNl(t: EnvironmentType): string {
  return t === 'production' ? 'productie' : t === 'test' ? 'test' : 'accept';
}

/**
 * An explicit REST address: must end in /ProfitRestServices; AFAS's own hosts and this machine are
 * accepted, another https host (a proxy) only with the override; plain http only on loopback.
 */
export function parseBaseUrl(text: string, policy: HostPolicy = {}): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badBaseUrl(text);
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (!/\/ProfitRestServices$/i.test(path) || url.search || url.hash || url.username || url.password) throw badBaseUrl(text);
  const loopback = isLoopbackHost(url);
  if (url.protocol === 'http:' && !loopback) {
    throw new AppFailure(
      'afas.environment.insecure',
      { nl: 'Een AFAS-adres moet met https:// beginnen.', en: 'An AFAS address must start with https://.' },
      {
        nl: 'Gebruik https. Alleen een lokale testserver (127.0.0.1 of localhost) mag http gebruiken.',
        en: 'Use https. Only a local test server (127.0.0.1 or localhost) may use http.',
      },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badBaseUrl(text);
  // The token goes wherever this address points: only to AFAS itself unless explicitly allowed.
  if (!loopback && !isAfasHost(url) && !customHostAllowed(policy)) throw notAfasHost(url.host);
  return `${url.protocol}//${url.host}${path}`;
}

function notAfasHost(host: string): AppFailure {
  return new AppFailure(
    'afas.environment.host',
    {
      nl: `${host} is geen AFAS-server. Kruispost stuurt uw AFAS-token alleen naar AFAS zelf (…rest.afas.online, …resttest.afas.online, …restaccept.afas.online).`,
      en: `${host} is not an AFAS server. Kruispost sends your AFAS token only to AFAS itself (…rest.afas.online, …resttest.afas.online, …restaccept.afas.online).`,
    },
    {
      nl: `Laat het adres leeg voor het standaardadres van uw omgeving. Moet het via een eigen proxy, laat de beheerder dan ${CUSTOM_HOST_OVERRIDE}=1 zetten in de omgeving van Kruispost.`,
      en: `Leave the address empty for your environment's standard address. If it must go through your own proxy, have the administrator set ${CUSTOM_HOST_OVERRIDE}=1 in Kruispost's environment.`,
    },
  );
}

function badBaseUrl(text: string): AppFailure {
  return new AppFailure(
    'afas.environment.base_url',
    { nl: `"${text}" is geen geldig AFAS REST-adres.`, en: `"${text}" is not a valid AFAS REST address.` },
    {
      nl: 'Een adres eindigt op /ProfitRestServices, bijv. https://12345.rest.afas.online/ProfitRestServices. Laat het veld leeg voor het standaardadres.',
      en: 'An address ends in /ProfitRestServices, e.g. https://12345.rest.afas.online/ProfitRestServices. Leave it empty for the standard address.',
    },
  );
}
