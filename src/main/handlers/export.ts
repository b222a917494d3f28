// Export: main asks where to save (a dialog in Electron, a temp path in tests), then writes.
import type { Handlers } from '../../shared/contract';
import { periodId } from '../../shared/domain';
import type { Services } from '../services';

export function exportHandlers(s: Services): Pick<Handlers, 'exportWorkbook'> {
  return {
    exportWorkbook: async (unitId, period, lang) => {
      const target = await s.chooseSavePath(`kruispost-${unitId}-${periodId(period)}.xlsx`);
      if (!target) return null;
      return s.monthEnd.exportWorkbook(unitId, period, target, lang);
    },
  };
}
