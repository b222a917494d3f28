// Authorization code + PKCE through the system browser, answered on a one-shot loopback listener
// (RFC 8252 §7.3): the redirect goes to http://127.0.0.1:{random port}/callback.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oauth from 'oauth4webapi';
import { AppFailure } from '../../../shared/errors';
import { authorizationServer, publicClient } from './endpoints';
import { authorizationCancelled, authorizationRejected, authorizationTimedOut, browserFailed } from './errors';

export interface StartAuthorizationOptions {
  baseUrl: string;
  clientId: string;
  openBrowser: (url: string) => Promise<void>;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Thumbprint of the DPoP key, sent as dpop_jkt so the code is bound to it. */
  dpopJkt?: string;
}

export interface AuthorizationResult {
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

const PAGE_STYLE = 'font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;line-height:1.5';

function page(title: string, nl: string, en: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="${PAGE_STYLE}"><h1>${title}</h1><p>${nl}</p><p lang="en">${en}</p></body></html>`;
}

const DONE_PAGE = page(
  'Kruispost',
  'Aanmelden bij AFAS is gelukt. U kunt dit venster sluiten en terugkeren naar Kruispost.',
  'Signed in to AFAS. You can close this window and return to Kruispost.',
);
const FAILED_PAGE = page(
  'Kruispost',
  'Aanmelden bij AFAS is niet gelukt. U kunt dit venster sluiten; Kruispost vertelt wat u kunt doen.',
  'Signing in to AFAS did not succeed. You can close this window; Kruispost tells you what to do.',
);

function answer(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(html);
}

export async function startAuthorization(options: StartAuthorizationOptions): Promise<AuthorizationResult> {
  const { baseUrl, clientId, openBrowser, timeoutMs = 300_000, signal } = options;
  if (signal?.aborted) throw authorizationCancelled();
  const as = authorizationServer(baseUrl);
  const client = publicClient(clientId);
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
  const state = oauth.generateRandomState();

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const redirectUri = `http://127.0.0.1:${port}/callback`;

  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  try {
    const code = await new Promise<string>((resolve, reject) => {
      timer = setTimeout(() => reject(authorizationTimedOut()), timeoutMs);
      onAbort = () => reject(authorizationCancelled());
      signal?.addEventListener('abort', onAbort, { once: true });

      let settled = false;
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        const url = new URL(req.url ?? '/', redirectUri);
        // Browsers also ask for /favicon.ico and the like: not ours, and not the end of the flow.
        if (req.method !== 'GET' || url.pathname !== '/callback' || settled) {
          answer(res, 404, FAILED_PAGE);
          return;
        }
        // Anything on this machine can call the port: only an answer carrying our state may end
        // the sign-in (with a code, or AFAS's error). A stray request is answered and ignored.
        const ours = url.searchParams.get('state') === state;
        if (!ours || (!url.searchParams.has('code') && !url.searchParams.has('error'))) {
          answer(res, 400, FAILED_PAGE);
          return;
        }
        settled = true;
        try {
          const params = oauth.validateAuthResponse(as, client, url.searchParams, state);
          const got = params.get('code');
          if (!got) throw authorizationRejected('invalid');
          answer(res, 200, DONE_PAGE);
          resolve(got);
        } catch (e) {
          answer(res, 400, FAILED_PAGE);
          if (e instanceof AppFailure) reject(e);
          else if (e instanceof oauth.AuthorizationResponseError) reject(authorizationRejected('denied'));
          else reject(authorizationRejected('invalid'));
        }
      });

      const authorizeUrl = new URL(as.authorization_endpoint!);
      authorizeUrl.searchParams.set('response_type', 'code');
      authorizeUrl.searchParams.set('client_id', clientId);
      authorizeUrl.searchParams.set('redirect_uri', redirectUri);
      authorizeUrl.searchParams.set('state', state);
      authorizeUrl.searchParams.set('code_challenge', codeChallenge);
      authorizeUrl.searchParams.set('code_challenge_method', 'S256');
      if (options.dpopJkt) authorizeUrl.searchParams.set('dpop_jkt', options.dpopJkt);
      openBrowser(authorizeUrl.href).catch(() => reject(browserFailed()));
    });
    return { code, redirectUri, codeVerifier };
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    // The answer page was sent with `connection: close`; idle keep-alive sockets go now.
    server.close();
    server.closeIdleConnections();
  }
}
