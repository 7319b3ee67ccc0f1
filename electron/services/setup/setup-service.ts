import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError, WIZARD_STEPS, type DatabaseReport, type DataFolderReport, type DoctorReport, type WizardState, type WizardStep } from '../../api/index.js';
import type { AuthService } from '../auth/auth-service.js';
import type { BackupService } from '../backup/backup-service.js';
import type { ModelStore } from '../model-store/model-store.js';
import type { SettingsService } from '../settings/settings-service.js';
import { schemaVersionOf } from '../../db/migration.js';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index.js';
import { anyOnOtherVolume, realProbes, runDoctor, type DoctorProbes } from '../hardware/doctor.js';
import { projectStorage } from '../hardware/workload-fit.js';
import { describeWizard, furthestReachable, WizardProgress, type StoredWizard } from './wizard-progress.js';

/**
 * The folders of the data folder, each created by the service that owns it at start (logs and
 * voice_output by the app, the rest by the model store). The wizard shows them and creates any
 * that are missing; it never moves the data folder the console is running on.
 */
export const DATA_FOLDERS = ['logs', 'voice_output', 'blobs/sha256', 'blobs/tmp', 'incoming', 'exports'] as const;

export interface SetupServiceOptions {
  db: Database;
  dataDir: string;
  databaseFile: string;
  settings: SettingsService;
  auth: AuthService;
  backups: BackupService;
  store: ModelStore;
  probes?: DoctorProbes;
  now?: () => Date;
}

export interface ConfirmInput {
  step: WizardStep;
  language?: 'zh-TW' | 'en' | undefined;
  staffCount?: number | undefined;
  skip?: boolean | undefined;
}

const indexOf = (step: WizardStep): number => WIZARD_STEPS.indexOf(step);

export class SetupService {
  private readonly progress: WizardProgress;
  private readonly now: () => Date;

  constructor(private readonly options: SetupServiceOptions) {
    this.progress = new WizardProgress(options.db);
    this.now = options.now ?? (() => new Date());
  }

  state(): WizardState {
    return describeWizard(this.progress.read());
  }

  /** Back (or forward again up to the first unconfirmed step): only the position changes. */
  goTo(step: WizardStep): WizardState {
    const stored = this.progress.read();
    if (indexOf(step) > indexOf(furthestReachable(stored))) {
      throw new AppError('CONFLICT', `confirm the "${furthestReachable(stored)}" step before going to "${step}"`, 'step');
    }
    return this.save({ ...stored, current: step });
  }

  restart(): WizardState {
    return this.save({ ...this.progress.read(), current: 'language' });
  }

  /** Does what the step does (each one idempotent), records it, and moves to the next step. */
  async confirm(input: ConfirmInput): Promise<WizardState> {
    const stored = this.progress.read();
    const reachable = furthestReachable(stored);
    if (indexOf(input.step) > indexOf(reachable)) {
      throw new AppError('CONFLICT', `confirm the "${reachable}" step before "${input.step}"`, 'step');
    }
    const next: StoredWizard = { ...stored, steps: { ...stored.steps } };
    await this.perform(input, next);
    const at = this.now().toISOString();
    next.steps[input.step] = { state: input.skip ? 'skipped' : 'done', at };
    if (input.step === 'summary') next.completedAt = at;
    else next.current = WIZARD_STEPS[indexOf(input.step) + 1]!;
    return this.save(next);
  }

  private async perform(input: ConfirmInput, next: StoredWizard): Promise<void> {
    switch (input.step) {
      case 'language':
        next.language = input.language ?? next.language;
        return;
      case 'hardware':
        if (input.staffCount !== undefined) next.staffCount = input.staffCount;
        return;
      case 'data-folder':
        this.prepareDataFolder(next.staffCount);
        return;
      case 'database': {
        const report = this.database();
        if (report.check !== 'ok') throw new AppError('INTEGRITY_FAILED', `the database check found a problem: ${report.check}`);
        return;
      }
      case 'accounts':
        if (!this.options.auth.listUsers().some((u) => u.role === 'admin' && !u.disabled)) {
          throw new AppError('CONFLICT', 'add an admin account for the headless console first');
        }
        return;
      case 'backup':
        if (!input.skip && this.options.backups.targets().length === 0) throw new AppError('CONFLICT', 'add a backup target first, or skip this step');
        return;
      case 'samples':
        if (!input.skip && !this.options.store.staff.list(false).some((member) => member.sample)) {
          throw new AppError('CONFLICT', 'install the sample models first, or skip this step');
        }
        return;
      case 'summary':
        return;
    }
  }

  private save(stored: StoredWizard): WizardState {
    this.progress.write(stored, this.now());
    return describeWizard(stored);
  }

  doctor(staff?: number): Promise<DoctorReport> {
    return runDoctor(
      {
        dataDir: this.options.dataDir,
        staffCount: staff ?? this.progress.read().staffCount,
        backupFolders: this.options.backups.targets().map((t) => t.path),
        memoryFraction: this.options.settings.get('engine.gpuMemoryFraction'),
        maxConcurrent: this.options.settings.get('engine.maxConcurrent'),
      },
      this.options.probes ?? realProbes,
    );
  }

  dataFolder(): DataFolderReport {
    const { dataDir } = this.options;
    const probes = this.options.probes ?? realProbes;
    const space = probes.space(dataDir);
    const backupsElsewhere = anyOnOtherVolume(dataDir, this.options.backups.targets().map((t) => t.path));
    return {
      path: dataDir,
      sizeBytes: space.sizeBytes,
      freeBytes: space.freeBytes,
      folders: DATA_FOLDERS.map((name) => ({ name, exists: fs.existsSync(path.join(dataDir, name)) })),
      writable: isWritable(dataDir),
      storage: projectStorage({ staffCount: this.progress.read().staffCount, freeBytes: space.freeBytes, backupsElsewhere }),
    };
  }

  /** Free-space preflight first (nothing is created on a disk that cannot hold the workload), then the folders. */
  private prepareDataFolder(staffCount: number): void {
    const report = this.dataFolder();
    if (report.storage.verdict === 'needs-more') {
      throw new AppError('DISK_FULL', `the data folder's disk is too small for ${staffCount} staff members: ${report.storage.message}`);
    }
    for (const name of DATA_FOLDERS) fs.mkdirSync(path.join(this.options.dataDir, name), { recursive: true, mode: 0o700 });
    if (!isWritable(this.options.dataDir)) throw new AppError('DATA_DIR_UNUSABLE', `cannot write to the data folder ${this.options.dataDir}`);
  }

  database(): DatabaseReport {
    const { db, databaseFile } = this.options;
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    return {
      path: databaseFile,
      sizeBytes: fs.statSync(databaseFile).size,
      schemaVersion: schemaVersionOf(db),
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      journalMode: String(db.pragma('journal_mode', { simple: true })),
      check: rows[0]?.quick_check ?? 'no answer',
    };
  }
}

/** Writes and removes a probe file: permissions alone do not tell a read-only mount. */
function isWritable(dir: string): boolean {
  const probe = path.join(dir, `.write-check-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
    return true;
  } catch {
    return false;
  }
}
