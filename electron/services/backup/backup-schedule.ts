import { Cron } from 'croner';
import { AppError } from '../../api/index.js';
import type { ScheduleRow } from '../../db/repositories/backup-repository.js';

export const DEFAULT_EVERY_HOURS = 24;
export const DEFAULT_TIMEZONE = 'Asia/Taipei';

/** Parses a cron expression with croner (never by hand); throws VALIDATION_FAILED with croner's reason. */
export function checkCron(expression: string, timezone: string): Cron {
  try {
    return new Cron(expression, { timezone, paused: true });
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `not a usable cron expression "${expression}" in ${timezone}: ${(error as Error).message}`, 'cron');
  }
}

export function checkTimezone(timezone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new AppError('VALIDATION_FAILED', `unknown time zone "${timezone}" (use an IANA name such as Asia/Taipei)`, 'tz');
  }
}

export function defaultSchedule(now: Date): ScheduleRow {
  return { mode: 'every', everyHours: DEFAULT_EVERY_HOURS, cron: null, timezone: DEFAULT_TIMEZONE, anchorAt: now.toISOString(), lastRunAt: null, lastError: null };
}

/**
 * The next time a backup is due: counted from the last scheduled run, or from when the
 * schedule was set if it never ran. A time in the past means "due now": that is the catch-up
 * of a backup that fell due while the app was closed.
 */
export function nextRunAt(schedule: ScheduleRow): Date {
  const from = new Date(schedule.lastRunAt ?? schedule.anchorAt);
  if (schedule.mode === 'every') return new Date(from.getTime() + (schedule.everyHours ?? DEFAULT_EVERY_HOURS) * 3600_000);
  const next = checkCron(schedule.cron ?? '', schedule.timezone).nextRun(from);
  if (!next) throw new AppError('VALIDATION_FAILED', `the cron expression "${schedule.cron}" never fires again`);
  return next;
}

export function isDue(schedule: ScheduleRow, now: Date): boolean {
  return nextRunAt(schedule).getTime() <= now.getTime();
}

export interface ScheduleTimers {
  setInterval(fn: () => void, ms: number): { unref?: () => void };
  clearInterval(handle: unknown): void;
}

/**
 * Checks every minute (and once shortly after start) whether a backup is due, and runs it.
 * Only the process that owns the data folder (the console or the desktop app) starts this;
 * the CLI never does. `tick` is exposed for tests that drive it with an injected clock.
 */
export function startBackupSchedule(deps: {
  due: () => boolean;
  run: () => Promise<void>;
  onError: (error: unknown) => void;
  firstCheckMs?: number;
  checkEveryMs?: number;
}): { stop(): void; tick(): Promise<void> } {
  let running = false;
  const tick = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      if (deps.due()) await deps.run();
    } catch (error) {
      deps.onError(error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), deps.firstCheckMs ?? 30_000);
  first.unref();
  const timer = setInterval(() => void tick(), deps.checkEveryMs ?? 60_000);
  timer.unref();
  return {
    tick,
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
