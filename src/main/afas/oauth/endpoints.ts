// AFAS OAuth endpoints live under the environment's REST base (…/ProfitRestServices/oauth/…).
import type { AuthorizationServer, Client } from 'oauth4webapi';

export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

export function authorizationServer(baseUrl: string): AuthorizationServer {
  const base = trimBase(baseUrl);
  return {
    issuer: base,
    authorization_endpoint: `${base}/oauth/authorize`,
    token_endpoint: `${base}/oauth/token`,
  };
}

export function publicClient(clientId: string): Client {
  return { client_id: clientId, token_endpoint_auth_method: 'none' };
}

/** Plain http is only acceptable to this machine (tests, the demo's fake AFAS). */
export function isLoopbackHttp(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]');
}
