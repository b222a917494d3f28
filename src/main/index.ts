// App lifecycle, the window and its security settings. The only main-process file besides ipc.ts
// (and secrets/) that imports electron; the decisions live in pure, tested modules (window-policy,
// app-protocol, app-menu, lifecycle, crash-guard).
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import { appMenuTemplate } from './app-menu';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolResponse } from './app-protocol';
import { hostChangeQuestion } from './app/host-change';
import { errorText, installCrashGuard } from './crash-guard';
import { backendEntry } from './backend/entry';
import { openWorkspaces, type Workspaces } from './backend/workspaces';
import { registerIpc } from './ipc';
import { startOnce } from './lifecycle';
import { keytarSecretStore } from './secrets/keychain';
import { createFileLogger, type Logger } from './log';
import { isAllowedExternal, isAppUrl, rendererUrl, webPreferencesFor } from './window-policy';

const appUrl = rendererUrl({ isPackaged: app.isPackaged, env: process.env });
const rendererDir = join(import.meta.dirname, '../renderer');

// Before ready: app:// gets an origin and a secure context like https.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let win: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const w = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Kruispost',
    webPreferences: webPreferencesFor({ isPackaged: app.isPackaged, preload: join(import.meta.dirname, '../preload/index.cjs') }),
  });
  w.once('ready-to-show', () => w.show());
  // The page never navigates away and never opens windows; https help links go to the system browser.
  w.webContents.on('will-navigate', (e) => e.preventDefault());
  w.webContents.on('will-redirect', (e) => e.preventDefault());
  w.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void w.loadURL(appUrl);
  return w;
}

function start(): void {
  const log = createFileLogger(join(app.getPath('userData'), 'kruispost.log'));
  installCrashGuard({ target: process, log, showError: (title, text) => dialog.showErrorBox(title, text) });

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  void app.whenReady().then(() => whenReady(log));
}

async function whenReady(log: Logger): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request.url, rendererDir));
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform })));
  let workspaces: Workspaces;
  try {
    // Database, AFAS, engine and workbook run in the backend worker: this event loop only relays.
    workspaces = await openWorkspaces({
      dataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
      secrets: keytarSecretStore(),
      entry: backendEntry(import.meta.url),
      // AFAS OAuth sign-in happens in the controller's own browser (the loopback redirect comes back here).
      openExternal: (url) => shell.openExternal(url),
      // Asked here, in main: the renderer must not be able to send a stored secret to a new host.
      confirmHostChange: async (change) => {
        const q = hostChangeQuestion(change);
        const options = { type: 'warning' as const, title: 'Kruispost', message: q.message, detail: q.detail, buttons: q.buttons, defaultId: q.defaultId, cancelId: q.cancelId, noLink: true };
        const r = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
        return r.response === q.carryOverId;
      },
      chooseSavePath: async (defaultName) => {
        const options = {
          defaultPath: join(app.getPath('documents'), defaultName),
          filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        };
        const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        return r.canceled || !r.filePath ? null : r.filePath;
      },
    });
  } catch (e) {
    // E.g. a database written by a newer Kruispost: say so in both languages, touch nothing, quit.
    log.error('startup', e);
    dialog.showErrorBox('Kruispost', errorText(e));
    app.quit();
    return;
  }
  registerIpc(
    workspaces,
    (sender, frameUrl) => sender === win?.webContents && isAppUrl(frameUrl, appUrl),
    log,
  );
  win = createWindow();
  app.on('window-all-closed', () => {
    void workspaces.close().finally(() => app.quit());
  });
}

// A second instance hands over to the first and stops here: no log, no database, no window.
startOnce(app.requestSingleInstanceLock(), () => app.quit(), start);
