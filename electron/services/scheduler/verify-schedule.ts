import type { JobRegistry } from '../../core/jobs.js';
import type { Logger } from '../../core/logger.js';
import type { ModelStore } from '../model-store/model-store.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { AuditLog } from '../audit/audit-log.js';
import { verifyStore } from '../model-store/verify-store.js';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/** When the store was last verified as a whole: the oldest verification of any version. */
export function lastFullVerification(store: ModelStore): Date | null {
  const versions = store.repo.versions();
  if (versions.length === 0) return null;
  const times = versions.map((v) => (v.verifiedAt ? Date.parse(v.verifiedAt) : 0));
  const oldest = Math.min(...times);
  return oldest === 0 ? null : new Date(oldest);
}

export function verificationDue(store: ModelStore, intervalHours: number, now: Date): boolean {
  if (store.repo.versions().length === 0) return false;
  const last = lastFullVerification(store);
  return last === null || now.getTime() - last.getTime() >= intervalHours * 3600_000;
}

/**
 * Re-verifies the whole store when the interval (weekly by default) has passed, checked at
 * start and every hour. Runs as a job, so it shows in the jobs list like a manual verify.
 * Only the process that owns the data folder (the console or the desktop app) runs it.
 */
export function startVerifySchedule(deps: { store: ModelStore; settings: SettingsService; jobs: JobRegistry; audit: AuditLog; logger: Logger }): () => void {
  let running = false;
  const tick = async (): Promise<void> => {
    if (running || !verificationDue(deps.store, deps.settings.get('modelStore.verifyIntervalHours'), new Date())) return;
    running = true;
    try {
      const report = await deps.jobs.run('models.verify', 'scheduler', undefined, (job) => verifyStore(deps.store.repo, deps.store.layout, job));
      deps.audit.record({ actor: 'scheduler', role: null, action: 'models.verify', target: null, success: report.problems.length === 0, origin: 'schedule', detail: report.problems.length ? `${report.problems.length} problem(s)` : null });
      deps.logger.info({ problems: report.problems.length, files: report.checkedFiles }, 'scheduled verification finished');
    } catch (error) {
      deps.logger.error({ err: error }, 'scheduled verification failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), CHECK_EVERY_MS);
  timer.unref();
  const first = setTimeout(() => void tick(), 5_000);
  first.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}
