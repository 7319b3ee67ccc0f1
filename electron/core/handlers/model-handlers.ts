import path from 'node:path';
import { AppError } from '../../api/index.js';
import type { AuditLog } from '../../services/audit/audit-log.js';
import { resolveClientPath } from '../../services/model-store/import-source.js';
import type { ModelStore } from '../../services/model-store/model-store.js';
import { deleteIncoming, listIncoming, storageReport } from '../../services/model-store/storage-report.js';
import { verifyStore } from '../../services/model-store/verify-store.js';
import { BUNDLE_EXTENSION } from '../../services/model-store/bundle-format.js';
import { exportBundle } from '../../services/model-store/bundle-export.js';
import { importBundle } from '../../services/model-store/bundle-import.js';
import type { CallContext } from '../dispatch.js';
import type { JobControl } from '../jobs.js';
import type { HandlersFor } from './handler-types.js';
import type { EngineService } from '../../services/engine/engine-service.js';

type ModelProcedure =
  | 'staff.list' | 'staff.add' | 'staff.rename' | 'staff.retire' | 'staff.purge'
  | 'models.list' | 'models.show' | 'models.import' | 'models.promote' | 'models.rollback' | 'models.unpin'
  | 'models.delete' | 'models.verify' | 'models.audit' | 'storage.report' | 'incoming.list' | 'incoming.delete';

/**
 * The CLI and the desktop window run as the local user at the workstation (the path comes from
 * their shell or the OS file picker); a browser may only name things in <data>/incoming.
 */
export function mayNameAnyPath(ctx: CallContext): boolean {
  return ctx.frontDoor === 'cli' || ctx.frontDoor === 'desktop';
}

import { describeOrigin } from '../dispatch.js';

/** Fetches corrupt or missing store files back from backups (the backup service's repair). */
export type RepairFromBackups = (job: JobControl) => Promise<{ repaired: Array<{ sha256: string; fromBackup: string }>; unrepaired: string[] }>;

export function modelHandlers(store: ModelStore, audit: AuditLog, engine: EngineService, repairFromBackups: RepairFromBackups): HandlersFor<ModelProcedure> {
  /** Runs a registry change, then lets the engine drop sessions of versions no longer active. */
  const thenUnload = async <T>(line: string, change: () => T): Promise<T> => {
    const result = change();
    await engine.lineChanged(line);
    return result;
  };
  return {
    'staff.list': ({ includeRetired }) => store.staff.list(includeRetired ?? false),
    'staff.add': ({ code, name }) => store.staff.add(code, name),
    'staff.rename': ({ code, name }) => store.staff.rename(code, name),
    'staff.retire': ({ code }) => store.staff.retire(code),
    'staff.purge': ({ code, confirm }) => store.staff.purge(code, confirm),
    'models.list': ({ line }) => store.versions.list(line),
    'models.show': ({ line, version }) => store.versions.show(line, version),
    'models.import': async ({ path: requested, line, version, format }, ctx, job) => {
      const source = resolveClientPath(requested, store.layout.incoming, mayNameAnyPath(ctx));
      const { manifest, removedByRetention } = await store.importVersion(
        { source, line, version, format, actor: ctx.user.name, origin: describeOrigin(ctx) },
        job,
      );
      for (const old of removedByRetention) {
        audit.record({ actor: 'system', role: null, action: 'models.retention', target: `line=${line} version=${old}`, success: true, origin: 'retention' });
      }
      return store.versions.list(manifest.line)[0]!.versions.find((v) => v.version === manifest.version)!;
    },
    'models.promote': ({ line, version }) => thenUnload(line, () => store.versions.promote(line, version)),
    'models.rollback': ({ line }) => thenUnload(line, () => store.versions.rollback(line)),
    'models.unpin': ({ line }) => thenUnload(line, () => store.versions.unpin(line)),
    'models.delete': ({ line, version }) => thenUnload(line, () => store.versions.delete(line, version)),
    'models.verify': async ({ line, repair }, _ctx, job) => {
      if (line) store.versions.summary(line); // NOT_FOUND for an unknown line, before any work
      const report = await verifyStore(store.repo, store.layout, job, line);
      if (!repair || report.problems.length === 0) return report;
      const { repaired, unrepaired } = await repairFromBackups(job);
      // The report the caller sees is the state after the repair; what was fetched is listed with it.
      return { ...(await verifyStore(store.repo, store.layout, job, line)), repaired, unrepaired };
    },
    'models.audit': ({ line, limit }) => {
      const needle = `line=${line}`;
      return audit
        .recent(5000)
        .filter((entry) => entry.target !== null && (entry.target === needle || entry.target.startsWith(`${needle} `)))
        .slice(0, limit ?? 100)
        .map(({ at, actor, action, target, success, origin }) => ({ at, actor, action, target, success, origin }));
    },
    'storage.report': () => storageReport(store.repo, store.layout),
    'incoming.list': () => listIncoming(store.layout),
    'incoming.delete': ({ name }) => deleteIncoming(store.layout, name),
  };
}

/** Where a bundle may be written: anywhere for the CLI, only <data>/exports for the other doors. */
export function exportTarget(store: ModelStore, ctx: CallContext, out: string | undefined, suggestedName: string): string {
  if (out === undefined) return path.join(store.layout.exports, suggestedName);
  if (!mayNameAnyPath(ctx)) throw new AppError('VALIDATION_FAILED', 'only the command line or the desktop app may choose where a bundle is written', 'out');
  return path.resolve(out);
}

export function bundleHandlers(store: ModelStore): HandlersFor<'models.export' | 'models.importBundle'> {
  return {
    'models.export': async ({ line, version, out }, ctx, job) => {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${line.replace('/', '_')}${version ? `_${version}` : ''}_${stamp}${BUNDLE_EXTENSION}`;
      const target = exportTarget(store, ctx, out, name);
      const written = await exportBundle(store, line, version, target, job);
      const inExports = path.dirname(target) === store.layout.exports;
      return { ...written, downloadPath: inExports ? `/api/exports/${encodeURIComponent(path.basename(target))}` : null };
    },
    'models.importBundle': ({ path: requested }, ctx, job) =>
      importBundle(store, resolveClientPath(requested, store.layout.incoming, mayNameAnyPath(ctx)), ctx.user.name, describeOrigin(ctx), job),
  };
}
