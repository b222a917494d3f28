// AFAS OAuth 2.1 public client (PKCE + DPoP): what the rest of the app uses.
export { startAuthorization, type AuthorizationResult, type StartAuthorizationOptions } from './loopback';
export { oauthAuth, OAuthSession, type OAuthAuthOptions } from './session';
export { signIn, signOut, type SignInOptions } from './sign-in';
export { dpopKeyAccount, loadOrCreateDpopKey } from './dpop';
export { oauthAccount, readGrant, type StoredGrant } from './refresh-store';
