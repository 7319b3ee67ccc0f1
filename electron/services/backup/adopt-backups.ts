import type { BackupRow } from '../../db/repositories/backup-repository.js';
import { backupRowOf, readManifest } from './backup-manifest.js';
import type { BackupDeps } from './backup-deps.js';
import type { TargetLayout } from './target-layout.js';

export interface AdoptReport {
  /** Backups found complete in the folder and now listed under the target. */
  adopted: string[];
  /** Why a backup in the folder is not listed (damaged manifest, listed already). */
  warnings: string[];
}

/**
 * Lists the complete backups a folder already holds under the target just added for it. This
 * is what makes a backup usable after the workstation itself is lost: a fresh installation
 * adds the old target folder, sees its backups and restores one. It is also the undo of
 * "Remove target" (which forgets the rows but leaves the files). A backup's manifest is the
 * proof that it is complete, so only folders with a valid one are listed; the rest are named.
 */
export function adoptBackups(deps: BackupDeps, target: string, layout: TargetLayout): AdoptReport {
  const adopted: string[] = [];
  const warnings: string[] = [];
  for (const id of layout.scanBackups().complete) {
    const listed = deps.repo.findBackup(id);
    if (listed) {
      warnings.push(`backup ${id} in this folder is listed already under target "${listed.target}" (a copy of that folder?); it is not listed twice`);
      continue;
    }
    let row: BackupRow;
    try {
      row = backupRowOf(readManifest(layout, id), target);
    } catch (error) {
      warnings.push(`backup ${id} in this folder is not listed: ${(error as Error).message}`);
      continue;
    }
    deps.repo.insertBackup(row);
    adopted.push(id);
  }
  return { adopted, warnings };
}
