/**
 * Previews are kept `preview.historyDays` days (7 by default, the brief's figure for
 * temporary files). The cleanup runs when the console or desktop app starts and every hour
 * after; only the process that owns the data folder runs it.
 */
import type { Logger } from '../../core/logger.js';
import type { PreviewRepository } from '../../db/repositories/preview-repository.js';
import type { SettingsService } from '../settings/settings-service.js';
import { PreviewFiles } from './preview-files.js';

const DAY_MS = 24 * 3600_000;
export const CLEANUP_EVERY_MS = 3600_000;
/** A preview whose page stopped asking for its next sentence this long ago is abandoned. */
export const STALLED_AFTER_MS = 3600_000;
/** Files without a record (a crash between rename and commit, a purged staff member) wait this long. */
const ORPHAN_GRACE_MS = 10 * 60_000;

export interface PreviewCleanupReport {
  removedPreviews: number;
  abandonedPreviews: number;
  removedFiles: number;
  freedBytes: number;
}

export function cleanupPreviews(deps: { repo: PreviewRepository; files: PreviewFiles; historyDays: number; now: Date }): PreviewCleanupReport {
  const { repo, files, now } = deps;
  const report: PreviewCleanupReport = { removedPreviews: 0, abandonedPreviews: 0, removedFiles: 0, freedBytes: 0 };
  const count = (bytes: number): void => {
    report.removedFiles += 1;
    report.freedBytes += bytes;
  };

  const expired = repo.createdBefore(new Date(now.getTime() - deps.historyDays * DAY_MS).toISOString());
  // Rows first: a clip whose row is gone is an orphan the next run removes anyway, while a row
  // whose clip is gone would be a broken replay.
  repo.delete(expired.map((p) => p.id));
  report.removedPreviews = expired.length;

  for (const stalled of repo.stalledBefore(new Date(now.getTime() - STALLED_AFTER_MS).toISOString())) {
    repo.markFailed(stalled.id, now.toISOString());
    report.abandonedPreviews += 1;
  }

  const ids = repo.ids();
  const expiredIds = new Set(expired.map((p) => p.id));
  for (const name of files.list()) {
    const id = PreviewFiles.idOf(name);
    const old = now.getTime() - files.modifiedAt(name) > ORPHAN_GRACE_MS;
    if (id !== null && expiredIds.has(id)) count(files.remove(name));
    else if (PreviewFiles.isTemporary(name) && old) count(files.remove(name));
    else if (id !== null && !ids.has(id) && old) count(files.remove(name));
    // Sentences of a preview that will never finish (failed or abandoned) are of no use.
    else if (id !== null && name.includes('.part-') && repo.find(id)?.state === 'failed') count(files.remove(name));
  }
  return report;
}

/** At start, then hourly; returns the function that stops it. */
export function startPreviewCleanup(deps: {
  repo: PreviewRepository;
  files: PreviewFiles;
  settings: SettingsService;
  logger: Logger;
  now?: () => Date;
  isOpen?: () => boolean;
}): () => void {
  const now = deps.now ?? (() => new Date());
  const tick = (): void => {
    if (deps.isOpen && !deps.isOpen()) return;
    try {
      const report = cleanupPreviews({ repo: deps.repo, files: deps.files, historyDays: deps.settings.get('preview.historyDays'), now: now() });
      if (report.removedPreviews + report.removedFiles + report.abandonedPreviews > 0) deps.logger.info({ previewCleanup: report }, 'previews cleaned up');
    } catch (error) {
      deps.logger.error({ err: error }, 'preview cleanup failed');
    }
  };
  const first = setTimeout(tick, 0);
  const timer = setInterval(tick, CLEANUP_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
