/**
 * Child process for the crash test: imports a version into the given data folder and hangs
 * after every blob is stored but before the registry write, after writing a marker file.
 * The test then kills it with SIGKILL. Usage: import-and-hang.ts <dataDir> <source> <marker>
 */
import fs from 'node:fs';
import { openTempStore } from './temp-store.js';

const [dataDir, source, marker] = process.argv.slice(2) as [string, string, string];
const t = openTempStore({}, { dir: dataDir, sources: source, cleanup: () => undefined });
t.store.staff.add('amy', 'Amy');
await t.run((job) =>
  t.store.importVersion({ source, line: 'voice/amy', version: '1.0.0', format: undefined, actor: 'ann', origin: 'cli' }, job, {
    beforeCommit: async () => {
      fs.writeFileSync(marker, 'blobs written');
      await new Promise(() => undefined);
    },
  }),
);
