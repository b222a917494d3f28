// The controller's real workspace and, while they try the demo, a separate demo workspace: its own
// backend on a throw-away data folder, its token in memory, the bundled fake AFAS on 127.0.0.1.
// The demo never touches the real database, keychain entries or decisions; leaving it closes
// the demo backend, deletes its folder and hands the real workspace back as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkspaceView } from '../../shared/views';
import { configureDemo, startDemoServer, type DemoServer } from '../app/demo-server';
import { memorySecretStore } from '../secrets/memory';
import { startBackend, type Backend, type BackendOptions } from './host';

export interface Workspaces {
  /** The backend the window talks to now: the demo's while it runs, else the real one. */
  active(): Backend;
  real(): Backend;
  startDemo(): Promise<WorkspaceView>;
  leaveDemo(): Promise<WorkspaceView>;
  /** The demo's fake AFAS while the demo runs (tests change its rows). */
  demoServer(): DemoServer | null;
  /** The demo's throw-away data folder while it runs. */
  demoDir(): string | null;
  close(): Promise<void>;
}

interface Demo {
  server: DemoServer;
  backend: Backend;
  dir: string;
}

export async function openWorkspaces(opts: BackendOptions): Promise<Workspaces> {
  const real = await startBackend(opts);
  let demo: Demo | null = null;
  let starting: Promise<Demo> | null = null;

  const begin = async (): Promise<Demo> => {
    const dir = mkdtempSync(join(tmpdir(), 'kruispost-demo-'));
    const server = await startDemoServer();
    try {
      const backend = await startBackend({ ...opts, dataDir: dir, secrets: memorySecretStore() });
      const call = (method: string) => (...args: unknown[]) => backend.invoke(method, args);
      await configureDemo({ saveEnvironment: call('saveEnvironment'), storeClassicToken: call('storeClassicToken'), saveAdministration: call('saveAdministration'), markDemo: call('markDemo') }, server);
      return { server, backend, dir };
    } catch (e) {
      await server.fake.close();
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  };

  const end = async (d: Demo): Promise<void> => {
    await d.backend.close();
    await d.server.fake.close();
    rmSync(d.dir, { recursive: true, force: true });
  };

  return {
    active: () => demo?.backend ?? real,
    real: () => real,
    async startDemo() {
      if (!demo) {
        starting ??= begin().finally(() => (starting = null));
        demo = await starting;
      }
      return demo.backend.invoke<WorkspaceView>('getWorkspace', []);
    },
    async leaveDemo() {
      const d = demo;
      demo = null;
      if (d) await end(d);
      return real.invoke<WorkspaceView>('getWorkspace', []);
    },
    demoServer: () => demo?.server ?? null,
    demoDir: () => demo?.dir ?? null,
    async close() {
      const d = demo;
      demo = null;
      if (d) await end(d);
      await real.close();
    },
  };
}
