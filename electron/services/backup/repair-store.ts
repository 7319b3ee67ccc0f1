import fs from 'node:fs';
import path from 'node:path';
import type { JobControl } from '../../core/jobs.js';
import { syncDirectory } from '../model-store/store-layout.js';
import { StoreWorker } from '../model-store/store-worker-client.js';
import { verifyStore } from '../model-store/verify-store.js';
import type { BackupDeps } from './backup-deps.js';
import { TargetLayout } from './target-layout.js';

export interface RepairReport {
  repaired: Array<{ sha256: string; fromBackup: string }>;
  unrepaired: string[];
  problemsAfter: number;
}

/**
 * Repair: every store file that the last verify found corrupt or missing (or that is gone
 * now) is fetched back from the newest backup that has it, hashed while copied, and renamed
 * over the bad one; then the store is verified again so every version's state is true.
 */
export async function repairFromBackups(deps: BackupDeps, job: JobControl): Promise<RepairReport> {
  const { store } = deps;
  const bad = new Set<string>();
  for (const f of store.repo.allFiles()) if (f.state !== 'ok' || !fs.existsSync(store.layout.blobPath(f.sha256))) bad.add(f.sha256);
  const repaired: RepairReport['repaired'] = [];
  const unrepaired: string[] = [];
  const worker = new StoreWorker(job.signal);
  try {
    for (const [index, digest] of [...bad].entries()) {
      job.throwIfCancelled();
      job.progress({ phase: `repairing ${digest.slice(0, 12)}`, done: index, total: bad.size, unit: 'files' });
      let fixed = false;
      for (const backup of deps.repo.backups()) {
        const target = deps.repo.findTarget(backup.target);
        if (!target) continue;
        const source = new TargetLayout(target.path).blobPath(digest);
        if (!fs.existsSync(source)) continue;
        const tmp = store.layout.tmpPath(`repair-${process.pid}`, index);
        fs.rmSync(tmp, { force: true });
        const { sha256 } = await worker.copyVerified(source, tmp, { durable: true });
        if (sha256 !== digest) {
          fs.rmSync(tmp, { force: true });
          continue; // that backup's copy is damaged too; try an older one
        }
        const into = store.layout.blobPath(digest);
        fs.mkdirSync(path.dirname(into), { recursive: true });
        fs.renameSync(tmp, into);
        fs.chmodSync(into, 0o444);
        syncDirectory(path.dirname(into));
        repaired.push({ sha256: digest, fromBackup: backup.id });
        fixed = true;
        break;
      }
      if (!fixed) unrepaired.push(digest);
    }
  } finally {
    worker.close();
  }
  const after = await verifyStore(store.repo, store.layout, job);
  return { repaired, unrepaired, problemsAfter: after.problems.length };
}
