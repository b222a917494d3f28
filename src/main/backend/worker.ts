// The backend worker thread: owns the database, the AFAS client, the sync, the engine and the
// workbook writer, so none of their work runs on the host's event loop (Electron main, the CLI).
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { toAppError } from '../../shared/errors';
import type { HostChange } from '../app/host-change';
import { createFileLogger } from '../log';
import { createServices, type Services } from '../services';
import type { BackendStart, FromBackend, ToBackend } from './protocol';
import { hostCaller, hostSecrets, serveBackend, type BackendPort } from './serve';

const start = workerData as BackendStart;
const parent = parentPort!;
const port: BackendPort = {
  post: (m: FromBackend, transfer?: ArrayBuffer[]) => parent.postMessage(m, transfer),
  onMessage: (listener) => parent.on('message', (m: ToBackend) => listener(m)),
};
const host = hostCaller(port);
const log = createFileLogger(join(start.dataDir, 'kruispost.log'));

let services: Services | null = null;
try {
  services = createServices({
    dataDir: start.dataDir,
    appVersion: start.appVersion,
    secrets: hostSecrets(host.call),
    cancelFlag: new Int32Array(start.cancel),
    ...(start.hostCan.openExternal ? { openExternal: async (url: string) => void (await host.call('openExternal', [url])) } : {}),
    ...(start.hostCan.chooseSavePath ? { chooseSavePath: async (name: string) => (await host.call('chooseSavePath', [name])) as string | null } : {}),
    ...(start.hostCan.confirmHostChange ? { confirmHostChange: async (change: HostChange) => (await host.call('confirmHostChange', [change])) === true } : {}),
    ...(start.classicTokenOnly ? { classicTokenOnly: true } : {}),
  });
} catch (e) {
  // E.g. a database written by a newer Kruispost: the host says so (nl/en) and touches nothing.
  log.error('backend.start', e);
  port.post({ t: 'failed', error: toAppError(e) });
}
if (services) void serveBackend(port, services, host.settle, log).then(() => parent.close());
