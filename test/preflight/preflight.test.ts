// `npm test` on a machine without Chromium, gnome-keyring or LibreOffice: before any suite, one
// message names each missing part, which suite needs it and the command that installs it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { missingParts, report } from './checks';
import { requireParts } from './global-setup';

const run = promisify(execFile);
const TSX = resolve('node_modules/tsx/dist/cli.mjs');

describe('the test preflight', () => {
  it('on a bare machine names every part with its install command, and exits 1 before anything runs', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'kp-bare-'));
    try {
      // Only node itself: no chromium, libreoffice, pdfinfo, gnome-keyring-daemon or dbus-run-session.
      symlinkSync(process.execPath, join(bare, 'node'));
      const err = await run(process.execPath, [TSX, 'test/preflight/run.ts'], { env: { PATH: bare, CHROMIUM_PATH: join(bare, 'chromium'), HOME: bare } }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(err?.code).toBe(1);
      const text = err!.stderr;
      expect(text).toContain('npm test cannot run');
      for (const [part, command] of [
        ['Chromium', 'sudo apt-get install -y chromium'],
        ['LibreOffice Calc', 'sudo apt-get install -y libreoffice-calc'],
        ['poppler-utils', 'sudo apt-get install -y poppler-utils'],
        ['gnome-keyring', 'sudo apt-get install -y gnome-keyring libsecret-1-dev'],
        ['D-Bus', 'sudo apt-get install -y dbus'],
      ] as const) {
        expect(text).toContain(`✗ ${part}`);
        expect(text).toContain(command);
      }
      expect(text).toContain('sudo apt-get update && sudo apt-get install -y chromium libreoffice-calc poppler-utils gnome-keyring libsecret-1-dev dbus');
      expect(text).not.toMatch(/browserType\.launch|Executable doesn't exist/);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('names only what is missing', () => {
    const env = { PATH: process.env['PATH'] ?? '', CHROMIUM_PATH: '/nonexistent/chromium' };
    const missing = missingParts(env).map((p) => p.name);
    expect(missing).toContain('Chromium');
    expect(report(missingParts(env))).toContain('CHROMIUM_PATH');
    expect(report([])).toBe('');
  });

  it('runs first in `npm test`, and guards the e2e and keychain projects run on their own', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['test']!.startsWith('npm run preflight && ')).toBe(true);
    const saved = process.env['CHROMIUM_PATH'];
    process.env['CHROMIUM_PATH'] = '/nonexistent/chromium';
    try {
      expect(() => requireParts(['Chromium'])).toThrow(/Chromium: needed by the e2e suite[\s\S]*sudo apt-get install -y chromium/);
    } finally {
      if (saved === undefined) delete process.env['CHROMIUM_PATH'];
      else process.env['CHROMIUM_PATH'] = saved;
    }
    const config = readFileSync('vitest.config.ts', 'utf8');
    expect(config).toContain("globalSetup: ['test/preflight/e2e-setup.ts']");
    expect(config).toContain("globalSetup: ['test/preflight/keychain-setup.ts']");
  });

  it('passes on this machine (the CI image has everything)', async () => {
    const out = await run(process.execPath, [TSX, 'test/preflight/run.ts']);
    expect(out.stdout).toContain('preflight:');
  });
});
