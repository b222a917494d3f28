// The only bridge to ipcMain: every call is checked for its sender (our own window, our own page)
// and its arguments (the contract's schema, in relay) before it goes to the backend.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNEL_PREFIX, METHODS } from '../shared/methods';
import { relay } from './backend/relay';
import type { Workspaces } from './backend/workspaces';
import { rejected } from './dispatch';
import type { Logger } from './log';

export function registerIpc(workspaces: Workspaces, isTrusted: (sender: WebContents, frameUrl: string) => boolean, log?: Logger): void {
  for (const method of METHODS) {
    ipcMain.handle(CHANNEL_PREFIX + method, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isTrusted(event.sender, frameUrl) || event.senderFrame?.parent) {
        return rejected('untrusted-sender', 'Verzoek van een onbekende bron geweigerd.', 'Request from an unknown source refused.');
      }
      return relay(workspaces, method, args, log);
    });
  }
}
