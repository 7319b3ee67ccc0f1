import type { Database } from 'better-sqlite3';
import type { BackupRepository, TargetRow } from '../../db/repositories/backup-repository.js';
import type { DiskSpace } from '../model-store/disk-space.js';
import type { ModelStore } from '../model-store/model-store.js';
import type { SettingsService } from '../settings/settings-service.js';
import { AppError } from '../../api/index.js';
import { TargetLayout } from './target-layout.js';

/** What the backup functions share; tests inject the clock, a simulated disk and fault points. */
export interface BackupDeps {
  db: Database;
  dataDir: string;
  store: ModelStore;
  settings: SettingsService;
  repo: BackupRepository;
  appVersion: string;
  now: () => Date;
  /** Tests: a simulated target disk. */
  diskSpace?: ((dir: string) => DiskSpace) | undefined;
  /** Tests: called at named points of long work ("backup:blob", "restore:after-swap", ...); may throw or hang. */
  fault?: ((point: string) => Promise<void> | void) | undefined;
}

export function targetOf(deps: BackupDeps, name: string): { row: TargetRow; layout: TargetLayout } {
  const row = deps.repo.findTarget(name);
  if (!row) throw new AppError('NOT_FOUND', `no backup target named "${name}" (see: voiceops backup target list)`);
  return { row, layout: new TargetLayout(row.path) };
}

export function backupOf(deps: BackupDeps, id: string) {
  const backup = deps.repo.findBackup(id);
  if (!backup) throw new AppError('NOT_FOUND', `no backup with id ${id} (see: voiceops backup list)`);
  return { backup, ...targetOf(deps, backup.target) };
}
