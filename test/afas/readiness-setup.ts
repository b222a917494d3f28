// What the readiness tests of the clearing profiles share: the fake AFAS serving the demo for the
// file, a client on it, and the checks of one administration by id for the first half of 2025.
import { afterAll, beforeAll } from 'vitest';
import { classicTokenAuth } from '../../src/main/afas/classic-token';
import { createAfasClient } from '../../src/main/afas/client';
import { administrationReadiness } from '../../src/main/afas/readiness-profiles';
import type { AfasClient } from '../../src/main/afas/types';
import { generateDemoDataset } from '../../src/main/demo/dataset/index';
import { startFakeAfas, type FakeAfas } from '../../src/main/demo/fake-afas/server';
import type { AdministrationConfig } from '../../src/shared/domain';

export const FIRST_HALF = { from: { year: 2025, month: 1 }, to: { year: 2025, month: 6 } };

/** Call at the top of a test file. */
export function demoReadiness(token: string) {
  const dataset = generateDemoDataset();
  let fake: FakeAfas;
  let client: AfasClient;
  beforeAll(async () => {
    fake = await startFakeAfas({ environment: dataset.environment, tokens: [token] });
    client = createAfasClient({ baseUrl: fake.baseUrl, auth: classicTokenAuth(token) });
  });
  afterAll(async () => {
    await client.close();
    await fake.close();
  });
  return {
    dataset,
    checks: (config: AdministrationConfig, months = FIRST_HALF) => administrationReadiness(client, 1, config, months),
    byId: async (config: AdministrationConfig, months = FIRST_HALF) => Object.fromEntries((await administrationReadiness(client, 1, config, months)).map((c) => [c.id, c])),
  };
}
