// RequestAuth for an AFAS environment signed in through OAuth: `Authorization: DPoP <access>` plus
// a proof per request. The access token lives in memory only; the refresh token in the keychain.
import { isAppFailure } from '../../../shared/errors';
import type { RequestAuth } from '../types';
import type { SecretStore } from '../../secrets/types';
import { DpopSigner, loadOrCreateDpopKey } from './dpop';
import { signInAgain, tokenRefreshCancelled, tokenRefreshTimedOut } from './errors';
import { deleteGrant, readGrant, writeGrant } from './refresh-store';
import { refreshTokens, type TokenSet } from './token-endpoint';

export interface OAuthAuthOptions {
  baseUrl: string;
  clientId: string;
  envNumber: string;
  secrets: SecretStore;
  /** Injectable clock (epoch ms) for expiry tests. */
  now?: () => number;
  /** AFAS ends a refresh chain 30 days after its first token. */
  chainDays?: number;
  /** How long a token refresh may take before it is given up (default 30 s). */
  refreshTimeoutMs?: number;
}

/** Refresh this long before expires_in runs out, so a request never leaves with a dying token. */
const EXPIRY_MARGIN_MS = 30_000;
const DAY_MS = 86_400_000;
const REFRESH_TIMEOUT_MS = 30_000;

/** The access token a request carried (`Authorization: DPoP <token>`), header name in any case. */
function sentToken(sent: Record<string, string> | undefined): string | null {
  if (!sent) return null;
  const value = Object.entries(sent).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
  return value ? value.replace(/^DPoP\s+/i, '') : null;
}

/** The promise, or a rejection as soon as the caller's signal aborts (the promise itself goes on). */
function unlessAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(tokenRefreshCancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(tokenRefreshCancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function wwwAuthenticateError(value: string | undefined): string | null {
  if (!value || !/^\s*dpop\b/i.test(value)) return null;
  return /\berror="([^"]*)"/i.exec(value)?.[1] ?? null;
}

export class OAuthSession implements RequestAuth {
  private readonly now: () => number;
  private readonly chainMs: number;
  private signerPromise: Promise<DpopSigner> | null = null;
  private access: { token: string; expiresAt: number } | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(private readonly options: OAuthAuthOptions) {
    this.now = options.now ?? Date.now;
    this.chainMs = (options.chainDays ?? 30) * DAY_MS;
  }

  /** The DPoP signer, its key loaded from (or created in) the keychain once. */
  signer(): Promise<DpopSigner> {
    this.signerPromise ??= loadOrCreateDpopKey(this.options.secrets, this.scope()).then(
      (key) => new DpopSigner(key, this.now),
    );
    this.signerPromise.catch(() => (this.signerPromise = null));
    return this.signerPromise;
  }

  /** The environment and origin this session's secrets are bound to. */
  private scope(): { number: string; baseUrl: string } {
    return { number: this.options.envNumber, baseUrl: this.options.baseUrl };
  }

  /** After sign-in: the first access token is already here, no refresh needed. */
  prime(tokens: TokenSet): void {
    this.access = { token: tokens.accessToken, expiresAt: tokens.expiresAt };
  }

  async headers(method: string, url: string, signal?: AbortSignal): Promise<Record<string, string>> {
    const accessToken = await this.accessToken(signal);
    const signer = await this.signer();
    return { Authorization: `DPoP ${accessToken}`, DPoP: await signer.proof(method, url, accessToken) };
  }

  async observe(status: number, headers: Record<string, string | undefined>, _body?: string | null, sent?: Record<string, string>): Promise<boolean> {
    const signer = await this.signer();
    signer.observe(this.options.baseUrl, headers);
    if (status !== 401) return false;
    const error = wwwAuthenticateError(headers['www-authenticate']);
    if (error === 'use_dpop_nonce') return Boolean(headers['dpop-nonce']);
    if (error !== 'invalid_token') return false;
    // Revoked or expired early. Requests in flight all carried the refused token: the first to
    // come back refreshes, the others wait for that same refresh; each is then sent once more
    // (the client allows one such retry). A request whose token was already replaced just retries.
    const used = sentToken(sent) ?? this.access?.token ?? null;
    if (used !== null && used === this.access?.token) this.access = null;
    if (used === null && !this.refreshing) return false;
    await this.accessToken();
    return true;
  }

  private async accessToken(signal?: AbortSignal): Promise<string> {
    if (this.access && this.now() < this.access.expiresAt - EXPIRY_MARGIN_MS) return this.access.token;
    // One refresh at a time: the refresh token is single-use, a second caller must wait for the first.
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
    // A caller that gives up stops waiting; the refresh itself runs on (bounded by its timeout), so a
    // refresh token AFAS has already spent is never lost to a cancelled sync.
    return unlessAborted(this.refreshing, signal);
  }

  private async refresh(): Promise<string> {
    const { secrets, baseUrl, clientId } = this.options;
    const scope = this.scope();
    const grant = await readGrant(secrets, scope);
    if (!grant) throw signInAgain('not-signed-in');
    if (this.now() >= Date.parse(grant.chainStartedAt) + this.chainMs) {
      await deleteGrant(secrets, scope);
      throw signInAgain('chain-ended');
    }
    let tokens: TokenSet;
    const timeout = AbortSignal.timeout(this.options.refreshTimeoutMs ?? REFRESH_TIMEOUT_MS);
    try {
      tokens = await refreshTokens({ baseUrl, clientId, signer: await this.signer(), now: this.now, signal: timeout }, grant.refreshToken);
    } catch (e) {
      if (timeout.aborted) throw tokenRefreshTimedOut();
      if (isAppFailure(e) && e.appError.code === 'oauth-signin-again') {
        await deleteGrant(secrets, scope);
      }
      throw e;
    }
    // Stored before the access token is used: the old refresh token is already spent at AFAS.
    await writeGrant(secrets, scope, { refreshToken: tokens.refreshToken, chainStartedAt: grant.chainStartedAt });
    this.access = { token: tokens.accessToken, expiresAt: tokens.expiresAt };
    return tokens.accessToken;
  }
}

export function oauthAuth(options: OAuthAuthOptions): RequestAuth {
  return new OAuthSession(options);
}
