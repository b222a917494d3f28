// "Try with demo data" next to a real workspace: the demo runs in a workspace of its own (its own
// backend, data folder and in-memory token) and leaving it hands back the real one untouched —
// environment, keychain entry, administrations, the controller's wallet entry and audit trail.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenAccount } from '../../src/main/afas/credentials';
import { memorySecretStore } from '../../src/main/secrets/memory';
import type { WorkspaceView } from '../../src/shared/views';
import { launchBrowser, startHarness } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const REAL_TOKEN = `<token><version>1</version><data>${'AB'.repeat(32)}</data></token>`;
const JUNE = { year: 2025, month: 6 };
const REAL_ACCOUNT = tokenAccount({ number: '12345', baseUrl: 'https://12345.rest.afas.online/ProfitRestServices' });

function realDatabase(dataDir: string) {
  const db = new Database(`${dataDir}/kruispost.sqlite`, { readonly: true });
  try {
    return {
      lines: (db.prepare('SELECT count(*) AS n FROM mutation_lines').get() as { n: number }).n,
      audit: db.prepare('SELECT id, action, by FROM audit_log ORDER BY id').all(),
      settings: db.prepare("SELECT key, value FROM settings WHERE key <> 'language' ORDER BY key").all(),
    };
  } finally {
    db.close();
  }
}

describe('the demo next to a real workspace', () => {
  it('never touches the real workspace, database or keychain, and leaving it gives the real one back', async () => {
    // The host's keychain, recording every secret written to it.
    const keychain = memorySecretStore();
    const written: string[] = [];
    const secrets = { ...keychain, set: async (account: string, secret: string) => (written.push(secret), keychain.set(account, secret)) };
    const h = await startHarness({
      browser,
      host: { secrets },
      prepare: async (b) => {
        await b.invoke('saveEnvironment', [{ number: '12345', type: 'production' }]);
        await b.invoke('storeClassicToken', [REAL_TOKEN]);
        await b.invoke('saveAdministration', [{ unitId: 1, name: 'Echte B.V.', profile: 'moss', moss: { balanceAccount: '1050', cashInTransitAccount: '2090', defaultSupplier: '7001', purchaseJournal: 'INK', bankJournal: 'BNK', bankAccounts: ['1100'] } }]);
        await b.invoke('recordWalletBalance', [1, JUNE, 123_456, 'A. de Vries']);
      },
    });
    const { page } = h;
    const before = realDatabase(h.dataDir);
    const keychainBefore = await secrets.get(REAL_ACCOUNT);
    expect(keychainBefore).toContain('ABAB');

    await page.getByRole('button', { name: 'Inrichting' }).click();
    await page.getByRole('button', { name: 'Probeer met demodata' }).click();
    await page.locator('.badge.demo').waitFor();
    const demo = h.workspaces.demoServer()!;
    expect(h.workspaces.active()).not.toBe(h.backend);
    await page.locator('.monthbar button.primary').click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /Klaar: .* regels uit AFAS opgehaald/ }).count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => page.locator('.creditor-table tbody tr').count()).toBeGreaterThan(0);
    await h.screenshot('demo-isolation-in-demo');

    // While the demo runs, and after: the real database, settings and keychain are as they were.
    expect(realDatabase(h.dataDir)).toEqual(before);
    expect(await secrets.get(REAL_ACCOUNT)).toBe(keychainBefore);
    expect(written.some((w) => w.includes(demo.token.slice(30, 60)))).toBe(false);
    expect(written.length).toBe(1); // the real token, before the demo

    await page.getByRole('button', { name: 'Demo verlaten' }).click();
    await expect.poll(() => page.locator('.badge.demo').count()).toBe(0);
    expect(h.workspaces.demoServer()).toBeNull();
    expect(h.workspaces.active()).toBe(h.backend);
    const ws = await h.backend.invoke<WorkspaceView>('getWorkspace', []);
    expect(ws.demo).toBe(false);
    expect(ws.environment?.baseUrl).toBeUndefined();
    expect(ws.administrations.map((a) => a.name)).toEqual(['Echte B.V.']);
    expect(ws.token.stored).toBe(true);
    expect(realDatabase(h.dataDir)).toEqual(before);
    expect(await page.locator('select').first().inputValue()).toBe('1');
    await h.screenshot('demo-isolation-back');
    await h.close();
  });

  it("deletes the demo's data folder when it is left", async () => {
    const h = await startHarness({ browser });
    await h.page.getByRole('button', { name: 'Probeer met demodata' }).click();
    await h.page.locator('.badge.demo').waitFor();
    const folder = h.workspaces.demoDir();
    expect(folder && existsSync(folder)).toBe(true);
    await h.page.getByRole('button', { name: 'Demo verlaten' }).click();
    await expect.poll(() => h.page.locator('.badge.demo').count()).toBe(0);
    expect(existsSync(folder!)).toBe(false);
    await h.close();
  });
});
