import type { Database } from 'better-sqlite3';

export type BackupKind = 'scheduled' | 'manual' | 'pre-restore';
export type CheckKind = 'verify' | 'drill';
export type RestoreState = 'snapshot' | 'staging' | 'swapping' | 'done' | 'rolled-back' | 'failed';

export interface TargetRow {
  name: string;
  path: string;
  createdAt: string;
  createdBy: string;
}

export interface BackupRow {
  id: string;
  target: string;
  kind: BackupKind;
  createdAt: string;
  durationMs: number;
  totalBytes: number;
  newBytes: number;
  fileCount: number;
  versionCount: number;
  appVersion: string;
}

export interface CheckRow {
  backupId: string;
  kind: CheckKind;
  at: string;
  ok: boolean;
  subsetPercent: number;
  checkedFiles: number;
  checkedBytes: number;
  problems: string[];
}

export interface ScheduleRow {
  mode: 'every' | 'cron';
  everyHours: number | null;
  cron: string | null;
  timezone: string;
  anchorAt: string;
  lastRunAt: string | null;
  /** Why the last scheduled run failed; null when it succeeded or none ran yet (migration 006). */
  lastError: string | null;
}

export interface RestoreJournalRow {
  id: string;
  backupId: string;
  target: string;
  scope: string;
  snapshotBackupId: string | null;
  state: RestoreState;
  pid: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

const BACKUP_COLUMNS = `id, target, kind, created_at AS createdAt, duration_ms AS durationMs, total_bytes AS totalBytes,
  new_bytes AS newBytes, file_count AS fileCount, version_count AS versionCount, app_version AS appVersion`;
const JOURNAL_COLUMNS = `id, backup_id AS backupId, target, scope, snapshot_backup_id AS snapshotBackupId, state, pid,
  started_at AS startedAt, finished_at AS finishedAt, error`;

/** Targets, completed backups, their checks, the schedule and the restore journal (migration 004). */
export class BackupRepository {
  constructor(private readonly db: Database) {}

  targets(): TargetRow[] {
    return this.db.prepare('SELECT name, path, created_at AS createdAt, created_by AS createdBy FROM backup_targets ORDER BY name').all() as TargetRow[];
  }

  findTarget(name: string): TargetRow | undefined {
    return this.targets().find((t) => t.name === name);
  }

  addTarget(row: TargetRow): void {
    this.db.prepare('INSERT INTO backup_targets (name, path, created_at, created_by) VALUES (?, ?, ?, ?)').run(row.name, row.path, row.createdAt, row.createdBy);
  }

  removeTarget(name: string): void {
    this.db.prepare('DELETE FROM backup_targets WHERE name = ?').run(name);
  }

  /** Newest first. */
  backups(target?: string): BackupRow[] {
    return (
      target
        ? this.db.prepare(`SELECT ${BACKUP_COLUMNS} FROM backups WHERE target = ? ORDER BY created_at DESC, id DESC`).all(target)
        : this.db.prepare(`SELECT ${BACKUP_COLUMNS} FROM backups ORDER BY created_at DESC, id DESC`).all()
    ) as BackupRow[];
  }

  findBackup(id: string): BackupRow | undefined {
    return this.db.prepare(`SELECT ${BACKUP_COLUMNS} FROM backups WHERE id = ?`).get(id) as BackupRow | undefined;
  }

  insertBackup(b: BackupRow): void {
    this.db
      .prepare(
        `INSERT INTO backups (id, target, kind, created_at, duration_ms, total_bytes, new_bytes, file_count, version_count, app_version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(b.id, b.target, b.kind, b.createdAt, b.durationMs, b.totalBytes, b.newBytes, b.fileCount, b.versionCount, b.appVersion);
  }

  deleteBackup(id: string): void {
    this.db.prepare('DELETE FROM backups WHERE id = ?').run(id);
  }

  addCheck(c: CheckRow): void {
    this.db
      .prepare(
        `INSERT INTO backup_checks (backup_id, kind, at, ok, subset_percent, checked_files, checked_bytes, problems)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.backupId, c.kind, c.at, c.ok ? 1 : 0, c.subsetPercent, c.checkedFiles, c.checkedBytes, JSON.stringify(c.problems));
  }

  lastCheck(backupId: string, kind: CheckKind): CheckRow | undefined {
    const row = this.db
      .prepare(
        `SELECT backup_id AS backupId, kind, at, ok, subset_percent AS subsetPercent, checked_files AS checkedFiles,
           checked_bytes AS checkedBytes, problems FROM backup_checks WHERE backup_id = ? AND kind = ? ORDER BY at DESC, id DESC LIMIT 1`,
      )
      .get(backupId, kind) as (Omit<CheckRow, 'ok' | 'problems'> & { ok: number; problems: string }) | undefined;
    return row && { ...row, ok: row.ok === 1, problems: JSON.parse(row.problems) as string[] };
  }

  schedule(): ScheduleRow | undefined {
    return this.db
      .prepare(
        'SELECT mode, every_hours AS everyHours, cron, timezone, anchor_at AS anchorAt, last_run_at AS lastRunAt, last_error AS lastError FROM backup_schedule WHERE id = 1',
      )
      .get() as ScheduleRow | undefined;
  }

  setSchedule(s: ScheduleRow): void {
    this.db
      .prepare(
        `INSERT INTO backup_schedule (id, mode, every_hours, cron, timezone, anchor_at, last_run_at, last_error) VALUES (1, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET mode = excluded.mode, every_hours = excluded.every_hours, cron = excluded.cron,
           timezone = excluded.timezone, anchor_at = excluded.anchor_at, last_run_at = excluded.last_run_at, last_error = excluded.last_error`,
      )
      .run(s.mode, s.everyHours, s.cron, s.timezone, s.anchorAt, s.lastRunAt, s.lastError);
  }

  journal(id: string): RestoreJournalRow | undefined {
    return this.db.prepare(`SELECT ${JOURNAL_COLUMNS} FROM restore_journal WHERE id = ?`).get(id) as RestoreJournalRow | undefined;
  }

  unfinishedRestores(): RestoreJournalRow[] {
    return this.db
      .prepare(`SELECT ${JOURNAL_COLUMNS} FROM restore_journal WHERE state IN ('snapshot', 'staging', 'swapping') ORDER BY started_at`)
      .all() as RestoreJournalRow[];
  }

  beginRestore(row: Omit<RestoreJournalRow, 'finishedAt' | 'error' | 'snapshotBackupId' | 'state'>): void {
    this.db
      .prepare(`INSERT INTO restore_journal (id, backup_id, target, scope, state, pid, started_at) VALUES (?, ?, ?, ?, 'snapshot', ?, ?)`)
      .run(row.id, row.backupId, row.target, row.scope, row.pid, row.startedAt);
  }

  updateRestore(id: string, patch: { state: RestoreState; snapshotBackupId?: string; finishedAt?: string; error?: string | null }): void {
    const current = this.journal(id);
    if (!current) return;
    this.db
      .prepare('UPDATE restore_journal SET state = ?, snapshot_backup_id = ?, finished_at = ?, error = ? WHERE id = ?')
      .run(patch.state, patch.snapshotBackupId ?? current.snapshotBackupId, patch.finishedAt ?? current.finishedAt, patch.error ?? current.error, id);
  }
}
