import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../api/index.js';
import type { JobControl, JobRegistry } from '../../core/jobs.js';
import { BackupRepository, type BackupKind, type BackupRow, type ScheduleRow } from '../../db/repositories/backup-repository.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { DiskSpace } from '../model-store/disk-space.js';
import { diskSpace } from '../model-store/disk-space.js';
import type { ModelStore } from '../model-store/model-store.js';
import type { SettingsService } from '../settings/settings-service.js';
import { adoptBackups } from './adopt-backups.js';
import { readManifest } from './backup-manifest.js';
import type { BackupDeps } from './backup-deps.js';
import { checkCron, checkTimezone, defaultSchedule, isDue, nextRunAt, startBackupSchedule } from './backup-schedule.js';
import { drillBackup, verifyBackup } from './check-backup.js';
import type { RestoreScope } from './registry-swap.js';
import { recoverInterruptedRestores, restoreBackup } from './restore-backup.js';
import { forgetBackups, pruneTarget, type RetentionPolicy } from './retention.js';
import { runBackup } from './run-backup.js';
import { checkTargetFolder, TargetLayout } from './target-layout.js';
import { repairFromBackups } from './repair-store.js';

export interface BackupServiceOptions {
  db: Database;
  dataDir: string;
  store: ModelStore;
  settings: SettingsService;
  audit: AuditLog;
  appVersion: string;
  now?: () => Date;
  diskSpace?: (dir: string) => DiskSpace;
  fault?: (point: string) => Promise<void> | void;
}

/**
 * Backups of one data folder: targets, backups (incremental by content), retention, verify,
 * drill, restore with automatic rollback, repair of the store from backups, and the schedule.
 * Plain Node; the work itself is in the functions next to this file.
 */
export class BackupService {
  readonly repo: BackupRepository;
  readonly deps: BackupDeps;
  /** One backup, prune or restore at a time in this process (targets also carry a lock file across processes). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: BackupServiceOptions) {
    this.repo = new BackupRepository(options.db);
    this.deps = {
      db: options.db,
      dataDir: options.dataDir,
      store: options.store,
      settings: options.settings,
      repo: this.repo,
      appVersion: options.appVersion,
      now: options.now ?? (() => new Date()),
      diskSpace: options.diskSpace,
      fault: options.fault,
    };
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  addTarget(name: string, folder: string, actor: string, fromBrowser: boolean) {
    if (this.repo.findTarget(name)) throw new AppError('CONFLICT', `a backup target named "${name}" exists already`);
    const checked = checkTargetFolder(folder, this.options.dataDir, fromBrowser);
    if (this.repo.targets().some((t) => t.path === checked.folder)) throw new AppError('CONFLICT', `${checked.folder} is already a backup target`);
    const layout = new TargetLayout(checked.folder);
    layout.ensure();
    // One transaction: the target and the backups its folder already holds are listed together.
    const adoption = this.options.db.transaction(() => {
      this.repo.addTarget({ name, path: checked.folder, createdAt: this.deps.now().toISOString(), createdBy: actor });
      return adoptBackups(this.deps, name, layout);
    })();
    return { ...this.describeTarget(name), adoptedBackups: adoption.adopted.length, warnings: [...checked.warnings, ...adoption.warnings] };
  }

  removeTarget(name: string) {
    const target = this.describeTarget(name);
    this.repo.removeTarget(name); // the files in the folder stay: removing a target never deletes backups
    return target;
  }

  describeTarget(name: string) {
    const row = this.repo.findTarget(name);
    if (!row) throw new AppError('NOT_FOUND', `no backup target named "${name}"`);
    let free: number | null = null;
    let reachable = true;
    try {
      free = (this.deps.diskSpace ?? diskSpace)(row.path).freeBytes;
    } catch {
      reachable = false;
    }
    const backups = this.repo.backups(name);
    return { name, path: row.path, createdAt: row.createdAt, reachable, freeBytes: free, backupCount: backups.length, lastBackupAt: backups[0]?.createdAt ?? null };
  }

  targets() {
    return this.repo.targets().map((t) => this.describeTarget(t.name));
  }

  /**
   * Backs up to one target, or to every target in turn. One target failing (a USB disk left
   * unplugged) does not keep the others from their backup: each is tried, then the failures are
   * reported together; the backups that succeeded are listed.
   */
  run(target: string | undefined, kind: BackupKind, job: JobControl): Promise<BackupRow[]> {
    return this.exclusive(async () => {
      if (target) return [await runBackup(this.deps, target, kind, job)];
      const names = this.repo.targets().map((t) => t.name);
      if (names.length === 0) throw new AppError('NOT_FOUND', 'no backup target yet; add one with: voiceops backup target add <name> <folder>');
      const rows: BackupRow[] = [];
      const failures: Array<{ name: string; error: unknown }> = [];
      for (const name of names) {
        try {
          rows.push(await runBackup(this.deps, name, kind, job));
        } catch (error) {
          if ((error as AppError).code === 'CANCELLED') throw error;
          failures.push({ name, error });
        }
      }
      if (failures.length === 0) return rows;
      if (names.length === 1) throw failures[0]!.error;
      const done = rows.map((r) => `${r.target} (${r.id})`).join(', ') || 'none';
      const failed = failures.map((f) => `${f.name}: ${(f.error as Error).message}`).join('; ');
      const code = failures[0]!.error instanceof AppError ? failures[0]!.error.code : 'INTERNAL';
      throw new AppError(code, `backed up to ${done}; failed: ${failed}`);
    });
  }

  list(target?: string) {
    return this.repo.backups(target).map((b) => {
      const verify = this.repo.lastCheck(b.id, 'verify');
      const drill = this.repo.lastCheck(b.id, 'drill');
      return {
        ...b,
        lastVerify: verify ? { at: verify.at, ok: verify.ok, subsetPercent: verify.subsetPercent, problems: verify.problems.length } : null,
        lastDrill: drill ? { at: drill.at, ok: drill.ok, subsetPercent: drill.subsetPercent, problems: drill.problems.length } : null,
      };
    });
  }

  show(id: string) {
    const row = this.repo.findBackup(id);
    if (!row) throw new AppError('NOT_FOUND', `no backup with id ${id}`);
    const manifest = readManifest(new TargetLayout(this.repo.findTarget(row.target)!.path), id);
    return { ...row, lines: manifest.lines.map((l) => ({ line: l.line, versions: l.versions.map((v) => v.version) })), staff: manifest.staff };
  }

  verify(id: string, subsetPercent: number, job: JobControl) {
    return verifyBackup(this.deps, id, subsetPercent, job);
  }

  drill(id: string, job: JobControl) {
    return drillBackup(this.deps, id, job);
  }

  restore(id: string, scope: RestoreScope, dryRun: boolean, job: JobControl) {
    return dryRun ? restoreBackup(this.deps, id, scope, true, job) : this.exclusive(() => restoreBackup(this.deps, id, scope, false, job));
  }

  retentionPolicy(): RetentionPolicy {
    const s = this.options.settings.getAll();
    return { keepLast: s['backup.keepLast'], keepDaily: s['backup.keepDaily'], keepWeekly: s['backup.keepWeekly'], keepMonthly: s['backup.keepMonthly'] };
  }

  prune(target?: string) {
    return this.exclusive(async () => {
      const names = target ? [target] : this.repo.targets().map((t) => t.name);
      const reports = [];
      for (const name of names) reports.push(await pruneTarget(this.deps, name, this.retentionPolicy(), this.schedule().timezone));
      return reports;
    });
  }

  /** Deletes one backup, then the target files no other backup references (what prune does for retention). */
  delete(id: string) {
    return this.exclusive(async () => {
      const row = this.repo.findBackup(id);
      if (!row) throw new AppError('NOT_FOUND', `no backup with id ${id}`);
      return forgetBackups(this.deps, row.target, () => new Set([id]));
    });
  }

  repair(job: JobControl) {
    return repairFromBackups(this.deps, job);
  }

  scheduleRow(): ScheduleRow {
    const row = this.repo.schedule();
    if (row) return row;
    const fresh = defaultSchedule(this.deps.now());
    this.repo.setSchedule(fresh);
    return fresh;
  }

  schedule() {
    const row = this.scheduleRow();
    return {
      mode: row.mode,
      everyHours: row.everyHours,
      cron: row.cron,
      timezone: row.timezone,
      lastRunAt: row.lastRunAt,
      lastError: row.lastError,
      nextRunAt: nextRunAt(row).toISOString(),
    };
  }

  /** Changes the schedule; counting starts again from the last run (or now). */
  setSchedule(change: { everyHours?: number | undefined; cron?: string | undefined; timezone?: string | undefined }) {
    const current = this.scheduleRow();
    const timezone = change.timezone ?? current.timezone;
    checkTimezone(timezone);
    if (change.everyHours !== undefined && change.cron !== undefined) throw new AppError('VALIDATION_FAILED', 'give either --every or --cron, not both');
    const next: ScheduleRow = { ...current, timezone, anchorAt: this.deps.now().toISOString() };
    if (change.everyHours !== undefined) Object.assign(next, { mode: 'every', everyHours: change.everyHours, cron: null });
    if (change.cron !== undefined) {
      checkCron(change.cron, timezone);
      Object.assign(next, { mode: 'cron', cron: change.cron, everyHours: null });
    }
    this.repo.setSchedule(next);
    return this.schedule();
  }

  due(now = this.deps.now()): boolean {
    return this.repo.targets().length > 0 && isDue(this.scheduleRow(), now);
  }

  /**
   * The scheduled run: back up to every target, prune by retention, and verify the newest backup
   * when its verification is old. Nobody watches it, so how it ended is kept on the schedule row
   * (shown on the Backups screen and in the health check) and a failure goes to the audit log.
   */
  async runScheduled(jobs: JobRegistry): Promise<BackupRow[]> {
    const row = this.scheduleRow();
    this.repo.setSchedule({ ...row, lastRunAt: this.deps.now().toISOString() });
    try {
      const rows = await this.runScheduledSteps(jobs);
      this.repo.setSchedule({ ...this.scheduleRow(), lastError: null });
      return rows;
    } catch (error) {
      const reason = (error as Error).message;
      this.repo.setSchedule({ ...this.scheduleRow(), lastError: reason });
      this.options.audit.record({ actor: 'scheduler', role: null, action: 'backup.run', target: reason.slice(0, 500), success: false, origin: 'schedule' });
      throw error;
    }
  }

  private async runScheduledSteps(jobs: JobRegistry): Promise<BackupRow[]> {
    const rows = await jobs.run('backup.run', 'scheduler', undefined, (job) => this.run(undefined, 'scheduled', job));
    for (const r of rows) this.options.audit.record({ actor: 'scheduler', role: null, action: 'backup.run', target: `target=${r.target} id=${r.id}`, success: true, origin: 'schedule' });
    await this.prune();
    const interval = this.options.settings.get('backup.verifyIntervalHours') * 3600_000;
    for (const r of rows) {
      const last = this.repo.lastCheck(r.id, 'verify');
      if (!last || this.deps.now().getTime() - Date.parse(last.at) >= interval) {
        await jobs.run('backup.verify', 'scheduler', undefined, (job) => this.verify(r.id, this.options.settings.get('backup.verifySubsetPercent'), job));
      }
    }
    return rows;
  }

  /**
   * The owner process (console or desktop app) calls this once at start: a backup due while
   * the app was closed runs soon after start (catch-up), then the schedule is checked every minute.
   */
  /** `mayRun` guards each due check: a process that lost the data folder's ownership runs nothing. */
  startSchedule(jobs: JobRegistry, onError: (error: unknown) => void, timing: { firstCheckMs?: number; checkEveryMs?: number } = {}, mayRun: () => boolean = () => true) {
    return startBackupSchedule({ due: () => mayRun() && this.due(), run: async () => void (await this.runScheduled(jobs)), onError, ...timing });
  }

  recover() {
    return recoverInterruptedRestores(this.deps);
  }

  /** Space a scratch or staging folder left by a crash would take; removed at start. */
  sweepScratch(): void {
    for (const name of ['backup-scratch', 'backup-staging']) {
      const dir = path.join(this.options.dataDir, name);
      if (fs.existsSync(dir) && this.repo.unfinishedRestores().length === 0) fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
