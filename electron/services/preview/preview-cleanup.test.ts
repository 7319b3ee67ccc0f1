import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../db/connection.js';
import { PreviewRepository } from '../../db/repositories/preview-repository.js';
import { StaffRepository } from '../../db/repositories/staff-repository.js';
import { createSilentLogger } from '../../core/logger.js';
import { SettingsService } from '../settings/settings-service.js';
import { makeTempDir } from '../../test-support/temp-app.js';
import { CLEANUP_EVERY_MS, cleanupPreviews, startPreviewCleanup } from './preview-cleanup.js';
import { PreviewFiles } from './preview-files.js';

const DAY = 24 * 3600_000;
const T0 = new Date('2026-03-10T12:00:00.000Z');

let temp: { dir: string; cleanup(): void };
let db: Database;
let repo: PreviewRepository;
let files: PreviewFiles;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'voiceops.db'));
  new StaffRepository(db).insert('amy', 'Amy', T0.toISOString());
  repo = new PreviewRepository(db);
  files = new PreviewFiles(temp.dir);
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
  temp.cleanup();
});

/** A finished preview made at `at`, with its clip on disk (file time = `at`, as it would be). */
function readyPreview(at: Date, state: 'ready' | 'synthesizing' = 'ready'): string {
  const id = crypto.randomUUID();
  repo.insert({
    id,
    createdAt: at.toISOString(),
    createdBy: 'sue',
    staffCode: 'amy',
    line: 'voice/amy',
    version: '1.0.0',
    format: 'piper',
    text: 'Hello.',
    sentences: JSON.stringify(state === 'ready' ? ['Hello.'] : ['Hello.', 'Bye.']),
    params: '{}',
    emotionLabel: null,
    emotionLine: null,
    emotionVersion: null,
    sample: 0,
  });
  const file = state === 'ready' ? files.clipPath(id) : files.partPath(id, 0);
  files.writeAtomic(file, new Uint8Array(1000));
  fs.utimesSync(file, at, at);
  if (state === 'ready') repo.markReady(id, { durationSeconds: 1, bytes: 1000, completedAt: at.toISOString() });
  return id;
}

describe('preview history cleanup', () => {
  it('removes previews older than the history setting, with their clips, and keeps newer ones', () => {
    const old = readyPreview(new Date(T0.getTime() - 8 * DAY));
    const edge = readyPreview(new Date(T0.getTime() - 7 * DAY + 60_000));
    const fresh = readyPreview(new Date(T0.getTime() - DAY));
    const report = cleanupPreviews({ repo, files, historyDays: 7, now: T0 });
    expect(report).toMatchObject({ removedPreviews: 1, removedFiles: 1, freedBytes: 1000 });
    expect(repo.find(old)).toBeUndefined();
    expect(fs.existsSync(files.clipPath(old))).toBe(false);
    for (const kept of [edge, fresh]) {
      expect(repo.find(kept)?.state).toBe('ready');
      expect(fs.existsSync(files.clipPath(kept))).toBe(true);
    }
    // One day later the edge case is over seven days old too.
    cleanupPreviews({ repo, files, historyDays: 7, now: new Date(T0.getTime() + DAY) });
    expect(repo.find(edge)).toBeUndefined();
    expect(repo.find(fresh)).toBeDefined();
  });

  it('marks previews abandoned mid-way as failed and drops their sentences; sweeps orphans and temporary files', () => {
    const stalled = readyPreview(new Date(T0.getTime() - 2 * 3600_000), 'synthesizing');
    const running = readyPreview(new Date(T0.getTime() - 60_000), 'synthesizing');
    const orphan = path.join(files.dir, `${crypto.randomUUID()}.wav`);
    const temporary = path.join(files.dir, `${crypto.randomUUID()}.wav.abcd1234.tmp`);
    const youngOrphan = path.join(files.dir, `${crypto.randomUUID()}.wav`);
    for (const [file, age] of [[orphan, 3600_000], [temporary, 3600_000], [youngOrphan, 60_000]] as const) {
      fs.writeFileSync(file, 'x');
      const at = new Date(T0.getTime() - age);
      fs.utimesSync(file, at, at);
    }
    const report = cleanupPreviews({ repo, files, historyDays: 7, now: T0 });
    expect(report.abandonedPreviews).toBe(1);
    expect(repo.find(stalled)?.state).toBe('failed');
    expect(fs.existsSync(files.partPath(stalled, 0))).toBe(false);
    expect(repo.find(running)?.state).toBe('synthesizing');
    expect(fs.existsSync(files.partPath(running, 0))).toBe(true);
    expect(fs.existsSync(orphan)).toBe(false);
    expect(fs.existsSync(temporary)).toBe(false);
    expect(fs.existsSync(youngOrphan)).toBe(true);
  });

  it('runs at start and then every hour with the current setting, on a fake clock', async () => {
    vi.useFakeTimers();
    let now = T0;
    const settings = new SettingsService(db);
    const stop = startPreviewCleanup({ repo, files, settings, logger: createSilentLogger(), now: () => now });
    const a = readyPreview(new Date(T0.getTime() - 3 * DAY));
    const b = readyPreview(new Date(T0.getTime() - DAY / 2));
    await vi.advanceTimersByTimeAsync(1);
    expect(repo.find(a)).toBeDefined(); // three days old: kept for seven

    settings.update({ 'preview.historyDays': 2 });
    await vi.advanceTimersByTimeAsync(CLEANUP_EVERY_MS - 10);
    expect(repo.find(a)).toBeDefined(); // the hour is not over yet
    await vi.advanceTimersByTimeAsync(10);
    expect(repo.find(a)).toBeUndefined();
    expect(repo.find(b)).toBeDefined();

    now = new Date(T0.getTime() + 2 * DAY);
    await vi.advanceTimersByTimeAsync(CLEANUP_EVERY_MS);
    expect(repo.find(b)).toBeUndefined();
    stop();
    const c = readyPreview(new Date(T0.getTime() - 30 * DAY));
    await vi.advanceTimersByTimeAsync(3 * CLEANUP_EVERY_MS);
    expect(repo.find(c)).toBeDefined(); // stopped: nothing runs any more
  });
});
