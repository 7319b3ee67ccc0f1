import type { MetricSample } from '../../api/index.js';
import type { BackupService } from '../backup/backup-service.js';
import type { ModelStore } from '../model-store/model-store.js';
import { lastFullVerification } from '../scheduler/verify-schedule.js';

/** Backup state for the dashboard: how many targets, the newest backup and its last verification. */
export function backupState(backups: BackupService): MetricSample['backup'] {
  const targets = backups.repo.targets().length;
  const newest = backups.repo.backups()[0];
  const verify = newest ? backups.repo.lastCheck(newest.id, 'verify') : undefined;
  let nextRunAt: string | null = null;
  if (targets > 0) {
    try {
      nextRunAt = backups.schedule().nextRunAt;
    } catch {
      nextRunAt = null; // a schedule that cannot be read is shown as unknown, not as an error every second
    }
  }
  return { targets, lastBackupAt: newest?.createdAt ?? null, nextRunAt, lastVerifyOk: verify ? verify.ok : null };
}

/** Store verification state: versions, when all were last verified, how many failed. */
export function storeState(store: ModelStore): MetricSample['store'] {
  const versions = store.repo.versions();
  return {
    versions: versions.length,
    lastFullVerificationAt: lastFullVerification(store)?.toISOString() ?? null,
    failedVersions: versions.filter((v) => v.verifyState !== 'ok').length,
  };
}
