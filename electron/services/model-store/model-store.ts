import type { Database } from 'better-sqlite3';
import { ModelRepository } from '../../db/repositories/model-repository.js';
import { StaffRepository } from '../../db/repositories/staff-repository.js';
import type { SettingsService } from '../settings/settings-service.js';
import { sweepStore, type SweepReport } from './blob-sweeper.js';
import type { DiskSpace } from './disk-space.js';
import { importVersion, type ImportDeps, type ImportRequest } from './import-version.js';
import { StaffService } from './staff-service.js';
import { StoreLayout } from './store-layout.js';
import { VersionRegistry } from './version-registry.js';
import type { JobControl } from '../../core/jobs.js';
import type { VersionFiles } from '../../../native-engine/pipelines/pipeline.js';

export interface ModelStoreOptions {
  db: Database;
  dataDir: string;
  settings: SettingsService;
  now?: () => Date;
  /** Tests: a simulated disk. */
  diskSpace?: () => DiskSpace;
}

/**
 * The model store of one data folder: registry (SQLite) + content-addressed blobs. Services
 * that need models (engine, backups, preview) read it through this object.
 */
export class ModelStore {
  readonly layout: StoreLayout;
  readonly repo: ModelRepository;
  readonly staffRepo: StaffRepository;
  readonly staff: StaffService;
  readonly versions: VersionRegistry;
  private readonly now: () => Date;
  private graphCheck: ((files: VersionFiles) => Promise<void>) | undefined;

  constructor(private readonly options: ModelStoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.layout = new StoreLayout(options.dataDir);
    this.layout.ensure();
    this.repo = new ModelRepository(options.db);
    this.staffRepo = new StaffRepository(options.db);
    this.staff = new StaffService(this.staffRepo, this.repo, this.layout, this.now);
    this.versions = new VersionRegistry(this.repo, this.layout);
  }

  /** The engine's check of a version's graphs against its format (set once the engine exists). */
  setGraphCheck(check: (files: VersionFiles) => Promise<void>): void {
    this.graphCheck = check;
  }

  /** At start: clear what crashed imports and interrupted deletions left behind. */
  sweep(): SweepReport {
    return sweepStore(this.repo, this.layout);
  }

  importDeps(extra: Partial<Pick<ImportDeps, 'beforeCommit'>> = {}): ImportDeps {
    return {
      repo: this.repo,
      staff: this.staffRepo,
      layout: this.layout,
      settings: this.options.settings.getAll(),
      now: this.now,
      ...(this.options.diskSpace ? { diskSpace: this.options.diskSpace } : {}),
      ...(this.graphCheck ? { checkGraphs: this.graphCheck } : {}),
      ...extra,
    };
  }

  /** Imports a version, then applies the line's retention (never removing the active or pinned one). */
  async importVersion(request: ImportRequest, job: JobControl, extra: Partial<Pick<ImportDeps, 'beforeCommit'>> = {}) {
    const { manifest } = await importVersion(this.importDeps(extra), request, job);
    const removed = this.versions.applyRetention(manifest.line, this.options.settings.get('modelStore.maxVersionsPerLine'));
    return { manifest, removedByRetention: removed };
  }
}
