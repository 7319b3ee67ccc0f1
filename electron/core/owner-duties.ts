/**
 * What the process that owns the data folder (the headless console or the desktop app, never
 * a one-shot CLI command) does: repair what a crash left before anything is served, then run
 * the schedules and load the models. One place, so both front doors behave the same.
 */
import { PIPELINES } from '../../native-engine/pipelines/index.js';
import { startPreviewCleanup } from '../services/preview/preview-cleanup.js';
import { startVerifySchedule } from '../services/scheduler/verify-schedule.js';
import type { AppContext } from './app-context.js';

/** Before serving: a restore killed half-way is rolled back, then leftovers of crashes are swept. */
export async function recoverDataFolder(app: AppContext): Promise<void> {
  const recovered = await app.backups.recover();
  if (recovered.length > 0) app.logger.warn({ recovered }, 'interrupted restore rolled back at start');
  app.backups.sweepScratch();
  const swept = app.store.sweep();
  if (swept.removedBlobs + swept.removedTemporaryFiles + swept.abandonedImports > 0) app.logger.info(swept, 'model store swept at start');
}

export interface OwnerScheduleOptions {
  /** How soon after start a backup that fell due while nothing ran is caught up (default 30 s). */
  catchUpDelayMs?: number;
  /**
   * Checked in the lock before a scheduled backup starts: an owner that hung past its heartbeat
   * and wakes up may fire a timer before its next heartbeat notices the takeover.
   */
  stillOwner?: () => boolean;
}

/**
 * Weekly verification, the backup schedule (with catch-up), the cleanup of old previews, the
 * preload of active models and the metrics sampler with its alerts. Returns stop(). Called only
 * by the holder of the data folder's ownership lock (electron/core/take-ownership.ts), so each
 * runs in one process at a time.
 */
export function startOwnerSchedules(app: AppContext, options: OwnerScheduleOptions = {}): () => void {
  const stopVerify = startVerifySchedule(app);
  const { repo, files } = app.previews;
  const stopPreviewCleanup = startPreviewCleanup({ repo, files, settings: app.settings, logger: app.logger, isOpen: () => app.db.open });
  const backups = app.backups.startSchedule(
    app.jobs,
    (error) => app.logger.error({ err: error }, 'scheduled backup failed'),
    options.catchUpDelayMs === undefined ? {} : { firstCheckMs: options.catchUpDelayMs },
    options.stillOwner,
  );
  void app.engine.preloadActive((format) => PIPELINES[format] !== undefined, app.settings.get('engine.warmUp'));
  // The 1 Hz sampler writes history and runs the alert rules: one writer per data folder (issue #9).
  const stopSampler = app.metrics.start({ history: app.metricsHistory, alerts: app.alerts, bus: app.bus });
  return () => {
    stopSampler();
    stopVerify();
    stopPreviewCleanup();
    backups.stop();
  };
}
