// The workspace configuration (environment, administrations, sync start) as JSON in the settings
// table. Never the token or a refresh token: those live in the SecretStore only.
import { z } from 'zod';
import type { AdministrationConfig, EnvironmentConfig, Period } from '../../shared/domain';
import { periodId } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import type { Cents } from '../../shared/money';
import type { Db } from '../store/database';
import { createSettingsStore } from '../store/settings';

export interface WorkspaceConfig {
  environment: EnvironmentConfig | null;
  administrations: AdministrationConfig[];
  /** YYYY-MM: the first month to sync; null = three months before the period asked for. */
  syncFrom: string | null;
  demo: boolean;
  tokenLastVerified: string | null;
  /** How Kruispost signs in to AFAS: a pasted classic token, or OAuth (refresh token in the SecretStore). */
  authKind: 'classic' | 'oauth';
  /** The OAuth client id registered for Kruispost at AFAS; null = the default. */
  oauthClientId: string | null;
}

const KEY = 'workspace';
const EMPTY: WorkspaceConfig = { environment: null, administrations: [], syncFrom: null, demo: false, tokenLastVerified: null, authKind: 'classic', oauthClientId: null };

/** What a readable stored workspace looks like; fields added later may be missing (EMPTY fills them). */
const STORED = z
  .object({
    environment: z.object({ number: z.string(), type: z.enum(['production', 'test', 'accept']), baseUrl: z.string().optional() }).loose().nullable(),
    // One profile key or more (moss, nmbrs, declaree, spendcloud); stored before profiles could be combined: moss only.
    administrations: z.array(
      z.object({
        unitId: z.number(),
        moss: z.object({}).loose().optional(),
        nmbrs: z.object({}).loose().optional(),
        declaree: z.object({}).loose().optional(),
        spendcloud: z.object({}).loose().optional(),
      }).loose(),
    ),
    syncFrom: z.string().nullable(),
    demo: z.boolean(),
    tokenLastVerified: z.string().nullable(),
    authKind: z.enum(['classic', 'oauth']),
    oauthClientId: z.string().nullable(),
  })
  .partial()
  .loose();

function corrupt(): AppFailure {
  return new AppFailure(
    'workspace.config-corrupt',
    {
      nl: 'De opgeslagen werkruimte-instellingen (omgeving, administraties) zijn beschadigd en kunnen niet worden gelezen. Kruispost heeft ze niet gewijzigd of gewist.',
      en: 'The stored workspace settings (environment, administrations) are damaged and cannot be read. Kruispost has neither changed nor erased them.',
    },
    {
      nl: 'Stuur het logbestand en kruispost.sqlite uit de gegevensmap naar support, of start met een lege gegevensmap (de CLI: --data-dir). Uw afletteringen en audittrail blijven in het bestand bewaard.',
      en: 'Send the log file and kruispost.sqlite from the data folder to support, or start with an empty data folder (CLI: --data-dir). Your matches and audit trail stay in that file.',
    },
  );
}

export interface WorkspaceConfigStore {
  read(): WorkspaceConfig;
  update(change: (c: WorkspaceConfig) => WorkspaceConfig): WorkspaceConfig;
  walletBalance(unitId: number, period: Period): Cents | null;
  setWalletBalance(unitId: number, period: Period, cents: Cents | null): void;
}

export function workspaceConfigStore(db: Db): WorkspaceConfigStore {
  const settings = createSettingsStore(db);
  // Unreadable is an error, never an empty workspace: the next save would overwrite the row.
  const read = (): WorkspaceConfig => {
    const text = settings.get(KEY);
    if (!text) return { ...EMPTY };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw corrupt();
    }
    const parsed = STORED.safeParse(json);
    if (!parsed.success) throw corrupt();
    return { ...EMPTY, ...(parsed.data as Partial<WorkspaceConfig>) };
  };
  const walletKey = (unitId: number, period: Period) => `wallet:${unitId}:${periodId(period)}`;
  return {
    read,
    update(change) {
      const next = change(read());
      settings.set(KEY, JSON.stringify(next));
      return next;
    },
    walletBalance(unitId, period) {
      const v = settings.get(walletKey(unitId, period));
      return v === null || v === '' ? null : Number(v);
    },
    setWalletBalance(unitId, period, cents) {
      settings.set(walletKey(unitId, period), cents === null ? '' : String(cents));
    },
  };
}
