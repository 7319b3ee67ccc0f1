/**
 * Child process for the backup crash tests: runs a backup (or a restore) in the given folder
 * and, at the named fault point, writes a marker file and hangs until the test kills it with
 * SIGKILL. Usage: backup-and-hang.ts <root> backup|restore <marker> [backupId]
 */
import fs from 'node:fs';
import { openTempBackups } from './temp-backups.js';

const [root, mode, marker, backupId] = process.argv.slice(2) as [string, 'backup' | 'restore', string, string | undefined];
const hangAt = mode === 'backup' ? 'backup:blob' : 'restore:after-swap';
const b = openTempBackups(
  {
    fault: async (point) => {
      if (point !== hangAt) return;
      fs.writeFileSync(marker, point);
      await new Promise(() => undefined);
    },
  },
  { root, cleanup: () => undefined },
);
await b.t.run<unknown>((job) => (mode === 'backup' ? b.backups.run('disk2', 'manual', job) : b.backups.restore(backupId!, { kind: 'whole' }, false, job)));
