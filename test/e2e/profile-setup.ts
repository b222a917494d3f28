// What the e2e tests of a clearing profile's setup share: the demo on the fake AFAS for the file
// (test/demo-afas.ts), a browser, a harness whose workspace knows the environment and token but no
// administration yet, and the setup screen's choices loaded from AFAS with a picker for its fields.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Period } from '../../src/shared/domain';
import { demoAfas, type DemoAfas } from '../demo-afas';
import { launchBrowser, startHarness, type Harness } from './harness';

export interface ProfileSetupFile {
  readonly dataset: DemoAfas['dataset'];
  /** A harness on the setup screen: environment, token and first month to sync are saved. */
  harness(syncFrom: Period): Promise<Harness>;
}

/** Call at the top of a test file: a browser and a fake AFAS serving the demo, for the file's tests. */
export function profileSetupFile(token: string): ProfileSetupFile {
  const afas = demoAfas(token);
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    dataset: afas.dataset,
    harness: (syncFrom) =>
      startHarness({
        browser,
        prepare: async (b) => {
          await b.invoke('saveEnvironment', [{ number: '12345', type: 'production', baseUrl: afas.baseUrl }]);
          await b.invoke('storeClassicToken', [token]);
          await b.invoke('setSyncFrom', [syncFrom]);
        },
      }),
  };
}

/**
 * Loads the setup screen's choices from AFAS; the picker fills a field with an id and waits
 * until the field shows it with its AFAS name ("11050 — Moss Balance").
 */
export async function loadChoices(page: Page): Promise<(label: string, id: string) => Promise<void>> {
  await page.getByRole('button', { name: 'Keuzes ophalen uit AFAS' }).click();
  await expect.poll(() => page.locator('datalist option').count()).toBeGreaterThan(10);
  return async (label, id) => {
    await page.getByLabel(label, { exact: true }).fill(id);
    await expect.poll(() => page.getByLabel(label, { exact: true }).inputValue()).toMatch(new RegExp(`^${id} — `));
  };
}
