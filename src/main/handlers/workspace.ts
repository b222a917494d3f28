// First run: environment, token or OAuth sign-in, connection test, readiness, AFAS choice lists, account setup.
import type { Handlers } from '../../shared/contract';
import { parseEnvironment } from '../afas/environment';
import type { Services } from '../services';

type WorkspaceMethods = 'getWorkspace' | 'saveEnvironment' | 'storeClassicToken' | 'signInWithAfas' | 'signOutAfas' | 'testConnection' | 'getReadiness' | 'getChoices' | 'saveAdministration';

export function workspaceHandlers(s: Services): Pick<Handlers, WorkspaceMethods> {
  const me = s.monthEnd;
  return {
    getWorkspace: async () => me.workspace(),
    saveEnvironment: async (env) => {
      // "O12345AA" and "12345" both work; a wrong number comes back with what to do about it.
      const parsed = parseEnvironment(env);
      return me.saveEnvironment({ number: parsed.number, type: parsed.type, ...(env.baseUrl ? { baseUrl: parsed.baseUrl } : {}) });
    },
    storeClassicToken: async (token) => me.storeClassicToken(token),
    // Waits while the controller signs in in the browser (up to the sign-in timeout).
    signInWithAfas: async (clientId) => me.signInWithAfas(clientId),
    signOutAfas: async () => me.signOutAfas(),
    testConnection: async () => me.testConnection(),
    getReadiness: async (config) => me.readiness(config.unitId, config),
    getChoices: async (unitId) => me.choices(unitId),
    saveAdministration: async (config) => me.saveAdministration(config),
  };
}
