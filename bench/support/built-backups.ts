/**
 * The backup service as it ships: the modules built by `npm run build:node` (out/electron),
 * loaded at run time, typed from the sources. A benchmark run from sources would time the
 * test runner's TypeScript loader too: tsx registers itself in every worker thread, about
 * 150 ms per start, and a restore starts several.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JobControl } from '../../electron/core/jobs.js';

const OUT = path.resolve(import.meta.dirname, '../../out/electron');

async function built<T>(modulePath: string): Promise<T> {
  const file = path.join(OUT, modulePath);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run build:node" first`);
  return (await import(pathToFileURL(file).href)) as T;
}

export interface BuiltBackups {
  root: string;
  targetDir: string;
  backups: import('../../electron/services/backup/backup-service.js').BackupService;
  store: import('../../electron/services/model-store/model-store.js').ModelStore;
  run<T>(work: (job: JobControl) => Promise<T>): Promise<T>;
  /** Digests of every model file in the store. */
  blobsOnDisk(): string[];
  cleanup(): void;
}

/** A data folder in a new temporary folder, with a target folder beside it added as "disk2". */
export async function openBuiltBackups(): Promise<BuiltBackups> {
  const { openDatabase, databasePath } = await built<typeof import('../../electron/db/connection.js')>('db/connection.js');
  const { SettingsService } = await built<typeof import('../../electron/services/settings/settings-service.js')>('services/settings/settings-service.js');
  const { ModelStore } = await built<typeof import('../../electron/services/model-store/model-store.js')>('services/model-store/model-store.js');
  const { BackupService } = await built<typeof import('../../electron/services/backup/backup-service.js')>('services/backup/backup-service.js');
  const { AuditLog } = await built<typeof import('../../electron/services/audit/audit-log.js')>('services/audit/audit-log.js');
  const { JobRegistry } = await built<typeof import('../../electron/core/jobs.js')>('core/jobs.js');
  const { EventBus } = await built<typeof import('../../electron/core/event-bus.js')>('core/event-bus.js');

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'voiceops-bench-'));
  const dataDir = path.join(root, 'data');
  const targetDir = path.join(root, 'target');
  fs.mkdirSync(dataDir);
  fs.mkdirSync(targetDir);
  const db = openDatabase(databasePath(dataDir));
  const settings = new SettingsService(db);
  const store = new ModelStore({ db, dataDir, settings });
  const backups = new BackupService({ db, dataDir, store, settings, audit: new AuditLog(db), appVersion: 'bench' });
  backups.addTarget('disk2', targetDir, 'bench', false);
  const jobs = new JobRegistry(new EventBus());
  return {
    root,
    targetDir,
    backups,
    store,
    run: (work) => jobs.run('bench', 'bench', undefined, work),
    blobsOnDisk: () =>
      fs.existsSync(store.layout.blobs) ? fs.readdirSync(store.layout.blobs).flatMap((fan) => fs.readdirSync(path.join(store.layout.blobs, fan))) : [],
    cleanup: () => {
      db.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
