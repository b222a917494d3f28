// The bundled demo: the fake AFAS in-process on 127.0.0.1 serving the generated demo environment,
// with a freshly generated classic token (treated like a real one: it goes into the SecretStore),
// and AFAS's OAuth 2.1 (PKCE + DPoP) so "sign in with AFAS" can be tried without AFAS.
import { randomBytes } from 'node:crypto';
import type { AdministrationConfig, EnvironmentConfig } from '../../shared/domain';
import { DEMO_SYNC_FROM, generateDemoDataset, type DemoDataset } from '../demo/dataset/index';
import { createFakeOAuth, type FakeOAuth } from '../demo/fake-afas/oauth-server';
import { startFakeAfas, type FakeAfas } from '../demo/fake-afas/server';

export interface DemoServer {
  fake: FakeAfas;
  dataset: DemoDataset;
  /** Classic token XML accepted by the server. */
  token: string;
  /** The fake's OAuth authorization server (accepts DEFAULT_OAUTH_CLIENT_ID). */
  oauth: FakeOAuth;
}

/** The client id Kruispost uses at AFAS unless the environment is configured otherwise. */
export const DEFAULT_OAUTH_CLIENT_ID = 'kruispost-desktop';

export function generateDemoToken(): string {
  return `<token><version>1</version><data>${randomBytes(32).toString('hex').toUpperCase()}</data></token>`;
}

export async function startDemoServer(): Promise<DemoServer> {
  const dataset = generateDemoDataset();
  const token = generateDemoToken();
  const oauth = createFakeOAuth({ clientId: DEFAULT_OAUTH_CLIENT_ID });
  const fake = await startFakeAfas({ environment: dataset.environment, tokens: [token], routes: oauth.routes, authVerifiers: [oauth.verifier] });
  return { fake, dataset, token, oauth };
}

/** What configuring a workspace for the demo needs: the orchestrator itself, or a backend's calls. */
export interface DemoTarget {
  saveEnvironment(env: EnvironmentConfig): unknown;
  storeClassicToken(token: string): unknown;
  saveAdministration(config: AdministrationConfig): unknown;
  markDemo(syncFrom: string): unknown;
}

/** Points a (throw-away) workspace at the demo server: environment, token, administrations. */
export async function configureDemo(target: DemoTarget, server: DemoServer): Promise<void> {
  await target.saveEnvironment({ number: server.dataset.truth.envId, type: 'production', baseUrl: server.fake.baseUrl });
  await target.storeClassicToken(server.token);
  for (const a of server.dataset.administrations) await target.saveAdministration(a);
  await target.markDemo(DEMO_SYNC_FROM);
}
