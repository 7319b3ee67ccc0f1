import type { HealthCheck } from '../../api/index.js';
import type { BackupService } from './backup-service.js';
import { nextRunAt } from './backup-schedule.js';

/** A due backup the owner has not started after this long is overdue (the catch-up runs ~30 s after start). */
export const OVERDUE_GRACE_MS = 60 * 60_000;

/**
 * The backups line of the health check. Backups fail quietly (an unplugged disk, a full share,
 * a console nobody restarted), so anything that means "no recent good backup" warns: no target,
 * the last scheduled run failed, a due run that never started, the newest backup's last
 * verification found problems. None of them is "fail": the app still serves.
 */
export function backupHealth(backups: BackupService, now: Date): HealthCheck {
  const warn = (detail: string): HealthCheck => ({ name: 'backups', state: 'warn', detail });
  if (backups.repo.targets().length === 0) return warn('no backup target: nothing on this workstation is backed up (voiceops backup target add <name> <folder>)');
  const schedule = backups.scheduleRow();
  if (schedule.lastError) return warn(`the scheduled backup of ${schedule.lastRunAt ?? 'the last run'} failed: ${schedule.lastError}`);
  let next: Date;
  try {
    next = nextRunAt(schedule);
  } catch (error) {
    return warn(`the backup schedule cannot be read: ${(error as Error).message}`);
  }
  if (now.getTime() - next.getTime() > OVERDUE_GRACE_MS) {
    return warn(`a scheduled backup was due at ${next.toISOString()} and has not run: is the console or its service running?`);
  }
  const newest = backups.repo.backups()[0];
  if (!newest) return { name: 'backups', state: 'ok', detail: `no backup yet; the first runs at ${next.toISOString()}` };
  const verify = backups.repo.lastCheck(newest.id, 'verify');
  if (verify && !verify.ok) return warn(`the last verification of backup ${newest.id} (${verify.at}) found ${verify.problems.length} problem(s)`);
  return { name: 'backups', state: 'ok', detail: `last backup ${newest.createdAt} to ${newest.target}; next at ${next.toISOString()}` };
}
