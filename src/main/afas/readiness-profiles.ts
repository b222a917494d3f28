// The readiness of an administration: what every profile needs (GetConnectors, the administration),
// then each profile's own checklist.
import type { AdministrationConfig } from '../../shared/domain';
import { baseReadiness, mossReadiness, type ReadinessCheck } from './readiness';
import { nmbrsReadiness, type ReadinessMonths } from './readiness-nmbrs';
import { declareeReadiness } from './readiness-declaree';
import { spendCloudReadiness } from './readiness-spendcloud';
import type { AfasClient } from './types';

export async function administrationReadiness(client: AfasClient, unitId: number, config: AdministrationConfig, months: ReadinessMonths, signal?: AbortSignal): Promise<ReadinessCheck[]> {
  const base = await baseReadiness(client, unitId, signal);
  const checks = [...base.checks];
  if (config.moss) checks.push(...(await mossReadiness(base.reader, unitId, config.moss)));
  if (config.nmbrs) checks.push(...(await nmbrsReadiness(base.reader, unitId, config.nmbrs, months)));
  if (config.declaree) checks.push(...(await declareeReadiness(base.reader, unitId, config, months)));
  if (config.spendcloud) checks.push(...(await spendCloudReadiness(base.reader, unitId, config.spendcloud, months)));
  return checks;
}
