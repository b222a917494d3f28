// The bundled demo: the fake AFAS in-process on 127.0.0.1 serving the generated demo environment,
// with a freshly generated classic token (treated like a real one: it goes into the SecretStore).
import { randomBytes } from 'node:crypto';
import { generateDemoDataset, type DemoDataset } from '../demo/dataset/index';
import { startFakeAfas, type FakeAfas } from '../demo/fake-afas/server';

export interface DemoServer {
  fake: FakeAfas;
  dataset: DemoDataset;
  /** Classic token XML accepted by the server. */
  token: string;
}

export function generateDemoToken(): string {
  return `<token><version>1</version><data>${randomBytes(32).toString('hex').toUpperCase()}</data></token>`;
}

export async function startDemoServer(): Promise<DemoServer> {
  const dataset = generateDemoDataset();
  const token = generateDemoToken();
  const fake = await startFakeAfas({ environment: dataset.environment, tokens: [token] });
  return { fake, dataset, token };
}
