// The workspace configuration (environment, administrations, sync start) as JSON in the settings
// table. Never the token or a refresh token: those live in the SecretStore only.
import type { AdministrationConfig, EnvironmentConfig, Period } from '../../shared/domain';
import { periodId } from '../../shared/domain';
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

export interface WorkspaceConfigStore {
  read(): WorkspaceConfig;
  update(change: (c: WorkspaceConfig) => WorkspaceConfig): WorkspaceConfig;
  walletBalance(unitId: number, period: Period): Cents | null;
  setWalletBalance(unitId: number, period: Period, cents: Cents | null): void;
}

export function workspaceConfigStore(db: Db): WorkspaceConfigStore {
  const settings = createSettingsStore(db);
  const read = (): WorkspaceConfig => {
    const text = settings.get(KEY);
    if (!text) return { ...EMPTY };
    try {
      return { ...EMPTY, ...(JSON.parse(text) as Partial<WorkspaceConfig>) };
    } catch {
      return { ...EMPTY };
    }
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
