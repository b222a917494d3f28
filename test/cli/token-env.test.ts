// KRUISPOST_AFAS_TOKEN for headless runs: used whatever the data folder says the app signed in
// with, and gone from the environment once read. The default data folder is the app's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceConfigStore } from '../../src/main/app/workspace-config';
import { defaultDataDir } from '../../src/main/cli/data-dir';
import { UsageError } from '../../src/main/cli/errors';
import { reconcileCommand, TOKEN_ENV } from '../../src/main/cli/reconcile';
import { generateDemoDataset } from '../../src/main/demo/dataset/index';
import { startFakeAfas, type FakeAfas } from '../../src/main/demo/fake-afas/server';
import { openDatabase } from '../../src/main/store/database';
import { centsToDecimal } from '../../src/shared/money';
import { mossConfig } from './helpers';

const TOKEN = `<token><version>1</version><data>${'C0FFEE'.repeat(10)}C0DE</data></token>`;
let fake: FakeAfas;
let dir: string;

function sink(): NodeJS.WriteStream & { text: () => string } {
  let text = '';
  const w = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return Object.assign(w, { text: () => text }) as unknown as NodeJS.WriteStream & { text: () => string };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kp-token-env-'));
  fake = await startFakeAfas({ environment: generateDemoDataset().environment, tokens: [TOKEN] });
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('KRUISPOST_AFAS_TOKEN', () => {
  it('is used even when the data folder says the app signed in with OAuth, and removed from the environment once read', async () => {
    const dataDir = join(dir, 'app-data');
    const db = openDatabase(join(dataDir, 'kruispost.sqlite'));
    workspaceConfigStore(db).update((c) => ({ ...c, environment: { number: '12345', type: 'production' }, authKind: 'oauth' }));
    db.close();
    const config = join(dir, 'clean.json');
    writeFileSync(config, JSON.stringify(mossConfig([2])));
    const env: NodeJS.ProcessEnv = { [TOKEN_ENV]: TOKEN, LANG: 'en_US.UTF-8' };
    const stderr = sink();
    const wallet = centsToDecimal(generateDemoDataset().truth.units.find((u) => u.unitId === 2)!.periods['2025-06']!.wallet);
    const args = ['--config', config, '--period', '2025-06', '--wallet-balance', `2=${wallet}`, '--base-url', fake.baseUrl, '--data-dir', dataDir];
    const code = await reconcileCommand(args, { stdout: sink(), stderr, env });
    expect(stderr.text()).not.toMatch(/not signed in/i);
    expect(code).toBe(0);
    expect(env[TOKEN_ENV]).toBeUndefined();
    expect(TOKEN_ENV in env).toBe(false);
  });

  it('is removed from the environment even when it is malformed', async () => {
    const config = join(dir, 'c.json');
    writeFileSync(config, JSON.stringify(mossConfig([2])));
    const env: NodeJS.ProcessEnv = { [TOKEN_ENV]: 'not a token' };
    await expect(reconcileCommand(['--config', config, '--period', '2025-06', '--data-dir', join(dir, 'd2')], { stdout: sink(), stderr: sink(), env })).rejects.toBeInstanceOf(UsageError);
    expect(TOKEN_ENV in env).toBe(false);
  });
});

describe('the default data folder', () => {
  it("on Linux is the desktop app's (Electron userData for Kruispost: ~/.config/Kruispost)", () => {
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Kruispost'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/srv/conf' }, 'linux')).toBe(join('/srv/conf', 'Kruispost'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\a\\AppData\\Roaming', 'Kruispost'));
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Kruispost'));
  });
});
