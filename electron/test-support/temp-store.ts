import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, databasePath, type Database } from '../db/connection.js';
import { EventBus } from '../core/event-bus.js';
import { JobRegistry, type JobControl } from '../core/jobs.js';
import { ModelStore, type ModelStoreOptions } from '../services/model-store/model-store.js';
import { SettingsService } from '../services/settings/settings-service.js';
import { makeTempDir } from './temp-app.js';

export interface TempStore {
  dir: string;
  db: Database;
  store: ModelStore;
  settings: SettingsService;
  jobs: JobRegistry;
  /** A folder outside the data folder to write import sources into. */
  sources: string;
  run<T>(work: (job: JobControl) => Promise<T>): Promise<T>;
  /** Every blob file on disk, as digests. */
  blobsOnDisk(): string[];
  tmpFiles(): string[];
  reopen(): TempStore;
  cleanup(): void;
}

/** A model store over a real SQLite file in a real temporary folder. */
export function openTempStore(options: Partial<Pick<ModelStoreOptions, 'diskSpace'>> = {}, existing?: { dir: string; sources: string; cleanup: () => void }): TempStore {
  const temp = existing ?? (() => {
    const t = makeTempDir();
    const sources = path.join(t.dir, 'sources');
    fs.mkdirSync(sources);
    return { dir: path.join(t.dir, 'data'), sources, cleanup: t.cleanup };
  })();
  fs.mkdirSync(temp.dir, { recursive: true });
  const db = openDatabase(databasePath(temp.dir));
  const settings = new SettingsService(db);
  const store = new ModelStore({ db, dataDir: temp.dir, settings, ...options });
  const jobs = new JobRegistry(new EventBus());
  const self: TempStore = {
    dir: temp.dir,
    db,
    store,
    settings,
    jobs,
    sources: temp.sources,
    run: (work) => jobs.run('test', 'tester', undefined, work),
    blobsOnDisk: () => {
      const root = store.layout.blobs;
      if (!fs.existsSync(root)) return [];
      return fs.readdirSync(root).flatMap((fan) => fs.readdirSync(path.join(root, fan))).sort();
    },
    tmpFiles: () => (fs.existsSync(store.layout.tmp) ? fs.readdirSync(store.layout.tmp) : []),
    reopen: () => {
      if (db.open) db.close();
      return openTempStore(options, temp);
    },
    cleanup: () => {
      if (db.open) db.close();
      temp.cleanup();
    },
  };
  return self;
}
