// What the readiness tests of the clearing profiles share: the demo on the fake AFAS, and the
// checks of one administration (by id) for the first half of 2025.
import { administrationReadiness } from '../../src/main/afas/readiness-profiles';
import type { AdministrationConfig } from '../../src/shared/domain';
import { demoAfas } from '../demo-afas';

export const FIRST_HALF = { from: { year: 2025, month: 1 }, to: { year: 2025, month: 6 } };

/** Call at the top of a test file. */
export function demoReadiness(token: string) {
  const afas = demoAfas(token);
  const checks = (config: AdministrationConfig, months = FIRST_HALF) => administrationReadiness(afas.client, 1, config, months);
  return {
    dataset: afas.dataset,
    checks,
    byId: async (config: AdministrationConfig, months = FIRST_HALF) => Object.fromEntries((await checks(config, months)).map((c) => [c.id, c])),
  };
}
