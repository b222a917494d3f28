// Child process for the crash test: syncs the changed AFAS into the given DB, slowly, and says on
// stdout when a slice is staged so the parent can SIGKILL it mid-sync.
//   npx tsx test/sync/crash-child.ts <db file>
import { openDatabase } from '../../src/main/store/database';
import { syncAdministration } from '../../src/main/sync/sync-administration';
import { crashScenario } from './crash-scenario';

const file = process.argv[2]!;
const db = openDatabase(file);
const { afas, config, from, to, now } = crashScenario(true);
afas.beforePage = () => new Promise((r) => setTimeout(r, 150));
await syncAdministration({
  db, client: afas, config, from, to, now, take: 20,
  onProgress: (p) => {
    if (p.phase === 'lines' && p.slicesDone > 0) process.stdout.write(`staged ${p.slicesDone}\n`);
  },
});
process.stdout.write('finished\n');
