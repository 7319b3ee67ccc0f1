import type { AuthService } from '../../services/auth/auth-service.js';
import type { StatusService } from '../../services/status/status-service.js';
import type { HandlerTable } from '../dispatch.js';
import type { EventBus } from '../event-bus.js';
import type { JobRegistry } from '../jobs.js';
import { jobHandlers } from './job-handlers.js';
import { bundleHandlers, modelHandlers } from './model-handlers.js';
import { engineHandlers } from './engine-handlers.js';
import { previewHandlers } from './preview-handlers.js';
import type { PreviewService } from '../../services/preview/preview-service.js';
import type { EngineService } from '../../services/engine/engine-service.js';
import type { ModelStore } from '../../services/model-store/model-store.js';
import type { AuditLog } from '../../services/audit/audit-log.js';
import type { SettingsService } from '../../services/settings/settings-service.js';
import { accountHandlers } from './account-handlers.js';
import { systemHandlers } from './system-handlers.js';
import { backupHandlers } from './backup-handlers.js';
import { voiceTextHandlers } from './voice-text-handlers.js';
import type { BackupService } from '../../services/backup/backup-service.js';
import { metricsHandlers, type MetricsHandlerServices } from './metrics-handlers.js';
import { setupHandlers } from './setup-handlers.js';
import type { SetupService } from '../../services/setup/setup-service.js';

export interface HandlerServices {
  auth: AuthService;
  status: StatusService;
  bus: EventBus;
  jobs: JobRegistry;
  store: ModelStore;
  audit: AuditLog;
  settings: SettingsService;
  engine: EngineService;
  previews: PreviewService;
  backups: BackupService;
  metrics: MetricsHandlerServices;
  setup: SetupService;
}

/**
 * The one table every front door dispatches into, assembled from one slice per feature.
 * Handlers only translate between the contract and the services; the logic lives in
 * electron/services. A procedure without a handler is a compile error here.
 */
export function createHandlerTable({ auth, status, bus, jobs, store, audit, settings, engine, previews, backups, setup, metrics }: HandlerServices): HandlerTable {
  return {
    ...systemHandlers(status, settings),
    ...accountHandlers(auth, bus),
    ...jobHandlers(jobs),
    ...modelHandlers(store, audit, engine, (job) => backups.repair(job)),
    ...engineHandlers(engine, store, audit),
    ...bundleHandlers(store),
    ...previewHandlers(previews, store, audit),
    ...backupHandlers(backups, engine, audit),
    ...metricsHandlers(metrics),
    ...setupHandlers(setup),
    ...voiceTextHandlers(),
  };
}
