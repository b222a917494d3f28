// Sync runs in the background in main; the renderer polls getSyncStatus (100 ms after each answer).
import type { Handlers } from '../../shared/contract';
import type { Services } from '../services';

export function syncHandlers(s: Services): Pick<Handlers, 'startSync' | 'getSyncStatus' | 'cancelSync'> {
  return {
    startSync: async (period) => s.monthEnd.startSync(period),
    getSyncStatus: async () => s.monthEnd.syncStatus(),
    cancelSync: async () => {
      s.monthEnd.cancelSync();
      return null;
    },
  };
}
