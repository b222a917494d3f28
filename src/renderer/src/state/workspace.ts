// The workspace (environment, token status, administrations) and the first-run actions.
import { create } from 'zustand';
import type { ChoiceLists, ReadinessItem, WorkspaceView } from '../../../shared/contract';
import type { AdministrationConfig, EnvironmentConfig } from '../../../shared/domain';
import { call } from '../api';
import { attempt } from './notice';

interface WorkspaceState {
  view: WorkspaceView | null;
  /** Setup is shown on first run and whenever the controller opens it. */
  showSetup: boolean;
  busy: string | null;
  connection: { profitVersion: string; administrations: { unitId: number; name: string }[] } | null;
  readiness: ReadinessItem[] | null;
  choices: ChoiceLists | null;
  load(): Promise<void>;
  setShowSetup(show: boolean): void;
  startDemo(): Promise<boolean>;
  /** Back to the real workspace, as it was before the demo. */
  leaveDemo(): Promise<void>;
  saveEnvironment(env: EnvironmentConfig): Promise<void>;
  storeToken(token: string): Promise<boolean>;
  testConnection(): Promise<void>;
  loadChoices(unitId: number): Promise<void>;
  checkReadiness(config: AdministrationConfig): Promise<void>;
  saveAdministration(config: AdministrationConfig): Promise<void>;
}

export const useWorkspace = create<WorkspaceState>((set, get) => {
  async function busy<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    set({ busy: what });
    try {
      return await attempt(fn, what);
    } finally {
      set({ busy: null });
    }
  }
  return {
    view: null,
    showSetup: false,
    busy: null,
    connection: null,
    readiness: null,
    choices: null,
    async load() {
      const view = await attempt(() => call('getWorkspace'));
      // A reload (after a connection test) keeps setup open: only an empty workspace opens it.
      if (view) set((s) => ({ view, showSetup: view.administrations.length === 0 || s.showSetup }));
    },
    setShowSetup: (showSetup) => set({ showSetup }),
    async startDemo() {
      const view = await busy('demo', () => call('startDemo'));
      if (view) set({ view, showSetup: false });
      return Boolean(view);
    },
    async leaveDemo() {
      const view = await busy('demo', () => call('leaveDemo'));
      if (view) set({ view, showSetup: view.administrations.length === 0 });
    },
    async saveEnvironment(env) {
      const view = await busy('env', () => call('saveEnvironment', env));
      if (view) set({ view });
    },
    async storeToken(token) {
      const view = await busy('token', () => call('storeClassicToken', token));
      if (view) set({ view });
      return Boolean(view);
    },
    async testConnection() {
      const connection = await busy('test', () => call('testConnection'));
      if (connection) set({ connection });
      await get().load();
    },
    async loadChoices(unitId) {
      const choices = await busy('choices', () => call('getChoices', unitId));
      if (choices) set({ choices });
    },
    async checkReadiness(config) {
      const readiness = await busy('readiness', () => call('getReadiness', config));
      if (readiness) set({ readiness });
    },
    async saveAdministration(config) {
      const view = await busy('admin', () => call('saveAdministration', config));
      if (view) set({ view });
    },
  };
});
