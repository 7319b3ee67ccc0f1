import type { Migration } from '../migration.js';

/**
 * Backups (issue #6). The target folders are the truth about what a backup holds (its
 * manifest); these tables remember which targets exist, which complete backups were written
 * (a row is added only after the manifest is on disk), their verification and drill results,
 * the schedule, and a journal of restores so a restore killed half-way is rolled back at the
 * next start.
 */
export const backups: Migration = {
  version: 4,
  name: 'backups',
  up(db) {
    db.exec(`
      CREATE TABLE backup_targets (
        name TEXT PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE TABLE backups (
        id TEXT PRIMARY KEY,
        target TEXT NOT NULL REFERENCES backup_targets(name) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual', 'pre-restore')),
        created_at TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        total_bytes INTEGER NOT NULL,
        new_bytes INTEGER NOT NULL,
        file_count INTEGER NOT NULL,
        version_count INTEGER NOT NULL,
        app_version TEXT NOT NULL
      );
      CREATE INDEX backups_by_time ON backups (created_at);
      CREATE TABLE backup_checks (
        id INTEGER PRIMARY KEY,
        backup_id TEXT NOT NULL REFERENCES backups(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('verify', 'drill')),
        at TEXT NOT NULL,
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        subset_percent REAL NOT NULL,
        checked_files INTEGER NOT NULL,
        checked_bytes INTEGER NOT NULL,
        problems TEXT NOT NULL
      );
      CREATE TABLE backup_schedule (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        mode TEXT NOT NULL CHECK (mode IN ('every', 'cron')),
        every_hours INTEGER,
        cron TEXT,
        timezone TEXT NOT NULL,
        anchor_at TEXT NOT NULL,
        last_run_at TEXT
      );
      CREATE TABLE restore_journal (
        id TEXT PRIMARY KEY,
        backup_id TEXT NOT NULL,
        target TEXT NOT NULL,
        scope TEXT NOT NULL,
        snapshot_backup_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('snapshot', 'staging', 'swapping', 'done', 'rolled-back', 'failed')),
        pid INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        error TEXT
      );
    `);
  },
};
