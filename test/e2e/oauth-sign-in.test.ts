// "Inloggen bij AFAS (OAuth)" in the first-run wizard, in a real Chromium over the real orchestrator
// and the bundled fake AFAS with OAuth 2.1 (PKCE + DPoP). The system browser is played by fetch
// following AFAS's redirect to Kruispost's loopback callback.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/main/app';
import { readGrant } from '../../src/main/afas/oauth';
import { memorySecretStore } from '../../src/main/secrets/memory';
import type { WorkspaceView } from '../../src/shared/views';
import { launchBrowser, startHarness } from './harness';

let browser: Browser;
let demo: DemoServer;
beforeAll(async () => {
  browser = await launchBrowser();
  demo = await startDemoServer();
});
afterAll(async () => {
  await browser?.close();
  await demo?.fake.close();
});

describe('sign in with AFAS (OAuth) in the wizard', () => {
  it('shows the choice, waits for the browser, reports a failure with its action, then signs in and connects', async () => {
    const env = demo.dataset.truth.envId;
    const secrets = memorySecretStore();
    let browserWorks = false;
    let release: () => void = () => undefined;
    const opened: string[] = [];
    const openExternal = async (url: string): Promise<void> => {
      opened.push(url);
      if (!browserWorks) throw new Error('no browser');
      // Hold the "browser" until the test has seen the waiting state.
      await new Promise<void>((ok) => (release = ok));
      await (await fetch(url)).text();
    };
    const h = await startHarness({
      browser,
      host: { secrets, openExternal },
      prepare: async (backend) => void (await backend.invoke('saveEnvironment', [{ number: env, type: 'production', baseUrl: demo.fake.baseUrl }])),
    });
    try {
      const { page } = h;
      const step = page.locator('[data-step="1"]');
      await step.getByRole('radio', { name: 'Inloggen bij AFAS (OAuth)' }).waitFor();
      await expect.poll(() => step.textContent()).toContain('AFAS stopt in 2027 met de klassieke App Connector-tokens');
      // Paste a token is the default; the OAuth choice swaps the token field for the sign-in.
      expect(await step.getByRole('textbox', { name: /App Connector-token/ }).count()).toBe(1);
      await step.getByRole('radio', { name: 'Inloggen bij AFAS (OAuth)' }).check();
      expect(await step.getByRole('textbox', { name: /App Connector-token/ }).count()).toBe(0);
      expect(await step.getByRole('textbox', { name: 'OAuth client-id' }).inputValue()).toBe('kruispost-desktop');
      const signIn = step.getByRole('button', { name: 'Inloggen bij AFAS', exact: true });
      const oauthStatus = step.locator('[data-auth="oauth"] [role="status"]');
      expect(await oauthStatus.textContent()).toBe('Nog niet aangemeld bij AFAS');

      // No browser: the error and what to do about it, in Dutch.
      await signIn.click();
      const alert = step.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('De browser kon niet worden geopend');
      expect(await alert.textContent()).toContain('Controleer of er een standaardbrowser is ingesteld');
      expect(await alert.getAttribute('data-code')).toBe('oauth-browser');

      // With a browser: waiting while the controller signs in, then signed in.
      browserWorks = true;
      await signIn.click();
      await expect.poll(() => oauthStatus.textContent()).toContain('Wachten op de browser');
      expect(await signIn.isDisabled()).toBe(true);
      expect(await alert.count()).toBe(0);
      // The screen waits from the click; the browser opens once the backend has made PKCE and the DPoP key.
      await expect.poll(() => opened[1] ?? '').toMatch(/\/ProfitRestServices\/oauth\/authorize\?.*client_id=kruispost-desktop/);
      release();
      await expect.poll(() => oauthStatus.textContent(), { timeout: 15_000 }).toBe('Aangemeld bij AFAS (OAuth)');
      expect((await h.backend.invoke<WorkspaceView>('getWorkspace', [])).token.kind).toBe('oauth');
      expect(await readGrant(secrets, { number: env, baseUrl: demo.fake.baseUrl })).not.toBeNull();

      // The connection test goes over DPoP-authorised calls.
      await step.getByRole('button', { name: 'Verbinding testen' }).click();
      await expect.poll(() => step.getByRole('status').filter({ hasText: 'Verbonden met Profit' }).count(), { timeout: 15_000 }).toBe(1);
      expect(demo.oauth.state.apiResults).toContain('ok');
      await expect.poll(() => step.locator('.step-state').textContent()).toContain('Verbonden');
      await h.screenshot('oauth-signed-in');
    } finally {
      await h.close();
    }
  });
});
