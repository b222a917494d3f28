// The `--config FILE` of `kruispost reconcile`: JSON validated with zod; a mistake names the field.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AdministrationConfig, EnvironmentConfig } from '../../shared/domain';
import { parsePeriodId } from '../../shared/domain';
import { UsageError } from './errors';

const code = z.string().trim().min(1);
const moss = z
  .object({
    balanceAccount: code,
    cashInTransitAccount: code,
    defaultSupplier: code,
    purchaseJournal: code,
    bankJournal: code,
    bankAccounts: z.array(code).min(1),
    merchantCreditors: z.array(code).optional(),
    citWindowDays: z.number().int().min(0).max(60).optional(),
    openDaysThreshold: z.number().int().min(1).max(3650).optional(),
  })
  .loose();

const schema = z
  .object({
    environment: z
      .object({
        number: z.string().trim().min(1),
        type: z.enum(['production', 'test', 'accept']).default('production'),
        baseUrl: z.string().optional(),
      })
      .loose(),
    administrations: z
      .array(
        z
          .object({
            unitId: z.number().int().positive(),
            name: z.string().optional(),
            profile: z.literal('moss'),
            moss,
          })
          .loose(),
      )
      .min(1),
    syncFrom: z
      .string()
      .refine((s) => parsePeriodId(s) !== null, { message: 'expected YYYY-MM' })
      .optional(),
  })
  .loose();

export interface CliConfig {
  environment: EnvironmentConfig;
  administrations: AdministrationConfig[];
  syncFrom: string | null;
}

/** `administrations[0].moss.balanceAccount` style path of a zod issue. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(root)';
}

export function parseConfig(value: unknown, file: string): CliConfig {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 5);
    const lines = issues.map((i) => `  ${fieldPath(i.path)}: ${i.message}`);
    throw new UsageError(
      {
        nl: `Het configuratiebestand ${file} klopt niet:\n${lines.join('\n')}`,
        en: `The configuration file ${file} is not valid:\n${lines.join('\n')}`,
      },
      {
        nl: 'Verbeter de genoemde velden. Voorbeeld: {"environment":{"number":"12345","type":"production"},"administrations":[{"unitId":1,"profile":"moss","moss":{…}}],"syncFrom":"2025-01"}',
        en: 'Fix the fields named. Example: {"environment":{"number":"12345","type":"production"},"administrations":[{"unitId":1,"profile":"moss","moss":{…}}],"syncFrom":"2025-01"}',
      },
      issues.map((i) => fieldPath(i.path)),
    );
  }
  const d = r.data;
  const units = d.administrations.map((a) => a.unitId);
  const dup = units.find((u, i) => units.indexOf(u) !== i);
  if (dup !== undefined) {
    throw new UsageError(
      { nl: `administrations: administratie ${dup} staat er twee keer in.`, en: `administrations: administration ${dup} is listed twice.` },
      { nl: 'Noem elke administratie één keer.', en: 'List each administration once.' },
      ['administrations'],
    );
  }
  return {
    environment: { number: d.environment.number, type: d.environment.type, ...(d.environment.baseUrl ? { baseUrl: d.environment.baseUrl } : {}) },
    administrations: d.administrations.map((a) => {
      const m = a.moss;
      return {
        unitId: a.unitId,
        ...(a.name ? { name: a.name } : {}),
        profile: 'moss' as const,
        moss: {
          balanceAccount: m.balanceAccount,
          cashInTransitAccount: m.cashInTransitAccount,
          defaultSupplier: m.defaultSupplier,
          purchaseJournal: m.purchaseJournal,
          bankJournal: m.bankJournal,
          bankAccounts: m.bankAccounts,
          ...(m.merchantCreditors ? { merchantCreditors: m.merchantCreditors } : {}),
          ...(m.citWindowDays !== undefined ? { citWindowDays: m.citWindowDays } : {}),
          ...(m.openDaysThreshold !== undefined ? { openDaysThreshold: m.openDaysThreshold } : {}),
        },
      };
    }),
    syncFrom: d.syncFrom ?? null,
  };
}

export function readConfigFile(file: string): CliConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(
      { nl: `--config: het bestand ${file} is niet te lezen.`, en: `--config: cannot read the file ${file}.` },
      { nl: 'Controleer het pad en de rechten.', en: 'Check the path and the permissions.' },
      ['--config'],
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UsageError(
      { nl: `--config: ${file} is geen geldige JSON (${why}).`, en: `--config: ${file} is not valid JSON (${why}).` },
      { nl: 'Verbeter de JSON-syntaxis.', en: 'Fix the JSON syntax.' },
      ['--config'],
    );
  }
  return parseConfig(json, file);
}
