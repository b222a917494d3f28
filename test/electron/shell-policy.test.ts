// The Electron main process's security decisions as pure modules, tested under plain Node (the
// Electron binary does not run here): which page loads, from where, with which menu and which
// preferences; what a second instance and an uncaught error do; the fuses the installer sets.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMenuTemplate, type MenuItem } from '../../src/main/app-menu';
import { APP_PAGE_URL, APP_SCHEME_PRIVILEGES, CONTENT_SECURITY_POLICY, appProtocolResponse } from '../../src/main/app-protocol';
import { installCrashGuard } from '../../src/main/crash-guard';
import { startOnce } from '../../src/main/lifecycle';
import { isAppUrl, rendererUrl, webPreferencesFor } from '../../src/main/window-policy';
import { AppFailure } from '../../src/shared/errors';

const ROOT = resolve(import.meta.dirname, '../..');

describe('which page the window loads (item 3)', () => {
  it('a packaged app ignores ELECTRON_RENDERER_URL and loads its own page from app://', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://evil.example:5173/' };
    expect(rendererUrl({ isPackaged: true, env })).toBe('app://kruispost/index.html');
    expect(rendererUrl({ isPackaged: true, env: {} })).toBe(APP_PAGE_URL);
  });

  it('a development run (npm run dev) uses the dev server', () => {
    expect(rendererUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } })).toBe('http://localhost:5173/');
    expect(rendererUrl({ isPackaged: false, env: {} })).toBe(APP_PAGE_URL);
  });
});

describe('Electron fuses in electron-builder.yml (item 3)', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect; turns on OnlyLoadAppFromAsar and asar integrity', () => {
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?:[ ]{2}\S.*\n)+)/m.exec(yml)?.[1] ?? '';
    const fuses = Object.fromEntries([...block.matchAll(/^ {2}(\w+): (true|false)$/gm)].map((m) => [m[1], m[2] === 'true']));
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});

describe('no DevTools in production (item 10)', () => {
  const roles = (items: MenuItem[]): string[] => items.flatMap((i) => [...(i.role ? [i.role] : []), ...(i.submenu ? roles(i.submenu) : [])]);

  it('the packaged menu has no DevTools and no reload; the development menu has them', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const packaged = roles(appMenuTemplate({ isPackaged: true, platform }));
      for (const devOnly of ['toggleDevTools', 'reload', 'forceReload', 'viewMenu', 'help']) expect(packaged, platform).not.toContain(devOnly);
      expect(packaged).toEqual(expect.arrayContaining(['copy', 'paste', 'quit']));
      expect(roles(appMenuTemplate({ isPackaged: false, platform }))).toContain('toggleDevTools');
    }
  });

  it('the packaged window cannot open DevTools at all, and keeps its isolation', () => {
    expect(webPreferencesFor({ isPackaged: true, preload: '/p.cjs' })).toEqual({
      preload: '/p.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false, devTools: false,
    });
    expect(webPreferencesFor({ isPackaged: false, preload: '/p.cjs' }).devTools).toBe(true);
  });
});

describe('the page comes from app://kruispost, not file:// (item 10)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kp-protocol-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Kruispost</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'index-abc.js'), 'export {};');
    writeFileSync(join(dir, 'renderer', 'assets', 'index-abc.css'), 'body{}');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the renderer with the CSP as a response header, the same policy as the meta tag', async () => {
    const page = await appProtocolResponse('app://kruispost/index.html', join(dir, 'renderer'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Kruispost</title>');
    const script = await appProtocolResponse('app://kruispost/assets/index-abc.js?v=1', join(dir, 'renderer'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await appProtocolResponse('app://kruispost/assets/index-abc.css', join(dir, 'renderer'))).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8'))?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves nothing outside the renderer folder, for no other host, and 404s what is missing', async () => {
    for (const url of ['app://kruispost/../secret.txt', 'app://kruispost/%2e%2e/secret.txt', 'app://kruispost/assets/..%2f..%2fsecret.txt', 'app://kruispost/%2e%2e%5csecret.txt', 'app://evil/index.html', 'app://kruispost/nope.js', 'app://kruispost/assets', 'app://kruispost/%00']) {
      const r = await appProtocolResponse(url, join(dir, 'renderer'));
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toContain('outside the renderer');
    }
  });

  it('registers the scheme as standard and secure (so the page has an origin and a secure context)', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
  });

  it('trusts IPC only from that page', () => {
    expect(isAppUrl('app://kruispost/index.html', APP_PAGE_URL)).toBe(true);
    expect(isAppUrl('app://kruispost/index.html#/matching', APP_PAGE_URL)).toBe(true);
    expect(isAppUrl('app://evil/index.html', APP_PAGE_URL)).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html', APP_PAGE_URL)).toBe(false);
    expect(isAppUrl('https://kruispost/index.html', APP_PAGE_URL)).toBe(false);
  });
});

describe('a second instance quits and does not start (item 10)', () => {
  it('returns before any startup work when the lock is held elsewhere', () => {
    const calls: string[] = [];
    expect(startOnce(false, () => calls.push('quit'), () => calls.push('start'))).toBe(false);
    expect(calls).toEqual(['quit']);
    expect(startOnce(true, () => calls.push('quit'), () => calls.push('start'))).toBe(true);
    expect(calls).toEqual(['quit', 'start']);
  });
});

describe('uncaught errors (item 10)', () => {
  function guard() {
    const target = new EventEmitter();
    const logged: [string, unknown][] = [];
    const shown: string[] = [];
    let now = 0;
    installCrashGuard({ target, log: { info: () => undefined, error: (e, err) => logged.push([e, err]) }, showError: (_title, text) => shown.push(text), now: () => now });
    return { target, logged, shown, tick: (ms: number) => (now += ms) };
  }

  it('logs an uncaught exception and shows a bilingual message without the stack or the internal message', () => {
    const g = guard();
    const boom = new Error('secret detail at /home/anna/kruispost/src/x.ts:12');
    g.target.emit('uncaughtException', boom);
    expect(g.logged).toEqual([['uncaughtException', boom]]);
    expect(g.shown).toHaveLength(1);
    expect(g.shown[0]).toMatch(/Er ging iets onverwachts mis/);
    expect(g.shown[0]).toMatch(/Something unexpected went wrong/);
    expect(g.shown[0]).not.toMatch(/secret detail|\.ts:\d+|at /);
  });

  it('does the same for an unhandled rejection; an AppFailure shows its own message; a repeat is not shown again at once', () => {
    const g = guard();
    const failure = new AppFailure('x', { nl: 'Schijf vol.', en: 'Disk full.' }, { nl: 'Maak ruimte vrij.', en: 'Free some space.' });
    g.target.emit('unhandledRejection', failure);
    g.target.emit('unhandledRejection', failure);
    expect(g.logged.map(([e]) => e)).toEqual(['unhandledRejection', 'unhandledRejection']);
    expect(g.shown).toEqual(['Schijf vol.\nMaak ruimte vrij.\n\nDisk full.\nFree some space.']);
    g.tick(61_000);
    g.target.emit('unhandledRejection', failure);
    expect(g.shown).toHaveLength(2);
  });
});

describe('src/main/index.ts stays thin and uses the tested decisions', () => {
  it('wires rendererUrl, the app:// protocol, the menu, webPreferences, the single-instance return and the crash guard', () => {
    const src = readFileSync(join(ROOT, 'src/main/index.ts'), 'utf8');
    expect(src).not.toMatch(/process\.env\[?['"]?ELECTRON_RENDERER_URL/);
    expect(src).not.toMatch(/loadFile|pathToFileURL/);
    for (const used of ['rendererUrl(', 'registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])', 'protocol.handle(', 'appMenuTemplate(', 'webPreferencesFor(', 'startOnce(', 'installCrashGuard(']) {
      expect(src, used).toContain(used);
    }
  });
});
