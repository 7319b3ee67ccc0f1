import { procedureKindOf, type Result } from '../api/index.js';
import { databasePath, openDatabase, type Database } from '../db/connection.js';
import { AuditLog } from '../services/audit/audit-log.js';
import { AuthService } from '../services/auth/auth-service.js';
import { StatusService } from '../services/status/status-service.js';
import { ModelStore } from '../services/model-store/model-store.js';
import { SettingsService } from '../services/settings/settings-service.js';
import { EngineService } from '../services/engine/engine-service.js';
import { PreviewService } from '../services/preview/preview-service.js';
import { BackupService } from '../services/backup/backup-service.js';
import { SetupService } from '../services/setup/setup-service.js';
import { PIPELINES } from '../../native-engine/pipelines/index.js';
import { AlertService } from '../services/alerts/alert-service.js';
import { backupState, storeState } from '../services/metrics/app-state.js';
import { backupHealth } from '../services/backup/backup-health.js';
import { MetricsHistory } from '../services/metrics/metrics-history.js';
import { MetricsSampler } from '../services/metrics/metrics-sampler.js';
import { HealthService } from '../services/status/health-service.js';
import { appVersion } from './app-version.js';
import { ensureDataDir } from './data-dir.js';
import { describeOrigin, dispatch, type CallContext, type DispatchHooks, type FrontDoor, type HandlerTable } from './dispatch.js';
import { EventBus } from './event-bus.js';
import { JobRegistry } from './jobs.js';
import { createHandlerTable } from './handlers/index.js';
import { createFileLogger, createSilentLogger, type Logger } from './logger.js';

export interface AppContext {
  dataDir: string;
  db: Database;
  logger: Logger;
  auth: AuthService;
  audit: AuditLog;
  bus: EventBus;
  jobs: JobRegistry;
  settings: SettingsService;
  store: ModelStore;
  engine: EngineService;
  previews: PreviewService;
  backups: BackupService;
  /** The 1 Hz sampler (started by the owner only), its history, the alert rules, the health check. */
  metrics: MetricsSampler;
  metricsHistory: MetricsHistory;
  alerts: AlertService;
  health: HealthService;
  handlers: HandlerTable;
  /** Dispatch with role check, validation, logging and auditing of mutations. */
  call(name: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
  close(): void;
}

export interface OpenAppOptions {
  dataDir: string;
  frontDoor: FrontDoor;
  /** 'file' writes JSON lines to <data>/logs; 'silent' is for one-shot CLI commands and tests. */
  log: 'file' | 'silent';
}

/** Fields of an input that identify what was acted on, for the audit log (never secrets). */
function auditTarget(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const record = input as Record<string, unknown>;
  const parts = ['name', 'code', 'staff', 'line', 'version', 'path']
    .filter((key) => typeof record[key] === 'string')
    .map((key) => `${key}=${String(record[key]).slice(0, 80)}`);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Opens the data folder, database, logger and services: what every front door starts with. */
export async function openAppContext({ dataDir, frontDoor, log }: OpenAppOptions): Promise<AppContext> {
  ensureDataDir(dataDir);
  const fileLogger = log === 'file' ? await createFileLogger({ dataDir }) : undefined;
  const logger = fileLogger?.logger ?? createSilentLogger();
  const dbFile = databasePath(dataDir);
  let db: Database;
  try {
    db = openDatabase(dbFile);
  } catch (error) {
    logger.error({ err: error, dbFile }, 'database could not be opened');
    fileLogger?.close();
    throw error;
  }
  const bus = new EventBus();
  const jobs = new JobRegistry(bus);
  const auth = new AuthService(db);
  const audit = new AuditLog(db);
  const settings = new SettingsService(db);
  const store = new ModelStore({ db, dataDir, settings });
  const engine = new EngineService(store, settings, logger, audit);
  // The import hook: a version whose format has a pipeline has its graphs opened and their
  // signature checked before it is registered, so a wrong export is refused at import.
  store.setGraphCheck(async (files) => {
    if (PIPELINES[files.format]) await engine.get().check(files);
  });
  const previews = new PreviewService({ db, dataDir, store, engine, audit, logger });
  const backups = new BackupService({ db, dataDir, store, settings, audit, appVersion: appVersion() });
  const setup = new SetupService({ db, dataDir, databaseFile: dbFile, settings, auth, backups, store });
  const health = new HealthService({ db, dataDir, store, engineStatus: () => engine.status(), backups: () => backupHealth(backups, backups.deps.now()) });
  const status = new StatusService({ db, dataDir, databaseFile: dbFile, appVersion: appVersion(), frontDoor, health });
  const metricsHistory = new MetricsHistory(db);
  const alerts = new AlertService({ db, bus });
  const metrics = new MetricsSampler({
    dataDir,
    logger,
    engineStatus: () => engine.status(),
    appState: () => ({ backup: backupState(backups), store: storeState(store) }),
  });
  const handlers = createHandlerTable({ auth, status, bus, jobs, store, audit, settings, engine, previews, backups, setup, metrics: { sampler: metrics, history: metricsHistory, alerts, health } });
  const hooks: DispatchHooks = {
    onUnexpectedError: (name, error) => logger.error({ err: error, procedure: name }, 'procedure failed'),
    runJob: (name, ctx, work) => jobs.run(name, ctx.user.name, ctx.jobId, work),
  };

  return {
    dataDir,
    db,
    logger,
    auth,
    audit,
    bus,
    jobs,
    settings,
    store,
    engine,
    previews,
    backups,
    metrics,
    metricsHistory,
    alerts,
    health,
    handlers,
    async call(name, input, ctx) {
      const result = await dispatch(handlers, name, input, ctx, hooks);
      const kind = procedureKindOf(name);
      const isMutation = kind !== undefined && kind !== 'query';
      if (isMutation || (!result.ok && result.error.code === 'FORBIDDEN')) {
        audit.record({
          actor: ctx.user.name,
          role: ctx.user.role,
          action: String(name),
          target: auditTarget(input),
          success: result.ok,
          origin: describeOrigin(ctx),
          detail: result.ok ? null : result.error.code,
        });
      }
      if (!result.ok && result.error.code !== 'INTERNAL') {
        logger.info({ procedure: name, code: result.error.code, user: ctx.user.name }, 'procedure refused');
      }
      return result;
    },
    close() {
      if (!db.open) return;
      void engine.close();
      db.close();
      fileLogger?.close();
    },
  };
}
