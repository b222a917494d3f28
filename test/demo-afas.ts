// The fake AFAS serving the demo dataset for one test file, and a classic-token client on it.
// Call at the top of the file: both start before its tests and stop after them.
import { afterAll, beforeAll } from 'vitest';
import { classicTokenAuth } from '../src/main/afas/classic-token';
import { createAfasClient } from '../src/main/afas/client';
import type { AfasClient } from '../src/main/afas/types';
import { generateDemoDataset } from '../src/main/demo/dataset/index';
import { startFakeAfas, type FakeAfas } from '../src/main/demo/fake-afas/server';

export interface DemoAfas {
  readonly dataset: ReturnType<typeof generateDemoDataset>;
  /** The fake's address and a client on it (from beforeAll on). */
  readonly baseUrl: string;
  readonly client: AfasClient;
}

export function demoAfas(token: string): DemoAfas {
  const dataset = generateDemoDataset();
  let fake: FakeAfas;
  let client: AfasClient;
  beforeAll(async () => {
    fake = await startFakeAfas({ environment: dataset.environment, tokens: [token] });
    client = createAfasClient({ baseUrl: fake.baseUrl, auth: classicTokenAuth(token) });
  });
  afterAll(async () => {
    await client?.close();
    await fake?.close();
  });
  return {
    dataset,
    get baseUrl() {
      return fake.baseUrl;
    },
    get client() {
      return client;
    },
  };
}
