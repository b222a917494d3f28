import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS } from '../../src/shared/methods';
import { launchBrowser, startHarness } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the app shell in a real browser', () => {
  it('starts in Dutch, switches to English, and still speaks English after a restart', async () => {
    const first = await startHarness({ browser });
    const { page } = first;
    await expect.poll(() => page.locator('h1').textContent()).toBe('Kruispost');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await expect.poll(() => page.getByText('Welkom bij Kruispost').count()).toBe(1);
    await first.screenshot('shell-nl');

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.getByText('Welcome to Kruispost').count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await first.screenshot('shell-en');
    const dataDir = first.dataDir;
    await first.close();

    // Restart: a new page and new services over the same SQLite file.
    const second = await startHarness({ browser, dataDir });
    await expect.poll(() => second.page.getByText('Welcome to Kruispost').count()).toBe(1);
    expect(await second.page.getByRole('button', { name: 'EN', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await second.close();
  });

  it('gives the page nothing but the contract: no require, no process, no eval, no other origins', async () => {
    const h = await startHarness({ browser });
    const probe = await h.page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const out: Record<string, unknown> = {
        require: typeof w['require'],
        process: typeof w['process'],
        apiKeys: Object.keys(w['kruispost'] as object).sort(),
        frozen: Object.isFrozen(w['kruispost']),
      };
      // (page.evaluate itself is exempt from CSP, so probe through what a page could really do.)
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const inline = document.createElement('script');
      inline.textContent = 'window.__pwned = true';
      document.body.appendChild(inline);
      const remote = document.createElement('script');
      remote.src = 'http://127.0.0.1:9/evil.js';
      document.body.appendChild(remote);
      try {
        await fetch('http://127.0.0.1:9/steal');
        out['fetchOther'] = 'reached';
      } catch (e) {
        out['fetchOther'] = (e as Error).name;
      }
      try {
        await fetch('/index.html');
        out['fetchSelf'] = 'reached';
      } catch (e) {
        out['fetchSelf'] = (e as Error).name;
      }
      await new Promise((r) => setTimeout(r, 100));
      out['pwned'] = w['__pwned'] === true;
      out['violations'] = [...new Set(violations)].sort();
      const api = w['kruispost'] as Record<string, (...a: unknown[]) => Promise<{ ok: boolean; error?: { code: string } }>>;
      const bad = await api['setLanguage']!('fr');
      out['badArgs'] = bad.ok ? 'accepted' : bad.error?.code;
      return out;
    });
    expect(probe['require']).toBe('undefined');
    expect(probe['process']).toBe('undefined');
    expect(probe['apiKeys']).toEqual([...METHODS].sort());
    expect(probe['frozen']).toBe(true);
    expect(probe['pwned']).toBe(false);
    expect(probe['violations']).toEqual(['connect-src', 'script-src-elem']);
    expect(probe['fetchOther']).toBe('TypeError');
    expect(probe['fetchSelf']).toBe('TypeError'); // connect-src 'none'
    expect(probe['badArgs']).toBe('invalid-arguments');
    expect((await h.backend.invoke<{ language: string }>('getSettings', [])).language).toBe('nl');
    await h.close();
  });
});
