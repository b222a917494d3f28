// The authorization server half of AFAS OAuth 2.1 (public client, PKCE S256, DPoP RFC 9449) for the
// fake AFAS: /oauth/authorize auto-approves, /oauth/token checks every proof, and the API verifier
// accepts `Authorization: DPoP <token>` only with a fresh, key-bound proof. Strict on purpose, so
// the client is tested against the rules AFAS documents (nonce first, single-use refresh, 30 days).
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmbeddedJWK, base64url, calculateJwkThumbprint, jwtVerify, type JWK } from 'jose';
import type { ApiAuthResult, ApiAuthVerifier, RouteHandler } from './types';

export interface FakeOAuthOptions {
  clientId: string;
  /** Access token lifetime (default 3600 s), answered as a string like AFAS does. */
  accessTtlSeconds?: number;
  /** A refresh chain ends this many days after its first token (default 30). */
  chainDays?: number;
  /** Clock in epoch ms (default Date.now), for expiry tests. */
  now?: () => number;
  /** How long a DPoP-Nonce stays acceptable (default 300 s). */
  nonceTtlSeconds?: number;
  /** Allowed distance between a proof's iat and now (default 60 s). */
  proofMaxSkewSeconds?: number;
}

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  dpopJkt?: string;
  expiresAt: number;
  used: boolean;
}

export interface IssuedAccessToken {
  jkt: string;
  expiresAt: number;
  revoked: boolean;
}

export interface IssuedRefreshToken {
  jkt: string;
  chainStartedAt: number;
  used: boolean;
}

export interface FakeOAuthState {
  codes: Map<string, CodeGrant>;
  accessTokens: Map<string, IssuedAccessToken>;
  refreshTokens: Map<string, IssuedRefreshToken>;
  /** jti of every accepted proof: a second use is refused. */
  seenJti: Set<string>;
  /** Nonce → issued at (ms). */
  nonces: Map<string, number>;
  /** Makes every nonce handed out so far stale (the next request gets use_dpop_nonce). */
  expireNonces(): void;
  /** Revokes all access tokens (the API then answers invalid_token). */
  revokeAccessTokens(): void;
  /** What each token request ended in, e.g. 'use_dpop_nonce', 'ok', 'invalid_grant'. */
  tokenResults: string[];
  /** What each API verification ended in. */
  apiResults: string[];
}

export interface FakeOAuth {
  routes: RouteHandler[];
  verifier: ApiAuthVerifier;
  state: FakeOAuthState;
}

const AUTHORIZE_PATH = '/ProfitRestServices/oauth/authorize';
const TOKEN_PATH = '/ProfitRestServices/oauth/token';
const CODE_TTL_MS = 600_000;

const random = (bytes = 32): string => base64url.encode(randomBytes(bytes));
const sha256b64u = (text: string): string => base64url.encode(createHash('sha256').update(text, 'utf8').digest());

function isLoopbackRedirect(value: string | null): value is string {
  if (!value) return false;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === '[::1]' || u.hostname === 'localhost') && !u.hash;
  } catch {
    return false;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/**
 * Listens synchronously: the server may already have put the request in flowing mode
 * (req.resume()), and a listener attached after an await would miss the body.
 */
function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.once('error', reject);
  });
}

type ProofCheck = { ok: true; jkt: string } | { ok: false; error: 'use_dpop_nonce' | 'invalid_dpop_proof'; description: string };

export function createFakeOAuth(options: FakeOAuthOptions): FakeOAuth {
  const now = options.now ?? Date.now;
  const accessTtlMs = (options.accessTtlSeconds ?? 3600) * 1000;
  const chainMs = (options.chainDays ?? 30) * 86_400_000;
  const nonceTtlMs = (options.nonceTtlSeconds ?? 300) * 1000;
  const maxSkewS = options.proofMaxSkewSeconds ?? 60;

  const state: FakeOAuthState = {
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    seenJti: new Set(),
    nonces: new Map(),
    expireNonces: () => state.nonces.clear(),
    revokeAccessTokens: () => {
      for (const t of state.accessTokens.values()) t.revoked = true;
    },
    tokenResults: [],
    apiResults: [],
  };

  /** The nonce to hand out now: the newest one while it is young, else a new one. */
  function currentNonce(): string {
    let newest: [string, number] | undefined;
    for (const entry of state.nonces) if (!newest || entry[1] >= newest[1]) newest = entry;
    if (newest && now() - newest[1] < nonceTtlMs / 2) return newest[0];
    const nonce = random(16);
    state.nonces.set(nonce, now());
    return nonce;
  }

  function nonceValid(nonce: unknown): boolean {
    if (typeof nonce !== 'string') return false;
    const issued = state.nonces.get(nonce);
    return issued !== undefined && now() - issued <= nonceTtlMs;
  }

  async function checkProof(req: IncomingMessage, url: URL, accessToken?: string): Promise<ProofCheck> {
    const header = req.headers['dpop'];
    if (typeof header !== 'string' || !header) return { ok: false, error: 'invalid_dpop_proof', description: 'exactly one DPoP header' };
    let payload: Record<string, unknown>;
    let jwk: JWK;
    try {
      const verified = await jwtVerify(header, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: ['ES256'] });
      payload = verified.payload as Record<string, unknown>;
      jwk = verified.protectedHeader.jwk as JWK;
    } catch {
      return { ok: false, error: 'invalid_dpop_proof', description: 'signature, typ or jwk' };
    }
    const { jti, htm, htu, iat, ath, nonce } = payload;
    if (typeof jti !== 'string' || !jti) return { ok: false, error: 'invalid_dpop_proof', description: 'jti' };
    if (htm !== req.method) return { ok: false, error: 'invalid_dpop_proof', description: 'htm' };
    let htuOk: boolean;
    try {
      const claimed = new URL(String(htu));
      const host = req.headers.host ?? url.host;
      htuOk =
        !claimed.search &&
        !claimed.hash &&
        claimed.pathname === url.pathname &&
        (claimed.origin === url.origin || claimed.host === host);
    } catch {
      htuOk = false;
    }
    if (!htuOk) return { ok: false, error: 'invalid_dpop_proof', description: 'htu' };
    if (typeof iat !== 'number' || Math.abs(now() / 1000 - iat) > maxSkewS) {
      return { ok: false, error: 'invalid_dpop_proof', description: 'iat' };
    }
    if (accessToken !== undefined && ath !== sha256b64u(accessToken)) {
      return { ok: false, error: 'invalid_dpop_proof', description: 'ath' };
    }
    if (state.seenJti.has(jti)) return { ok: false, error: 'invalid_dpop_proof', description: 'jti replayed' };
    if (!nonceValid(nonce)) return { ok: false, error: 'use_dpop_nonce', description: 'Authorization server requires nonce in DPoP proof' };
    state.seenJti.add(jti);
    return { ok: true, jkt: await calculateJwkThumbprint(jwk) };
  }

  function issue(jkt: string, chainStartedAt: number): Record<string, string> {
    const access = random();
    const refresh = random();
    state.accessTokens.set(access, { jkt, expiresAt: now() + accessTtlMs, revoked: false });
    state.refreshTokens.set(refresh, { jkt, chainStartedAt, used: false });
    return {
      access_token: access,
      token_type: 'DPoP',
      expires_in: String(Math.round(accessTtlMs / 1000)),
      refresh_token: refresh,
    };
  }

  const authorize: RouteHandler = (req, res, url) => {
    if (url.pathname !== AUTHORIZE_PATH) return false;
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri');
    // Never redirect to an unchecked address: a bad client or redirect gets a plain error.
    if (req.method !== 'GET' || q.get('client_id') !== options.clientId || !isLoopbackRedirect(redirectUri)) {
      send(res, 400, { error: 'invalid_request', error_description: 'client_id or redirect_uri' });
      return true;
    }
    const back = new URL(redirectUri);
    const clientState = q.get('state');
    if (clientState) back.searchParams.set('state', clientState);
    const challenge = q.get('code_challenge');
    if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !challenge) {
      back.searchParams.set('error', 'invalid_request');
    } else {
      const code = random();
      const dpopJkt = q.get('dpop_jkt') ?? undefined;
      state.codes.set(code, { clientId: options.clientId, redirectUri, challenge, dpopJkt, expiresAt: now() + CODE_TTL_MS, used: false });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { Location: back.href, 'Cache-Control': 'no-store', 'Content-Length': '0' });
    res.end();
    return true;
  };

  const token: RouteHandler = async (req, res, url) => {
    if (url.pathname !== TOKEN_PATH) return false;
    const fail = (status: number, error: string, description: string, headers: Record<string, string> = {}): true => {
      state.tokenResults.push(error);
      send(res, status, { error, error_description: description }, { 'DPoP-Nonce': currentNonce(), ...headers });
      return true;
    };
    if (req.method !== 'POST') return fail(405, 'invalid_request', 'POST only');
    const form = await readForm(req);
    if (form.get('client_id') !== options.clientId) return fail(401, 'invalid_client', 'unknown client_id');
    if (form.has('client_secret')) return fail(401, 'invalid_client', 'public clients have no secret');
    const proof = await checkProof(req, url);
    if (!proof.ok) return fail(400, proof.error, proof.description);

    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = state.codes.get(form.get('code') ?? '');
      if (!code || code.used || now() > code.expiresAt) return fail(400, 'invalid_grant', 'code unknown, used or expired');
      code.used = true;
      if (form.get('redirect_uri') !== code.redirectUri) return fail(400, 'invalid_grant', 'redirect_uri');
      const verifier = form.get('code_verifier') ?? '';
      if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || sha256b64u(verifier) !== code.challenge) {
        return fail(400, 'invalid_grant', 'code_verifier');
      }
      if (code.dpopJkt && code.dpopJkt !== proof.jkt) return fail(400, 'invalid_dpop_proof', 'dpop_jkt');
      state.tokenResults.push('ok');
      send(res, 200, issue(proof.jkt, now()), { 'DPoP-Nonce': currentNonce() });
      return true;
    }
    if (grantType === 'refresh_token') {
      const refresh = state.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!refresh || refresh.used) return fail(400, 'invalid_grant', 'refresh token unknown or already used');
      if (refresh.jkt !== proof.jkt) return fail(400, 'invalid_grant', 'refresh token bound to another key');
      if (now() >= refresh.chainStartedAt + chainMs) return fail(400, 'invalid_grant', 'refresh chain ended');
      refresh.used = true;
      state.tokenResults.push('ok');
      send(res, 200, issue(proof.jkt, refresh.chainStartedAt), { 'DPoP-Nonce': currentNonce() });
      return true;
    }
    return fail(400, 'unsupported_grant_type', String(grantType));
  };

  const verifier: ApiAuthVerifier = async (req, url) => {
    const authorization = req.headers.authorization ?? '';
    const match = /^DPoP\s+(\S+)$/i.exec(authorization);
    if (!match) return null;
    const accessToken = match[1]!;
    const deny = (error: string, description: string): ApiAuthResult => {
      state.apiResults.push(error);
      return {
        ok: false,
        status: 401,
        body: { error, error_description: description },
        headers: {
          'WWW-Authenticate': `DPoP error="${error}", error_description="${description}", algs="ES256"`,
          'DPoP-Nonce': currentNonce(),
        },
      };
    };
    const issued = state.accessTokens.get(accessToken);
    if (!issued || issued.revoked) return deny('invalid_token', 'unknown or revoked access token');
    if (now() >= issued.expiresAt) return deny('invalid_token', 'access token expired');
    const proof = await checkProof(req, url, accessToken);
    if (!proof.ok) return deny(proof.error, proof.description);
    if (proof.jkt !== issued.jkt) return deny('invalid_token', 'access token bound to another key');
    state.apiResults.push('ok');
    return { ok: true };
  };

    // The token route first: it must see the request body before anything awaits.
  return { routes: [token, authorize], verifier, state };
}
