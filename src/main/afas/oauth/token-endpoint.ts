// Calls to {base}/oauth/token: the grant shapes and response checks come from oauth4webapi; the
// DPoP proof is ours (DpopSigner) so the token endpoint and the REST API share one key and nonce.
import * as oauth from 'oauth4webapi';
import { isAppFailure } from '../../../shared/errors';
import { authorizationServer, isLoopbackHttp, publicClient } from './endpoints';
import type { DpopSigner } from './dpop';
import { signInAgain, tokenRequestFailed } from './errors';

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms (by the injected clock) after which the access token is no longer used. */
  expiresAt: number;
}

export interface TokenEndpointContext {
  baseUrl: string;
  clientId: string;
  signer: DpopSigner;
  now: () => number;
  signal?: AbortSignal;
}

/** AFAS answers expires_in as a string ("3600"); oauth4webapi parses both. Missing → 1 hour. */
const DEFAULT_LIFETIME_S = 3600;

function requestOptions(ctx: TokenEndpointContext): oauth.TokenEndpointRequestOptions {
  return {
    signal: ctx.signal,
    [oauth.allowInsecureRequests]: isLoopbackHttp(ctx.baseUrl),
    [oauth.customFetch]: async (url: string, init: oauth.CustomFetchOptions<'POST', URLSearchParams>) => {
      const headers = { ...init.headers, dpop: await ctx.signer.proof('POST', url) };
      const response = await fetch(url, { ...init, headers });
      ctx.signer.observe(url, response.headers);
      return response;
    },
  };
}

async function withNonceRetry(
  ctx: TokenEndpointContext,
  send: (options: oauth.TokenEndpointRequestOptions) => Promise<Response>,
  process: (response: Response) => Promise<oauth.TokenEndpointResponse>,
  grant: 'authorization_code' | 'refresh_token',
): Promise<TokenSet> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await send(requestOptions(ctx));
      const tokens = await process(response);
      if (!tokens.refresh_token) throw tokenRequestFailed();
      const lifetime = tokens.expires_in ?? DEFAULT_LIFETIME_S;
      return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, expiresAt: ctx.now() + lifetime * 1000 };
    } catch (e) {
      // The server demands a (fresh) nonce first; the signer has kept the one it sent.
      if (attempt === 0 && oauth.isDPoPNonceError(e)) continue;
      if (e instanceof oauth.ResponseBodyError && e.error === 'invalid_grant' && grant === 'refresh_token') {
        throw signInAgain('refresh-rejected');
      }
      if (e instanceof oauth.ResponseBodyError || e instanceof oauth.OperationProcessingError) throw tokenRequestFailed();
      if (isAppFailure(e)) throw e;
      throw tokenRequestFailed();
    }
  }
}

export function exchangeCode(
  ctx: TokenEndpointContext,
  grant: { code: string; redirectUri: string; codeVerifier: string },
): Promise<TokenSet> {
  const as = authorizationServer(ctx.baseUrl);
  const client = publicClient(ctx.clientId);
  // The generic request: authorizationCodeGrantRequest wants the callback's branded parameters,
  // and startAuthorization hands over the plain code.
  const params = new URLSearchParams({ code: grant.code, redirect_uri: grant.redirectUri, code_verifier: grant.codeVerifier });
  return withNonceRetry(
    ctx,
    (options) => oauth.genericTokenEndpointRequest(as, client, oauth.None(), 'authorization_code', params, options),
    (response) => oauth.processAuthorizationCodeResponse(as, client, response),
    'authorization_code',
  );
}

export function refreshTokens(ctx: TokenEndpointContext, refreshToken: string): Promise<TokenSet> {
  const as = authorizationServer(ctx.baseUrl);
  const client = publicClient(ctx.clientId);
  return withNonceRetry(
    ctx,
    (options) => oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, options),
    (response) => oauth.processRefreshTokenResponse(as, client, response),
    'refresh_token',
  );
}
