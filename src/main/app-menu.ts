// The application menu. Electron's default menu offers Toggle Developer Tools and Reload: a
// packaged Kruispost gets a menu without them (and webPreferences.devTools is off as well).

/** The Electron menu roles used here (a subset of Electron's MenuItemConstructorOptions). */
export type MenuRole =
  | 'about' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'close' | 'minimize' | 'zoom' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll'
  | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'reload' | 'forceReload' | 'toggleDevTools';

export interface MenuItem {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  submenu?: MenuItem[];
}

export function appMenuTemplate(opts: { isPackaged: boolean; platform: NodeJS.Platform }): MenuItem[] {
  const mac = opts.platform === 'darwin';
  const view: MenuItem[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    // Development only: reload and the DevTools.
    ...(opts.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }]),
  ];
  return [
    {
      label: 'Kruispost',
      submenu: mac ? [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] : [{ role: 'quit' }],
    },
    {
      label: 'Bewerken / Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    { label: 'Beeld / View', submenu: view },
    { label: 'Venster / Window', submenu: [{ role: 'minimize' }, ...(mac ? [{ role: 'zoom' as const }] : []), { role: 'close' }] },
  ];
}
