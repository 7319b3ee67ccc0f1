import fs from 'node:fs';
import path from 'node:path';
import type { DiskSpace } from '../services/model-store/disk-space.js';
import { BackupService } from '../services/backup/backup-service.js';
import { AuditLog } from '../services/audit/audit-log.js';
import { writePiperVoice } from './model-fixtures.js';
import { makeTempDir } from './temp-app.js';
import { openTempStore, type TempStore } from './temp-store.js';

export interface TempBackups {
  t: TempStore;
  backups: BackupService;
  /** A target folder outside the data folder, already added as "disk2". */
  targetDir: string;
  root: string;
  /** Imports a Piper voice for a staff member (added when new); a different gain gives different bytes. */
  importVoice(code: string, version: string, gain?: number): Promise<void>;
  reopen(options?: Partial<TempBackupOptions>): TempBackups;
  cleanup(): void;
}

export interface TempBackupOptions {
  now: () => Date;
  diskSpace: (dir: string) => DiskSpace;
  fault: (point: string) => Promise<void> | void;
}

/** A model store and its backup service over real temporary folders and a real SQLite file. */
export function openTempBackups(options: Partial<TempBackupOptions> = {}, existing?: { root: string; cleanup: () => void }): TempBackups {
  const temp = existing ?? (() => {
    const t = makeTempDir('voiceops-backup-test-');
    return { root: t.dir, cleanup: t.cleanup };
  })();
  const dataDir = path.join(temp.root, 'data');
  const sources = path.join(temp.root, 'sources');
  const targetDir = path.join(temp.root, 'target');
  fs.mkdirSync(sources, { recursive: true });
  fs.mkdirSync(targetDir, { recursive: true });
  const t = openTempStore({}, { dir: dataDir, sources, cleanup: () => undefined });
  const backups = new BackupService({
    db: t.db,
    dataDir,
    store: t.store,
    settings: t.settings,
    audit: new AuditLog(t.db),
    appVersion: '0.0.0-test',
    ...options,
  });
  if (!backups.repo.findTarget('disk2')) backups.addTarget('disk2', targetDir, 'tester', false);
  const self: TempBackups = {
    t,
    backups,
    targetDir,
    root: temp.root,
    async importVoice(code, version, gain = 1) {
      if (!t.store.staffRepo.find(code)) t.store.staff.add(code, code.toUpperCase());
      const source = writePiperVoice(path.join(sources, `${code}-${version}-${gain}`), code, { gain });
      await t.run((job) => t.store.importVersion({ source, line: `voice/${code}`, version, format: undefined, actor: 'tester', origin: 'cli' }, job));
    },
    reopen(more = {}) {
      if (t.db.open) t.db.close();
      return openTempBackups({ ...options, ...more }, temp);
    },
    cleanup() {
      if (t.db.open) t.db.close();
      temp.cleanup();
    },
  };
  return self;
}
