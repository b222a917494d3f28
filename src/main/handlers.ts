// createHandlers(services): the plain map method -> async function the backend serves (serve.ts).
// No electron: the same map answers the app, the CLI, the e2e harness and the unit tests.
import type { BackendHandlers } from '../shared/contract';
import { exportHandlers } from './handlers/export';
import { reconcileHandlers } from './handlers/reconcile';
import { settingsHandlers } from './handlers/settings';
import { syncHandlers } from './handlers/sync';
import { workspaceHandlers } from './handlers/workspace';
import type { Services } from './services';

export function createHandlers(services: Services): BackendHandlers {
  return {
    ...settingsHandlers(services),
    ...workspaceHandlers(services),
    ...syncHandlers(services),
    ...reconcileHandlers(services),
    ...exportHandlers(services),
  };
}
