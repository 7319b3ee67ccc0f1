import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../api/index.js';
import type { JobControl } from '../../core/jobs.js';
import type { BackupKind, BackupRow } from '../../db/repositories/backup-repository.js';
import { syncDirectory } from '../model-store/store-layout.js';
import { StoreWorker } from '../model-store/store-worker-client.js';
import { runCopies } from './parallel-copies.js';
import { MANIFEST_FORMAT, backupRowOf, blobEntry, type BackupManifest } from './backup-manifest.js';
import { targetOf, type BackupDeps } from './backup-deps.js';
import { assertTargetRoom, fsyncFile, lockTarget, newBackupId, writeFileAtomic, type TargetLayout } from './target-layout.js';

/** The registry as the backup copy holds it: read from the copy, so manifest and database agree. */
export function readRegistry(dbFile: string): { lines: BackupManifest['lines']; staff: BackupManifest['staff'] } {
  const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
  try {
    const lines = db.prepare('SELECT line, family, staff_code AS staffCode, pinned_version AS pinnedVersion FROM model_lines ORDER BY line').all() as Array<
      Omit<BackupManifest['lines'][number], 'versions'>
    >;
    const versions = db.prepare('SELECT id, line, version, format FROM model_versions ORDER BY line, id').all() as Array<{ id: number; line: string; version: string; format: string }>;
    const files = db.prepare('SELECT version_id AS versionId, path, sha256, size FROM version_files ORDER BY path').all() as Array<{
      versionId: number;
      path: string;
      sha256: string;
      size: number;
    }>;
    const staff = db.prepare('SELECT code, name FROM staff ORDER BY code').all() as BackupManifest['staff'];
    return {
      staff,
      lines: lines.map((l) => ({
        ...l,
        versions: versions
          .filter((v) => v.line === l.line)
          .map((v) => ({ version: v.version, format: v.format, files: files.filter((f) => f.versionId === v.id).map(({ path: p, sha256, size }) => ({ path: p, sha256, size })) })),
      })),
    };
  } finally {
    db.close();
  }
}

/** Removes what a killed backup left in a target: folders without a manifest, temporary files. Call with the lock held. */
export function sweepTarget(layout: TargetLayout): { removedBackups: number; removedTemporaryFiles: number } {
  const { incomplete } = layout.scanBackups();
  for (const id of incomplete) fs.rmSync(layout.backupDir(id), { recursive: true, force: true });
  let removedTemporaryFiles = 0;
  if (fs.existsSync(layout.tmp)) {
    for (const name of fs.readdirSync(layout.tmp)) {
      fs.rmSync(path.join(layout.tmp, name), { force: true });
      removedTemporaryFiles++;
    }
  }
  return { removedBackups: incomplete.length, removedTemporaryFiles };
}

/** Copies one store blob into the target through the worker (hashed while copied, fsynced), then renames it into place. */
async function copyBlob(worker: StoreWorker, deps: BackupDeps, layout: TargetLayout, tmpName: string, digest: string, onBytes: (n: number) => void): Promise<void> {
  const source = deps.store.layout.blobPath(digest);
  if (!fs.existsSync(source)) {
    throw new AppError('INTEGRITY_FAILED', `model file ${digest.slice(0, 12)} is missing from the store; run "voiceops models verify" (and repair from a backup)`);
  }
  const tmp = path.join(layout.tmp, tmpName);
  const { sha256 } = await worker.copyVerified(source, tmp, { durable: true, onProgress: onBytes });
  if (sha256 !== digest) {
    fs.rmSync(tmp, { force: true });
    throw new AppError('INTEGRITY_FAILED', `model file ${digest.slice(0, 12)} in the store is corrupt (it hashes to ${sha256.slice(0, 12)}); run "voiceops models verify"`);
  }
  const target = layout.blobPath(digest);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(tmp, target);
  fs.chmodSync(target, 0o444);
  syncDirectory(path.dirname(target));
}

/**
 * One backup into one target. Order matters for crash safety: the registry copy (SQLite's
 * online backup API: a consistent snapshot while the app keeps writing, never a file copy of
 * a live WAL database), the settings, every model blob the copy references that the target
 * lacks, and last the manifest, atomically. Only then is the backup listed (a row here).
 * Whatever dies before the manifest leaves a folder without one, which the next run removes;
 * blobs already copied are complete (renamed after fsync) and are reused, never re-copied.
 */
export async function runBackup(deps: BackupDeps, targetName: string, kind: BackupKind, job: JobControl): Promise<BackupRow> {
  const { layout } = targetOf(deps, targetName);
  const started = deps.now();
  const unlock = lockTarget(layout, targetName);
  const id = newBackupId(started);
  const dir = layout.backupDir(id);
  const worker = new StoreWorker(job.signal);
  try {
    sweepTarget(layout);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    job.progress({ phase: 'copying the registry', done: 0, total: null, unit: 'bytes' });
    const dbCopy = path.join(dir, 'registry.db');
    await deps.db.backup(dbCopy);
    fsyncFile(dbCopy);
    await deps.fault?.('backup:after-registry');
    writeFileAtomic(path.join(dir, 'settings.json'), JSON.stringify(deps.settings.getAll(), null, 2));
    const { lines, staff } = readRegistry(dbCopy);

    const sizes = new Map<string, number>();
    for (const l of lines) for (const v of l.versions) for (const f of v.files) sizes.set(f.sha256, f.size);
    const missing = [...sizes].filter(([digest]) => !fs.existsSync(layout.blobPath(digest)));
    const newBlobBytes = missing.reduce((n, [, size]) => n + size, 0);
    const space = deps.diskSpace?.(layout.root);
    assertTargetRoom(targetName, layout.folder, newBlobBytes, space);

    job.progress({ phase: `copying ${missing.length} model files`, done: 0, total: newBlobBytes, unit: 'bytes' });
    await runCopies(
      missing.map(([digest, size]) => ({ digest, size })),
      job,
      async (worker, { digest }, index, onBytes) => {
        await copyBlob(worker, deps, layout, `${id}.${index}.part`, digest, onBytes);
        await deps.fault?.('backup:blob');
      },
      (done) => job.progress({ done, total: newBlobBytes }),
      { callerWorker: worker },
    );
    const done = newBlobBytes;

    job.progress({ phase: 'writing the manifest', done, total: newBlobBytes });
    const own = [];
    for (const name of ['registry.db', 'settings.json']) own.push({ path: name, ...(await worker.hash(path.join(dir, name))) });
    const files = [...own, ...[...sizes].map(([sha256, size]) => ({ path: blobEntry(sha256), sha256, size }))];
    const totalBytes = files.reduce((n, f) => n + f.size, 0);
    const newBytes = newBlobBytes + own.reduce((n, f) => n + f.size, 0);
    const durationMs = deps.now().getTime() - started.getTime();
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      id,
      kind,
      createdAt: started.toISOString(),
      appVersion: deps.appVersion,
      durationMs,
      totalBytes,
      newBytes,
      lines,
      staff,
      files,
    };
    await deps.fault?.('backup:before-manifest');
    writeFileAtomic(layout.manifestPath(id), JSON.stringify(manifest, null, 2));
    const row = backupRowOf(manifest, targetName);
    deps.repo.insertBackup(row);
    job.progress({ phase: 'done', done: newBlobBytes, total: newBlobBytes });
    return row;
  } catch (error) {
    // Nothing half-written stays: no manifest, no folder, no temporary files of this backup.
    fs.rmSync(dir, { recursive: true, force: true });
    if (fs.existsSync(layout.tmp)) for (const name of fs.readdirSync(layout.tmp)) if (name.startsWith(`${id}.`)) fs.rmSync(path.join(layout.tmp, name), { force: true });
    if (error instanceof AppError && error.code === 'DISK_FULL' && !error.message.includes(targetName)) {
      throw new AppError('DISK_FULL', `backup target "${targetName}" (${layout.folder}) ran out of space: ${error.message}`);
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new AppError('DISK_FULL', `backup target "${targetName}" (${layout.folder}) ran out of space while writing the registry copy`);
    }
    throw error;
  } finally {
    worker.close();
    unlock();
  }
}
