// Pure decisions behind the window's security settings, so they are unit-tested without Electron.

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

/** Is this URL our own renderer page (packaged file or the dev server)? */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const u = new URL(url);
    const a = new URL(appUrl);
    if (a.protocol === 'file:') return u.protocol === 'file:' && u.pathname === a.pathname;
    return u.origin === a.origin;
  } catch {
    return false;
  }
}
