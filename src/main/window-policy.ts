// Pure decisions behind the window's security settings, so they are unit-tested without Electron.
import { APP_PAGE_URL } from './app-protocol';

/** External links the app may hand to the system browser (help pages, AFAS, Moss). */
const EXTERNAL_HOSTS = ['help.afas.nl', 'docs.afas.help', 'www.afas.nl', 'help.getmoss.com', 'getmoss.com'];

export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && EXTERNAL_HOSTS.some((h) => u.hostname === h || u.hostname.endsWith(`.${h}`));
  } catch {
    return false;
  }
}

/** Is this URL our own renderer page (app://kruispost or, in development, the dev server)? */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const u = new URL(url);
    const a = new URL(appUrl);
    if (a.protocol === 'file:') return u.protocol === 'file:' && u.pathname === a.pathname;
    // Compared by scheme and host: for a custom scheme Node's URL has no origin ("null").
    return u.protocol === a.protocol && u.host === a.host;
  } catch {
    return false;
  }
}

/**
 * The page to load. ELECTRON_RENDERER_URL (electron-vite's dev server) only when not packaged:
 * in a shipped app that variable would load any page with the preload's API.
 */
export function rendererUrl(opts: { isPackaged: boolean; env: Record<string, string | undefined> }): string {
  const dev = opts.env['ELECTRON_RENDERER_URL'];
  return !opts.isPackaged && dev ? dev : APP_PAGE_URL;
}

/** The window's webPreferences: isolated, sandboxed, no Node; DevTools only in development. */
export function webPreferencesFor(opts: { isPackaged: boolean; preload: string }) {
  return {
    preload: opts.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
    devTools: !opts.isPackaged,
  };
}
