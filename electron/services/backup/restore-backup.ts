import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/index.js';
import type { JobControl } from '../../core/jobs.js';
import type { RestoreJournalRow } from '../../db/repositories/backup-repository.js';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index.js';
import { commitBlob } from '../model-store/blob-writer.js';
import { runCopies } from './parallel-copies.js';
import { StoreWorker } from '../model-store/store-worker-client.js';
import { readManifest } from './backup-manifest.js';
import { backupOf, type BackupDeps } from './backup-deps.js';
import { loadRegistryFile, planRestore, swapRegistry, describeScope, parseScope, type RestoreChange, type RestoreScope } from './registry-swap.js';
import { runBackup } from './run-backup.js';

export interface RestoreResult {
  backupId: string;
  scope: string;
  dryRun: boolean;
  changes: RestoreChange[];
  blobsToCopy: number;
  bytesToCopy: number;
  snapshotBackupId: string | null;
  affectedLines: string[];
}

/**
 * A registry written by a newer app may hold rows this version would misread: refused before
 * anything happens (no snapshot, no staging). The version is read from the SQLite header
 * (user_version, 4 bytes big-endian at offset 60), which needs no database connection on a
 * possibly read-only share.
 */
function assertRegistryNotNewer(file: string, backupId: string, appVersion: string): void {
  const header = Buffer.alloc(64);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw new AppError('INTEGRITY_FAILED', `the registry copy of backup ${backupId} is missing from its target (${file})`);
  }
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const version = header.readUInt32BE(60);
  if (version > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'DB_NEWER_THAN_APP',
      `backup ${backupId} was made by VoiceOps Admin ${appVersion} (registry schema ${version}); this app understands schema ${LATEST_SCHEMA_VERSION}: ` +
        'install that version or a newer one, then restore',
    );
  }
}

function stagingDir(deps: BackupDeps, restoreId: string): string {
  return path.join(deps.dataDir, 'backup-staging', restoreId);
}

/**
 * Stages a backup's registry and the model files the scope needs, then swaps the registry in
 * one transaction. Used by the restore and by its rollback (with the pre-restore snapshot):
 * the store only ever gains blobs here (registered as pending, so no sweep takes them before
 * the swap commits); blobs the old registry used stay until the next start's sweep, which is
 * what lets a rollback succeed without copying them back.
 */
async function stageAndSwap(deps: BackupDeps, restoreId: string, backupId: string, scope: RestoreScope, job: JobControl, beforeSwap?: () => Promise<void>) {
  const { layout } = backupOf(deps, backupId);
  const manifest = readManifest(layout, backupId);
  const dir = stagingDir(deps, restoreId);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const worker = new StoreWorker(job.signal);
  try {
    const registry = manifest.files.find((f) => f.path === 'registry.db')!;
    const staged = path.join(dir, `${backupId}.db`);
    fs.rmSync(staged, { force: true });
    const { sha256 } = await worker.copyAndHash(layout.entryPath(backupId, 'registry.db'), staged);
    if (sha256 !== registry.sha256) throw new AppError('INTEGRITY_FAILED', `the registry copy in backup ${backupId} is corrupt`);
    const backup = loadRegistryFile(staged);
    const plan = planRestore(deps.db, backup, scope);
    const missing = [...plan.neededBlobs].filter(([digest]) => !fs.existsSync(deps.store.layout.blobPath(digest)));
    const total = missing.reduce((n, [, s]) => n + s, 0);
    job.progress({ phase: `restoring ${missing.length} model files`, done: 0, total, unit: 'bytes' });
    await runCopies(
      missing.map(([digest, size]) => ({ digest, size })),
      job,
      async (copier, { digest }, index, onBytes) => {
        const tmp = deps.store.layout.tmpPath(restoreId, index);
        fs.rmSync(tmp, { force: true });
        const copied = await copier.copyVerified(layout.blobPath(digest), tmp, { durable: true, onProgress: onBytes });
        if (copied.sha256 !== digest) {
          fs.rmSync(tmp, { force: true });
          throw new AppError('INTEGRITY_FAILED', `model file ${digest.slice(0, 12)} in backup ${backupId} is corrupt`);
        }
        commitBlob(deps.store.repo, deps.store.layout, restoreId, tmp, digest);
        await deps.fault?.('restore:blob');
      },
      (done) => job.progress({ done, total }),
      { callerWorker: worker },
    );
    await beforeSwap?.();
    swapRegistry(deps.db, backup, scope);
    return plan;
  } finally {
    worker.close();
  }
}

/**
 * Restores a backup (whole, one model line or one staff member). Before anything changes the
 * current state is backed up to the same target (the pre-restore snapshot); the restore is
 * staged (registry copy and missing model files, every one hashed) and swapped in with one
 * transaction; then every file the restored registry names is checked to be in the store. If
 * any step fails, the snapshot is swapped back in and the error says what failed. The journal
 * row lets the next start roll back a restore that was killed.
 */
export async function restoreBackup(
  deps: BackupDeps,
  backupId: string,
  scope: RestoreScope,
  dryRun: boolean,
  job: JobControl,
): Promise<RestoreResult> {
  const { backup, layout } = backupOf(deps, backupId);
  const manifest = readManifest(layout, backupId);
  assertRegistryNotNewer(layout.entryPath(backupId, 'registry.db'), backupId, manifest.appVersion);
  if (dryRun) {
    const restoreId = `dry-${randomUUID()}`;
    const dir = stagingDir(deps, restoreId);
    const worker = new StoreWorker(job.signal);
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const staged = path.join(dir, 'registry.db');
      const { sha256 } = await worker.copyAndHash(layout.entryPath(backupId, 'registry.db'), staged);
      if (sha256 !== manifest.files.find((f) => f.path === 'registry.db')!.sha256) throw new AppError('INTEGRITY_FAILED', `the registry copy in backup ${backupId} is corrupt`);
      const plan = planRestore(deps.db, loadRegistryFile(staged), scope);
      const missing = [...plan.neededBlobs].filter(([d]) => !fs.existsSync(deps.store.layout.blobPath(d)));
      return {
        backupId, scope: describeScope(scope), dryRun: true, changes: plan.changes, blobsToCopy: missing.length,
        bytesToCopy: missing.reduce((n, [, s]) => n + s, 0), snapshotBackupId: null, affectedLines: plan.lines,
      };
    } finally {
      worker.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  const restoreId = `restore-${randomUUID()}`;
  deps.repo.beginRestore({ id: restoreId, backupId, target: backup.target, scope: describeScope(scope), pid: process.pid, startedAt: deps.now().toISOString() });
  job.progress({ phase: 'backing up the current state (pre-restore snapshot)', done: 0, total: null, unit: 'bytes' });
  let snapshotId: string;
  try {
    snapshotId = (await runBackup(deps, backup.target, 'pre-restore', job)).id;
  } catch (error) {
    deps.repo.updateRestore(restoreId, { state: 'failed', finishedAt: deps.now().toISOString(), error: `pre-restore snapshot: ${(error as Error).message}` });
    throw new AppError(error instanceof AppError ? error.code : 'INTERNAL', `restore not started: the pre-restore snapshot failed: ${(error as Error).message}`);
  }
  deps.repo.updateRestore(restoreId, { state: 'staging', snapshotBackupId: snapshotId });
  deps.store.repo.beginImport(restoreId, process.pid, deps.now().toISOString());
  let step = 'staging';
  try {
    const plan = await stageAndSwap(deps, restoreId, backupId, scope, job, async () => {
      await deps.fault?.('restore:before-swap');
      step = 'swapping';
      deps.repo.updateRestore(restoreId, { state: 'swapping' });
    });
    step = 'checking the restored files';
    await deps.fault?.('restore:after-swap');
    for (const digest of plan.neededBlobs.keys()) {
      if (!fs.existsSync(deps.store.layout.blobPath(digest))) throw new AppError('INTEGRITY_FAILED', `model file ${digest.slice(0, 12)} is missing after the swap`);
    }
    deps.repo.updateRestore(restoreId, { state: 'done', finishedAt: deps.now().toISOString() });
    return {
      backupId, scope: describeScope(scope), dryRun: false, changes: plan.changes, blobsToCopy: 0, bytesToCopy: 0,
      snapshotBackupId: snapshotId, affectedLines: plan.lines,
    };
  } catch (error) {
    const reason = (error as Error).message;
    try {
      await rollBack(deps, restoreId, snapshotId, scope);
    } catch (rollbackError) {
      deps.repo.updateRestore(restoreId, { state: 'failed', finishedAt: deps.now().toISOString(), error: `${reason}; rollback failed: ${(rollbackError as Error).message}` });
      throw new AppError('INTERNAL', `restore failed while ${step} (${reason}) and the rollback to snapshot ${snapshotId} failed too: ${(rollbackError as Error).message}; restore it by hand with: voiceops backup restore ${snapshotId}`);
    }
    deps.repo.updateRestore(restoreId, { state: 'rolled-back', finishedAt: deps.now().toISOString(), error: `${step}: ${reason}` });
    throw new AppError(error instanceof AppError ? error.code : 'INTERNAL', `restore failed while ${step}: ${reason}; rolled back to the pre-restore snapshot ${snapshotId}`);
  } finally {
    deps.store.repo.endImport(restoreId);
    fs.rmSync(stagingDir(deps, restoreId), { recursive: true, force: true });
  }
}

/** Swaps the pre-restore snapshot back in (it runs without the fault hooks: a rollback is not the thing under test). */
async function rollBack(deps: BackupDeps, restoreId: string, snapshotId: string, scope: RestoreScope): Promise<void> {
  const quiet: JobControl = { id: restoreId, signal: new AbortController().signal, progress: () => undefined, throwIfCancelled: () => undefined };
  const noFaults = { ...deps, fault: undefined };
  deps.store.repo.beginImport(`${restoreId}-rb`, process.pid, deps.now().toISOString());
  try {
    await stageAndSwap(noFaults, `${restoreId}-rb`, snapshotId, scope, quiet);
  } finally {
    deps.store.repo.endImport(`${restoreId}-rb`);
    fs.rmSync(stagingDir(deps, `${restoreId}-rb`), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return false; // a restore of this process cannot be running before the process has started one
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * At start, before serving: a restore whose process died (kill -9, power cut) is rolled back
 * to its pre-restore snapshot. Killed before the snapshot was complete, nothing had changed and
 * the row is only closed.
 */
export async function recoverInterruptedRestores(deps: BackupDeps): Promise<RestoreJournalRow[]> {
  const recovered: RestoreJournalRow[] = [];
  for (const row of deps.repo.unfinishedRestores()) {
    if (processAlive(row.pid)) continue;
    if (row.state === 'snapshot' || !row.snapshotBackupId) {
      deps.repo.updateRestore(row.id, { state: 'rolled-back', finishedAt: deps.now().toISOString(), error: 'interrupted before anything changed' });
    } else {
      await rollBack(deps, row.id, row.snapshotBackupId, parseScope(row.scope));
      deps.repo.updateRestore(row.id, { state: 'rolled-back', finishedAt: deps.now().toISOString(), error: `interrupted while ${row.state}; rolled back at start` });
    }
    deps.store.repo.endImport(row.id);
    fs.rmSync(stagingDir(deps, row.id), { recursive: true, force: true });
    recovered.push(deps.repo.journal(row.id)!);
  }
  return recovered;
}
