// Which hosts may receive an AFAS secret: AFAS's own REST hosts, this machine (tests, the demo's
// fake AFAS), and any other https host only when an administrator set the explicit override.

/** Set to 1 to allow a proxy or other non-AFAS https host (never reachable from the renderer). */
export const CUSTOM_HOST_OVERRIDE = 'KRUISPOST_ALLOW_CUSTOM_AFAS_HOST';

export interface HostPolicy {
  /** Accept https hosts that are not *.rest[test|accept].afas.online. Default: the override variable. */
  allowCustomHost?: boolean;
}

/** One label, then AFAS's production, test or accept REST domain, on the default https port. */
const AFAS_HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.(?:rest|resttest|restaccept)\.afas\.online$/;

export function isAfasHost(url: URL): boolean {
  return url.protocol === 'https:' && url.port === '' && AFAS_HOST.test(url.hostname);
}

export function isLoopbackHost(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

export function customHostAllowed(policy: HostPolicy = {}, env: NodeJS.ProcessEnv = process.env): boolean {
  return policy.allowCustomHost ?? env[CUSTOM_HOST_OVERRIDE] === '1';
}
