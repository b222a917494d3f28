// createHandlers(services): the plain map method -> async function. No electron: the same map is
// registered with ipcMain (ipc.ts), bridged into Chromium by the e2e harness, and unit-tested.
import type { Handlers } from '../shared/contract';
import { settingsHandlers } from './handlers/settings';
import type { Services } from './services';

export function createHandlers(services: Services): Handlers {
  return {
    ...settingsHandlers(services),
  };
}
