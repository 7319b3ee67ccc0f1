import type { Database } from 'better-sqlite3';
import type { EngineStatusReport, Health, HealthCheck } from '../../api/index.js';
import { schemaVersionOf } from '../../db/migration.js';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index.js';
import { diskSpace, type DiskSpace } from '../model-store/disk-space.js';
import type { ModelStore } from '../model-store/model-store.js';

/** The brief: the health check warns when the data disk is over 90 % full. */
export const DISK_WARN_PERCENT = 90;

export interface HealthServiceOptions {
  db: Database;
  dataDir: string;
  store: ModelStore;
  engineStatus: () => Promise<EngineStatusReport>;
  disk?: (dir: string) => DiskSpace;
  /** The backups line (services/backup/backup-health.ts); left out, the check has four lines. */
  backups?: () => HealthCheck;
}

const RANK = { ok: 0, warn: 1, fail: 2 } as const;

/** Database, models, disk, engine, backups: each ok / warn / fail with a line saying why. */
export class HealthService {
  constructor(private readonly options: HealthServiceOptions) {}

  database(): HealthCheck {
    const { db } = this.options;
    try {
      const version = schemaVersionOf(db);
      // quick_check reads every page but skips the index cross-checks: cheap enough on demand.
      const check = String(db.pragma('quick_check(1)', { simple: true }));
      if (check !== 'ok') return { name: 'database', state: 'fail', detail: `integrity: ${check}` };
      if (version !== LATEST_SCHEMA_VERSION) return { name: 'database', state: 'warn', detail: `schema ${version}, this app expects ${LATEST_SCHEMA_VERSION}` };
      return { name: 'database', state: 'ok', detail: `schema ${version}, integrity ok` };
    } catch (error) {
      return { name: 'database', state: 'fail', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  models(engine: EngineStatusReport | null): HealthCheck {
    let versions: ReturnType<HealthServiceOptions['store']['repo']['versions']>;
    try {
      versions = this.options.store.repo.versions();
    } catch (error) {
      return { name: 'models', state: 'fail', detail: `cannot read the model registry: ${error instanceof Error ? error.message : String(error)}` };
    }
    const failed = versions.filter((v) => v.verifyState !== 'ok');
    const failedLoads = engine?.preloads.filter((p) => p.state === 'failed') ?? [];
    if (failed.length > 0) {
      const names = failed.slice(0, 3).map((v) => `${v.line} ${v.version} (${v.verifyState})`).join(', ');
      return { name: 'models', state: 'warn', detail: `${failed.length} of ${versions.length} versions failed verification: ${names}` };
    }
    if (failedLoads.length > 0) {
      return { name: 'models', state: 'warn', detail: `could not load ${failedLoads.map((p) => `${p.line} ${p.version}`).join(', ')}` };
    }
    const loaded = engine?.loaded.length ?? 0;
    return { name: 'models', state: 'ok', detail: `${versions.length} versions verified, ${loaded} loaded` };
  }

  disk(): HealthCheck {
    try {
      const space = (this.options.disk ?? diskSpace)(this.options.dataDir);
      const detail = `${space.usedPercent.toFixed(1)} % used, ${(space.freeBytes / 1e9).toFixed(1)} GB free`;
      return { name: 'disk', state: space.usedPercent > DISK_WARN_PERCENT ? 'warn' : 'ok', detail };
    } catch (error) {
      return { name: 'disk', state: 'fail', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  engine(engine: EngineStatusReport | null): HealthCheck {
    if (!engine) return { name: 'engine', state: 'fail', detail: 'the engine did not answer' };
    if (!engine.runtime.available) return { name: 'engine', state: 'fail', detail: `onnxruntime-node unavailable: ${engine.runtime.error ?? 'unknown'}` };
    if (engine.workerRestarts > 0) return { name: 'engine', state: 'warn', detail: `engine process restarted ${engine.workerRestarts} times` };
    const inUse = engine.providers.find((p) => p.state === 'in use')?.provider;
    return { name: 'engine', state: 'ok', detail: `onnxruntime ${engine.runtime.version ?? ''}${engine.started ? `, running on ${inUse ?? 'cpu'}` : ', not started yet'}`.trim() };
  }

  backups(): HealthCheck[] {
    const line = this.options.backups;
    if (!line) return [];
    try {
      return [line()];
    } catch (error) {
      return [{ name: 'backups', state: 'warn', detail: `cannot read the backup state: ${error instanceof Error ? error.message : String(error)}` }];
    }
  }

  async check(): Promise<Health> {
    const engine = await this.options.engineStatus().catch(() => null);
    const checks = [this.database(), this.models(engine), this.disk(), this.engine(engine), ...this.backups()];
    const state = checks.reduce<Health['state']>((worst, c) => (RANK[c.state] > RANK[worst] ? c.state : worst), 'ok');
    return { state, checks };
  }
}
