// createHandlers(services): the plain map method -> async function. No electron: the same map is
// registered with ipcMain (ipc.ts), bridged into Chromium by the e2e harness, and unit-tested.
import type { Handlers } from '../shared/contract';
import { exportHandlers } from './handlers/export';
import { reconcileHandlers } from './handlers/reconcile';
import { settingsHandlers } from './handlers/settings';
import { syncHandlers } from './handlers/sync';
import { workspaceHandlers } from './handlers/workspace';
import type { Services } from './services';

export function createHandlers(services: Services): Handlers {
  return {
    ...settingsHandlers(services),
    ...workspaceHandlers(services),
    ...syncHandlers(services),
    ...reconcileHandlers(services),
    ...exportHandlers(services),
  };
}
