/**
 * Child process for the ownership tests: waits until <go-file> exists (so several children
 * race for the lock at the same moment), tries to take the lock of <dataDir>, prints one JSON
 * line {acquired, pid, ownerPid}, then holds it until killed. A lost lock prints {lost: true}
 * and exits 3. Usage: hold-ownership.ts <dataDir> <go-file> [staleAfterMs]
 */
import fs from 'node:fs';
import { OwnershipLock } from '../services/ownership/ownership-lock.js';

const [dataDir, goFile, staleAfterMs] = process.argv.slice(2) as [string, string, string | undefined];
while (!fs.existsSync(goFile)) await new Promise((resolve) => setTimeout(resolve, 5));
const result = OwnershipLock.acquire(dataDir, {
  kind: 'console',
  heartbeatMs: 100,
  ...(staleAfterMs ? { staleAfterMs: Number(staleAfterMs) } : {}),
  onLost: () => {
    process.stdout.write(JSON.stringify({ lost: true }) + '\n');
    process.exit(3);
  },
});
process.stdout.write(JSON.stringify({ acquired: result.acquired, pid: process.pid, ownerPid: result.acquired ? process.pid : result.owner.pid }) + '\n');
setInterval(() => undefined, 1_000);
