import path from 'node:path';
import type { backupProcedures } from '../../api/procedures/backups.js';
import type { BackupService } from '../../services/backup/backup-service.js';
import type { EngineService } from '../../services/engine/engine-service.js';
import type { AuditLog } from '../../services/audit/audit-log.js';
import { describeOrigin } from '../dispatch.js';
import type { HandlersFor } from './handler-types.js';
import { mayNameAnyPath } from './model-handlers.js';

type BackupProcedure = keyof typeof backupProcedures;

/**
 * Backup targets are chosen by an admin. From the CLI or the desktop window any local path
 * (the user at the machine owns it); from a browser the path is still accepted for admins,
 * because a headless workstation has no other way to choose one, but checked harder
 * (absolute, existing, writable, outside the data folder: see checkTargetFolder).
 */
export function backupHandlers(backups: BackupService, engine: EngineService, audit: AuditLog): HandlersFor<BackupProcedure> {
  return {
    'backup.targetAdd': ({ name, folder }, ctx) => backups.addTarget(name, mayNameAnyPath(ctx) ? path.resolve(folder) : folder, ctx.user.name, !mayNameAnyPath(ctx)),
    'backup.targetList': () => backups.targets(),
    'backup.targetRemove': ({ name }) => backups.removeTarget(name),
    'backup.run': ({ target }, _ctx, job) => backups.run(target, 'manual', job),
    'backup.list': ({ target }) => backups.list(target),
    'backup.show': ({ id }) => backups.show(id),
    'backup.verify': ({ id, subset }, _ctx, job) => backups.verify(id, subset ?? 100, job),
    'backup.drill': ({ id }, _ctx, job) => backups.drill(id, job),
    'backup.restore': async ({ id, line, staff, dryRun }, ctx, job) => {
      const scope = line ? { kind: 'line' as const, line } : staff ? { kind: 'staff' as const, code: staff } : { kind: 'whole' as const };
      const result = await backups.restore(id, scope, dryRun ?? false, job);
      if (!result.dryRun) {
        // The engine drops sessions of versions the restore replaced or removed.
        for (const line of result.affectedLines) await engine.lineChanged(line);
        audit.record({
          actor: ctx.user.name, role: ctx.user.role, action: 'backup.restored', target: `id=${id} ${result.scope}`, success: true, origin: describeOrigin(ctx),
          detail: `${result.changes.length} change(s); pre-restore snapshot ${result.snapshotBackupId}`,
        });
      }
      return result;
    },
    'backup.prune': ({ target }) => backups.prune(target),
    'backup.delete': ({ id }) => backups.delete(id),
    'backup.scheduleGet': () => backups.schedule(),
    'backup.schedule': ({ every, cron, tz }) =>
      every === undefined && cron === undefined && tz === undefined
        ? backups.schedule()
        : backups.setSchedule({ everyHours: every ? Number(every.slice(0, -1)) : undefined, cron, timezone: tz }),
    'backup.repair': (_input, _ctx, job) => backups.repair(job),
  };
}
