// /metainfo, /metainfo/{get|update}/{id} and /profitversion bodies, in the spec's shapes.
import type { FakeDataType, FakeEnvironment, FakeField } from './types';

/** Profit control types seen in metainfo (1 text, 5 integer as in the spec example; others ours). */
const CONTROL_TYPE: Record<FakeDataType, number> = { string: 1, int: 5, decimal: 6, date: 4, boolean: 3 };
const DEFAULT_LENGTH: Record<FakeDataType, number> = { string: 255, int: 9, decimal: 18, date: 10, boolean: 1 };

export function metaInfoBody(env: FakeEnvironment) {
  return {
    updateConnectors: (env.updateConnectors ?? []).map((c) => ({ id: c.id, description: c.description })),
    getConnectors: Object.entries(env.connectors).map(([id, c]) => ({ id, description: c.description ?? id })),
    info: {
      envid: env.envId,
      appName: env.appName ?? 'Kruispost',
      group: env.group ?? `AuthorizationGroup 101 (${env.envId}.KRUISPOST)`,
      tokenExpiry: env.tokenExpiry ?? '0',
    },
  };
}

export function connectorMetaBody(name: string, description: string, fields: FakeField[]) {
  return {
    name,
    description,
    fields: fields.map((f) => ({
      id: f.id,
      fieldId: f.fieldId ?? f.id,
      dataType: f.dataType,
      label: f.label,
      length: f.length ?? DEFAULT_LENGTH[f.dataType],
      controlType: CONTROL_TYPE[f.dataType],
      decimals: f.decimals ?? (f.dataType === 'decimal' ? 2 : 0),
      decimalsFieldId: '',
    })),
  };
}

export const DEFAULT_PROFIT_VERSION = '26.1.2';
