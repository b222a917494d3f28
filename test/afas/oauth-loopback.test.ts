// startAuthorization against a stand-in "browser" that calls the loopback redirect itself.
import { describe, expect, it } from 'vitest';
import { startAuthorization } from '../../src/main/afas/oauth';
import { isAppFailure } from '../../src/shared/errors';

const BASE = 'https://12345.rest.afas.online/ProfitRestServices';

async function failureCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppFailure(e)) return e.appError.code;
    throw e;
  }
  throw new Error('expected a failure');
}

interface Seen {
  url?: URL;
  status?: number;
  page?: string;
  /** Settles when the browser has read the whole answer page. */
  done?: Promise<void>;
}

/** A browser that "approves" at once: answers the redirect_uri with the given state and code. */
function approvingBrowser(answer: (state: string) => Record<string, string>, seen: Seen) {
  return (authorizeUrl: string) => {
    seen.done = (async () => {
      const url = new URL(authorizeUrl);
      seen.url = url;
      const back = new URL(url.searchParams.get('redirect_uri')!);
      for (const [k, v] of Object.entries(answer(url.searchParams.get('state')!))) back.searchParams.set(k, v);
      const res = await fetch(back);
      seen.status = res.status;
      seen.page = await res.text();
    })();
    return seen.done;
  };
}

describe('startAuthorization', () => {
  it('sends a PKCE S256 request to AFAS and returns the code from the loopback callback', async () => {
    const seen: Seen = {};
    const result = await startAuthorization({
      baseUrl: `${BASE}/`,
      clientId: 'kruispost',
      openBrowser: approvingBrowser((state) => ({ code: 'the-code', state }), seen),
    });
    expect(result.code).toBe('the-code');
    await seen.done;
    expect(seen.url!.origin + seen.url!.pathname).toBe(`${BASE}/oauth/authorize`);
    const q = seen.url!.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('kruispost');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('state')!.length).toBeGreaterThanOrEqual(32);
    expect(result.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(q.get('redirect_uri')).toBe(result.redirectUri);
    // challenge = base64url(sha256(verifier))
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(result.codeVerifier)));
    expect(q.get('code_challenge')).toBe(Buffer.from(digest).toString('base64url'));
    expect(seen.status).toBe(200);
    expect(seen.page).toContain('U kunt dit venster sluiten');
    expect(seen.page).toContain('You can close this window');
    // Single use: the listener is gone.
    await expect(fetch(`${result.redirectUri}?code=again`)).rejects.toThrow();
  });

  it('a stray callback (wrong state, no code, another error) gets the failure page and does not end the sign-in', async () => {
    const stray: number[] = [];
    const result = await startAuthorization({
      baseUrl: BASE,
      clientId: 'kruispost',
      openBrowser: async (authorizeUrl) => {
        const q = new URL(authorizeUrl).searchParams;
        const back = (params: Record<string, string>) => {
          const u = new URL(q.get('redirect_uri')!);
          for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
          return fetch(u).then(async (r) => {
            await r.text();
            return r.status;
          });
        };
        stray.push(await back({ code: 'stolen', state: 'someone-elses-state' }));
        stray.push(await back({ error: 'access_denied', state: 'someone-elses-state' }));
        stray.push(await back({ state: q.get('state')! })); // right state, no code
        stray.push(await back({}));
        await back({ code: 'the-real-code', state: q.get('state')! });
      },
    });
    expect(stray).toEqual([400, 400, 400, 400]);
    expect(result.code).toBe('the-real-code');
  });

  it('turns error=access_denied into a refused sign-in', async () => {
    const seen = {};
    const code = await failureCode(
      startAuthorization({
        baseUrl: BASE,
        clientId: 'kruispost',
        openBrowser: approvingBrowser((state) => ({ error: 'access_denied', state }), seen),
      }),
    );
    expect(code).toBe('oauth-authorization-failed');
  });

  it('ignores other paths (favicon) and keeps waiting for the callback', async () => {
    const result = await startAuthorization({
      baseUrl: BASE,
      clientId: 'kruispost',
      openBrowser: async (authorizeUrl) => {
        const q = new URL(authorizeUrl).searchParams;
        const redirect = new URL(q.get('redirect_uri')!);
        const favicon = await fetch(new URL('/favicon.ico', redirect));
        expect(favicon.status).toBe(404);
        redirect.searchParams.set('code', 'c1');
        redirect.searchParams.set('state', q.get('state')!);
        await fetch(redirect);
      },
    });
    expect(result.code).toBe('c1');
  });

  it('times out with an AppFailure and closes the listener', async () => {
    let redirect = '';
    const code = await failureCode(
      startAuthorization({
        baseUrl: BASE,
        clientId: 'kruispost',
        timeoutMs: 150,
        openBrowser: async (url) => {
          redirect = new URL(url).searchParams.get('redirect_uri')!;
        },
      }),
    );
    expect(code).toBe('oauth-timeout');
    await expect(fetch(redirect)).rejects.toThrow();
  });

  it('stops when the signal aborts, and when the browser cannot be opened', async () => {
    const controller = new AbortController();
    const aborted = startAuthorization({
      baseUrl: BASE,
      clientId: 'kruispost',
      signal: controller.signal,
      openBrowser: async () => controller.abort(),
    });
    expect(await failureCode(aborted)).toBe('oauth-cancelled');
    const noBrowser = startAuthorization({
      baseUrl: BASE,
      clientId: 'kruispost',
      openBrowser: async () => {
        throw new Error('xdg-open missing');
      },
    });
    expect(await failureCode(noBrowser)).toBe('oauth-browser');
  });
});
