// Every way an AFAS call can fail, as an AppFailure in Dutch and English with what to change in
// AFAS (menu paths as the AFAS integration guides give them). Never includes the token or headers.
import type { Bilingual } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';

const APP_CONNECTOR_NL = 'Algemeen > Beheer > App connector';

export interface HttpFailureContext {
  status: number;
  /** Response body as text (may be JSON, XML, empty). */
  body: string | null;
  /** Lower-cased response headers. */
  headers?: Record<string, string | string[] | undefined>;
  connectorId?: string;
}

interface Afas500 {
  externalMessage?: string;
  errorNumber?: number;
  profitLogReference?: string;
}

function parseJson(body: string | null): unknown {
  if (!body) return null;
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/** `retry_after` from a 503 body, or the Retry-After header, in seconds. */
export function retryAfterSeconds(body: string | null, headers?: HttpFailureContext['headers']): number | null {
  const json = parseJson(body) as { retry_after?: unknown } | null;
  const fromBody = json && typeof json === 'object' ? Number(json.retry_after) : NaN;
  if (Number.isFinite(fromBody) && fromBody >= 0) return fromBody;
  const header = headers?.['retry-after'];
  const text = Array.isArray(header) ? header[0] : header;
  if (text === undefined) return null;
  const seconds = Number(text);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(text);
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - Date.now()) / 1000)) : null;
}

export function afas500(body: string | null): Afas500 {
  const json = parseJson(body);
  if (!json || typeof json !== 'object') return {};
  const j = json as Record<string, unknown>;
  return {
    ...(typeof j.externalMessage === 'string' ? { externalMessage: j.externalMessage } : {}),
    ...(typeof j.errorNumber === 'number' ? { errorNumber: j.errorNumber } : {}),
    ...(typeof j.profitLogReference === 'string' && j.profitLogReference ? { profitLogReference: j.profitLogReference } : {}),
  };
}

/** Messages AFAS gives for a page that was too heavy: answered by a smaller page, not a retry. */
export function isPageTooLarge(message: string | undefined): boolean {
  return !!message && /out of string space|out of memory/i.test(message);
}

/** A 500 that may pass when tried again (a query timeout, a deadlock), unlike functional errors. */
export function isTransient500(message: string | undefined): boolean {
  return !!message && /time-?out|timed out|deadlock|temporar|try again|probeer het (later )?opnieuw/i.test(message);
}

/** AFAS ended the query after its 900 s: the same query would run as long again. */
export function isCommandTimeout(message: string | undefined): boolean {
  return !!message && /command time-?out|time-?out expired|timed out/i.test(message);
}

/**
 * Messages that say what is wrong with the request or the App Connector: sending it again
 * cannot help (field not found, connector not authorised or blocked, a filter AFAS rejects).
 */
export function isFunctional500(message: string | undefined): boolean {
  return (
    !!message &&
    (/connector ?field .*(not found|niet gevonden)/i.test(message) ||
      /not supported for this app|not authori[sz]ed|is blocked|geblokkeerd/i.test(message) ||
      /filter|operator ?type|invalid value|ongeldige? (waarde|filter)/i.test(message))
  );
}

const connectorName = (id?: string) => (id ? `GetConnector ${id}` : 'de GetConnector');
const connectorNameEn = (id?: string) => (id ? `GetConnector ${id}` : 'the GetConnector');

function failure(code: string, message: Bilingual, action: Bilingual, reference?: string): AppFailure {
  return new AppFailure(code, message, action, reference);
}

export function translateHttpFailure(ctx: HttpFailureContext): AppFailure {
  const { status, connectorId } = ctx;
  // A known Profit message says more than the status (AFAS sends "not authorized" with 401 or 500).
  const known = ctx.body ? translateKnownMessage(ctx) : null;
  if (known) return known;
  const c = connectorName(connectorId);
  const ce = connectorNameEn(connectorId);
  switch (status) {
    case 401:
      return failure(
        'afas.unauthorized',
        {
          nl: `AFAS weigert de toegang (401): de token is ongeldig of verlopen, of ${c} zit niet in de App Connector.`,
          en: `AFAS refused access (401): the token is invalid or expired, or ${ce} is not in the App Connector.`,
        },
        {
          nl: `Controleer in AFAS onder ${APP_CONNECTOR_NL} dat de App Connector niet geblokkeerd is, dat ${c} op het tabblad GetConnectoren staat en dat de gebruiker in de gebruikersgroep van de connector zit. Token kwijt of verlopen? Maak op het tabblad Gebruikerstokens een nieuwe token en plak die in Kruispost.`,
          en: `In AFAS, under ${APP_CONNECTOR_NL}, check that the App Connector is not blocked, that ${ce} is on the GetConnectoren tab and that the user is in the connector's user group. Token lost or expired? Create a new one on the Gebruikerstokens tab and paste it into Kruispost.`,
        },
      );
    case 403:
      return failure(
        'afas.forbidden_ip',
        {
          nl: 'AFAS weigert verbindingen vanaf dit IP-adres (403): de App Connector heeft een IP-beperking.',
          en: 'AFAS refuses connections from this IP address (403): the App Connector has an IP restriction.',
        },
        {
          nl: `Laat uw AFAS-beheerder het IP-adres van deze computer (of van uw kantoornetwerk) toevoegen aan de toegestane IP-adressen van de App Connector (${APP_CONNECTOR_NL}), of werk vanaf een toegestaan netwerk.`,
          en: `Ask your AFAS administrator to add this computer's (or your office network's) IP address to the App Connector's allowed IP addresses (${APP_CONNECTOR_NL}), or work from an allowed network.`,
        },
      );
    case 404:
      return failure(
        'afas.not_found',
        {
          nl: 'AFAS kent dit adres niet (404): verkeerd omgevingsnummer of omgevingstype, of een te lange zoekopdracht.',
          en: 'AFAS does not know this address (404): wrong environment number or type, or a query that is too long.',
        },
        {
          nl: 'Controleer het deelnemersnummer (Algemeen > Omgeving > Beheer > Informatie) en of het een productie-, test- of acceptatieomgeving is. Gebruikt u een eigen adres, controleer dat het op /ProfitRestServices eindigt.',
          en: 'Check the participant number (Algemeen > Omgeving > Beheer > Informatie) and whether it is a production, test or accept environment. With a custom address, check that it ends in /ProfitRestServices.',
        },
      );
    case 429:
      return failure(
        'afas.rate_limited',
        { nl: 'AFAS krijgt te veel aanvragen tegelijk (429).', en: 'AFAS is receiving too many requests at once (429).' },
        {
          nl: 'Wacht een paar minuten en probeer het opnieuw. Draaien er andere koppelingen op dezelfde omgeving, plan het ophalen dan op een rustiger moment.',
          en: 'Wait a few minutes and try again. If other integrations use the same environment, fetch at a quieter moment.',
        },
      );
    case 503: {
      const after = retryAfterSeconds(ctx.body, ctx.headers);
      const minutes = after === null ? null : Math.max(1, Math.ceil(after / 60));
      return failure(
        'afas.maintenance',
        {
          nl: `AFAS is tijdelijk niet beschikbaar (onderhoud)${minutes ? `; verwacht over ongeveer ${minutes} minuten weer` : ''}.`,
          en: `AFAS is temporarily unavailable (maintenance)${minutes ? `; expected back in about ${minutes} minutes` : ''}.`,
        },
        { nl: 'Probeer het later opnieuw. Zie afasstatus.nl voor gepland onderhoud.', en: 'Try again later. See afasstatus.nl for planned maintenance.' },
      );
    }
    case 413:
      return failure(
        'afas.payload_too_large',
        { nl: 'Het antwoord van AFAS is te groot (413).', en: 'The AFAS response is too large (413).' },
        { nl: 'Haal een kortere periode op.', en: 'Fetch a shorter period.' },
      );
    case 400:
      return failure(
        'afas.bad_request',
        { nl: `AFAS weigert de aanvraag als ongeldig (400)${bodyHint(ctx.body)}.`, en: `AFAS rejected the request as invalid (400)${bodyHint(ctx.body)}.` },
        {
          nl: 'Controleer de veldkoppeling van aangepaste GetConnectors in de instellingen. Blijft het, stuur dan het logbestand naar support.',
          en: 'Check the field mapping of custom GetConnectors in the settings. If it persists, send the log file to support.',
        },
      );
  }
  if (status >= 500) return translate500(ctx);
  return failure(
    'afas.http',
    { nl: `AFAS gaf een onverwacht antwoord (HTTP ${status}).`, en: `AFAS gave an unexpected answer (HTTP ${status}).` },
    { nl: 'Probeer het opnieuw. Blijft het, stuur dan het logbestand naar support.', en: 'Try again. If it persists, send the log file to support.' },
  );
}

function bodyHint(body: string | null): string {
  const json = parseJson(body) as { error?: unknown; externalMessage?: unknown } | null;
  const text = json && typeof json === 'object' ? (typeof json.externalMessage === 'string' ? json.externalMessage : typeof json.error === 'string' ? json.error : '') : '';
  return text ? `: ${text.slice(0, 200)}` : '';
}

function translate500(ctx: HttpFailureContext): AppFailure {
  const known = translateKnownMessage(ctx);
  if (known) return known;
  const { externalMessage: msg, profitLogReference: ref } = afas500(ctx.body);
  const c = connectorName(ctx.connectorId);
  const ce = connectorNameEn(ctx.connectorId);
  if (isTransient500(msg)) {
    return failure(
      'afas.command_timeout',
      { nl: `AFAS deed te lang over ${c} (time-out).`, en: `AFAS took too long on ${ce} (timeout).` },
      { nl: 'Probeer het later opnieuw of haal een kortere periode op.', en: 'Try again later or fetch a shorter period.' },
      ref,
    );
  }
  return failure(
    'afas.functional_error',
    {
      nl: msg ? `AFAS meldt een fout bij ${c}: ${msg}` : `AFAS gaf een serverfout (HTTP ${ctx.status}) bij ${c}.`,
      en: msg ? `AFAS reports an error on ${ce}: ${msg}` : `AFAS gave a server error (HTTP ${ctx.status}) on ${ce}.`,
    },
    {
      nl: ref ? `Zoek de melding op in AFAS (logreferentie ${ref}) of geef de referentie door aan uw AFAS-beheerder.` : 'Probeer het opnieuw. Blijft het, geef de melding door aan uw AFAS-beheerder.',
      en: ref ? `Look the message up in AFAS (log reference ${ref}) or pass the reference to your AFAS administrator.` : 'Try again. If it persists, pass the message to your AFAS administrator.',
    },
    ref,
  );
}

/** The documented GetConnector messages, whatever status they came with. */
function translateKnownMessage(ctx: HttpFailureContext): AppFailure | null {
  const { externalMessage: msg, profitLogReference: ref } = afas500(ctx.body);
  if (!msg) return null;
  const c = connectorName(ctx.connectorId);
  const ce = connectorNameEn(ctx.connectorId);
  const field = msg ? /connector ?field '?"?([^'"]+?)'?"? (?:not found|niet gevonden)/i.exec(msg)?.[1] : undefined;
  if (field) {
    return failure(
      'afas.field_not_found',
      { nl: `Het veld ${field} bestaat niet in ${c}.`, en: `Field ${field} does not exist in ${ce}.` },
      {
        nl: `Is ${c} een aangepaste kopie? Voeg het veld ${field} toe aan de GetConnector in AFAS (Algemeen > Beheer > GetConnector, veld toevoegen), of koppel in Kruispost onder Instellingen het juiste veld. Gebruik bij voorkeur de standaard GetConnector van AFAS.`,
        en: `Is ${ce} a customised copy? Add field ${field} to the GetConnector in AFAS (Algemeen > Beheer > GetConnector, add field), or map the right field in Kruispost's settings. Prefer AFAS's standard GetConnector.`,
      },
      ref,
    );
  }
  if (msg && /not supported for this app|user is not authori[sz]ed/i.test(msg)) {
    return failure(
      'afas.connector_not_authorized',
      {
        nl: `${capital(c)} is niet toegestaan voor deze App Connector, of de gebruiker heeft er geen rechten op.`,
        en: `${capital(ce)} is not allowed for this App Connector, or the user is not authorised for it.`,
      },
      {
        nl: `Voeg ${c} toe in AFAS: ${APP_CONNECTOR_NL} > open de connector > tabblad GetConnectoren > Nieuw. Controleer ook dat de koppelgebruiker in de gebruikersgroep van de App Connector zit en toegang heeft tot de administratie.`,
        en: `Add ${ce} in AFAS: ${APP_CONNECTOR_NL} > open the connector > GetConnectoren tab > Nieuw. Also check that the connection user is in the App Connector's user group and has access to the administration.`,
      },
      ref,
    );
  }
  if (msg && /is blocked|geblokkeerd/i.test(msg)) {
    return failure(
      'afas.connector_blocked',
      {
        nl: `AFAS heeft ${c} geblokkeerd, meestal door te veel of te zware aanvragen (fair use).`,
        en: `AFAS has blocked ${ce}, usually after too many or too heavy requests (fair use).`,
      },
      {
        nl: 'Wacht voordat u opnieuw ophaalt en haal dan een kortere periode op. Blijft de blokkade, vraag uw AFAS-beheerder of AFAS Support de GetConnector vrij te geven.',
        en: 'Wait before fetching again, then fetch a shorter period. If the block stays, ask your AFAS administrator or AFAS Support to release the GetConnector.',
      },
      ref,
    );
  }
  if (isPageTooLarge(msg)) {
    return failure(
      'afas.page_too_large',
      { nl: `AFAS kon een pagina van ${c} niet samenstellen (te veel gegevens per keer).`, en: `AFAS could not build a page of ${ce} (too much data at once).` },
      {
        nl: 'Kruispost haalt al kleinere pagina’s op. Lukt het dan nog niet, haal een kortere periode op of verwijder overbodige velden uit een aangepaste GetConnector.',
        en: 'Kruispost already fetches smaller pages. If it still fails, fetch a shorter period or remove unneeded fields from a customised GetConnector.',
      },
      ref,
    );
  }
  return null;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH|EPROTO$)/;
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

export type NetworkKind = 'tls' | 'timeout' | 'dns' | 'refused' | 'network';

/** Walks `cause` chains: undici wraps the socket's error. */
export function errorCodes(e: unknown): string[] {
  const codes: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    cur = (cur as { cause?: unknown }).cause;
  }
  return codes;
}

export function networkKind(e: unknown): NetworkKind {
  const codes = errorCodes(e);
  if (codes.some((c) => TLS_CODES.test(c))) return 'tls';
  if (codes.some((c) => TIMEOUT_CODES.has(c))) return 'timeout';
  if (codes.some((c) => c === 'ENOTFOUND' || c === 'EAI_AGAIN')) return 'dns';
  if (codes.includes('ECONNREFUSED')) return 'refused';
  return 'network';
}

export function translateNetworkError(e: unknown): AppFailure {
  switch (networkKind(e)) {
    case 'tls':
      return failure(
        'afas.tls',
        { nl: 'De beveiligde verbinding met AFAS is niet te vertrouwen (certificaatfout).', en: 'The secure connection to AFAS cannot be trusted (certificate error).' },
        {
          nl: 'Controleer het AFAS-adres en de datum en tijd van deze computer. Zit u achter een bedrijfsproxy die verkeer inspecteert, vraag uw IT-afdeling het proxycertificaat te installeren. Kruispost verbindt niet zonder geldig certificaat.',
          en: "Check the AFAS address and this computer's date and time. Behind a company proxy that inspects traffic, ask IT to install the proxy certificate. Kruispost does not connect without a valid certificate.",
        },
      );
    case 'timeout':
      return failure(
        'afas.timeout',
        { nl: 'AFAS antwoordde niet op tijd.', en: 'AFAS did not answer in time.' },
        { nl: 'Controleer uw internetverbinding en probeer het opnieuw, eventueel met een kortere periode.', en: 'Check your internet connection and try again, possibly with a shorter period.' },
      );
    case 'dns':
      return failure(
        'afas.dns',
        { nl: 'Het AFAS-adres is niet gevonden.', en: 'The AFAS address was not found.' },
        {
          nl: 'Controleer uw internetverbinding, het deelnemersnummer en het omgevingstype (productie, test, accept).',
          en: 'Check your internet connection, the participant number and the environment type (production, test, accept).',
        },
      );
    case 'refused':
    case 'network':
      return failure(
        'afas.network',
        { nl: 'De verbinding met AFAS is verbroken of kwam niet tot stand.', en: 'The connection to AFAS was lost or could not be made.' },
        { nl: 'Controleer uw internetverbinding (en eventuele proxy of VPN) en probeer het opnieuw.', en: 'Check your internet connection (and any proxy or VPN) and try again.' },
      );
  }
}

export function badResponse(connectorId?: string): AppFailure {
  return failure(
    'afas.bad_response',
    { nl: `AFAS stuurde een onleesbaar antwoord voor ${connectorName(connectorId)}.`, en: `AFAS sent an unreadable answer for ${connectorNameEn(connectorId)}.` },
    { nl: 'Probeer het opnieuw. Blijft het, stuur dan het logbestand naar support.', en: 'Try again. If it persists, send the log file to support.' },
  );
}

export function queryTooLong(connectorId: string, length: number): AppFailure {
  return failure(
    'afas.query_too_long',
    {
      nl: `De zoekopdracht voor ${connectorName(connectorId)} is te lang (${length} tekens; AFAS staat er ongeveer 2.049 toe).`,
      en: `The query for ${connectorNameEn(connectorId)} is too long (${length} characters; AFAS allows about 2,049).`,
    },
    { nl: 'Kies minder rekeningen of een kortere periode tegelijk.', en: 'Choose fewer accounts or a shorter period at once.' },
  );
}

export function cancelled(): AppFailure {
  return failure('afas.cancelled', { nl: 'Ophalen uit AFAS is gestopt.', en: 'Fetching from AFAS was stopped.' }, { nl: 'Start het ophalen opnieuw wanneer u wilt.', en: 'Start fetching again when you like.' });
}
