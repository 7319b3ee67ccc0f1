import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../api/index.js';
import type { JobControl } from '../../core/jobs.js';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index.js';
import { StoreWorker } from '../model-store/store-worker-client.js';
import { runCopies } from './parallel-copies.js';
import { readManifest, type BackupManifest } from './backup-manifest.js';
import { backupOf, type BackupDeps } from './backup-deps.js';
import { readRegistry } from './run-backup.js';
import type { TargetLayout } from './target-layout.js';

export interface CheckProblem {
  path: string;
  state: 'corrupt' | 'missing' | 'mismatch' | 'damaged';
  detail: string;
}

export interface CheckReport {
  backupId: string;
  kind: 'verify' | 'drill';
  ok: boolean;
  subsetPercent: number;
  checkedFiles: number;
  checkedBytes: number;
  problems: CheckProblem[];
  durationMs: number;
}

function manifestOrProblem(layout: TargetLayout, id: string): BackupManifest | CheckProblem {
  try {
    return readManifest(layout, id);
  } catch (error) {
    return { path: 'manifest.json', state: 'damaged', detail: (error as Error).message };
  }
}

/** Picks the files a verify re-reads: the registry and settings always, a random share of the model files. */
export function pickSubset<T extends { path: string }>(files: readonly T[], percent: number, random: () => number = Math.random): T[] {
  if (percent >= 100) return [...files];
  const own = files.filter((f) => !f.path.startsWith('blobs/'));
  const blobs = files.filter((f) => f.path.startsWith('blobs/'));
  const count = Math.min(blobs.length, Math.ceil((blobs.length * percent) / 100));
  const shuffled = [...blobs];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return [...own, ...shuffled.slice(0, count)];
}

function record(deps: BackupDeps, report: CheckReport): CheckReport {
  deps.repo.addCheck({
    backupId: report.backupId,
    kind: report.kind,
    at: deps.now().toISOString(),
    ok: report.ok,
    subsetPercent: report.subsetPercent,
    checkedFiles: report.checkedFiles,
    checkedBytes: report.checkedBytes,
    problems: report.problems.map((p) => `${p.state} ${p.path}: ${p.detail}`),
  });
  return report;
}

/** Re-reads and re-hashes the files of a backup in its target (all, or a random share of the model files). */
export async function verifyBackup(deps: BackupDeps, id: string, subsetPercent: number, job: JobControl): Promise<CheckReport> {
  const { layout } = backupOf(deps, id);
  const started = deps.now().getTime();
  const manifest = manifestOrProblem(layout, id);
  const base = { backupId: id, kind: 'verify' as const, subsetPercent };
  if (!('format' in manifest)) {
    return record(deps, { ...base, ok: false, checkedFiles: 0, checkedBytes: 0, problems: [manifest], durationMs: deps.now().getTime() - started });
  }
  const files = pickSubset(manifest.files, subsetPercent);
  const total = files.reduce((n, f) => n + f.size, 0);
  const problems: CheckProblem[] = [];
  const worker = new StoreWorker(job.signal);
  let done = 0;
  try {
    for (const file of files) {
      job.throwIfCancelled();
      job.progress({ phase: `verifying ${file.path}`, done, total, unit: 'bytes' });
      const onDisk = layout.entryPath(id, file.path);
      if (!fs.existsSync(onDisk)) problems.push({ path: file.path, state: 'missing', detail: 'not in the target' });
      else {
        const { sha256 } = await worker.hash(onDisk, (bytes) => job.progress({ done: done + bytes, total }));
        if (sha256 !== file.sha256) problems.push({ path: file.path, state: 'corrupt', detail: `hashes to ${sha256.slice(0, 12)}, expected ${file.sha256.slice(0, 12)}` });
      }
      done += file.size;
    }
  } finally {
    worker.close();
  }
  return record(deps, { ...base, ok: problems.length === 0, checkedFiles: files.length, checkedBytes: done, problems, durationMs: deps.now().getTime() - started });
}

/**
 * The restore drill: restores the backup into a scratch folder exactly as a restore would copy
 * it (every file hashed while copied), opens the restored database, checks its integrity and
 * that every line, version and file of the manifest is in it and every file it names was
 * restored intact; reports, and deletes the scratch copy. Proof that a restore works, not only
 * that files exist.
 */
export async function drillBackup(deps: BackupDeps, id: string, job: JobControl, scratchRoot = path.join(deps.dataDir, 'backup-scratch')): Promise<CheckReport> {
  const { layout } = backupOf(deps, id);
  const started = deps.now().getTime();
  const base = { backupId: id, kind: 'drill' as const, subsetPercent: 100 };
  const manifest = manifestOrProblem(layout, id);
  if (!('format' in manifest)) {
    return record(deps, { ...base, ok: false, checkedFiles: 0, checkedBytes: 0, problems: [manifest], durationMs: deps.now().getTime() - started });
  }
  const scratch = path.join(scratchRoot, `drill-${id}-${process.pid}`);
  const total = manifest.files.reduce((n, f) => n + f.size, 0);
  const problems: CheckProblem[] = [];
  let done = 0;
  try {
    fs.mkdirSync(scratch, { recursive: true, mode: 0o700 });
    const space = deps.diskSpace?.(scratch) ?? fs.statfsSync(scratch);
    const free = 'freeBytes' in space ? space.freeBytes : space.bavail * space.bsize;
    if (free < total) throw new AppError('DISK_FULL', `the drill needs ${total} bytes of scratch space in ${scratchRoot}; ${free} are free`);
    const present = manifest.files.filter((file) => {
      if (fs.existsSync(layout.entryPath(id, file.path))) return true;
      problems.push({ path: file.path, state: 'missing', detail: 'not in the target' });
      return false;
    });
    job.progress({ phase: `restoring ${present.length} files into the scratch folder`, done, total, unit: 'bytes' });
    await runCopies(
      present,
      job,
      async (worker, file, index, onBytes) => {
        const into = path.join(scratch, file.path === 'registry.db' ? 'voiceops.db' : `${index}.restored`);
        const { sha256 } = await worker.copyVerified(layout.entryPath(id, file.path), into, { durable: false, onProgress: onBytes });
        if (sha256 !== file.sha256) problems.push({ path: file.path, state: 'corrupt', detail: `restored copy hashes to ${sha256.slice(0, 12)}` });
        if (file.path.startsWith('blobs/')) fs.rmSync(into, { force: true }); // checked; no need to keep the scratch filling up
      },
      (bytes) => job.progress({ done: bytes, total }),
    );
    done = manifest.files.reduce((n, f) => n + f.size, 0);
    job.progress({ phase: 'opening the restored database', done, total });
    problems.push(...checkRestoredDatabase(path.join(scratch, 'voiceops.db'), manifest));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return record(deps, { ...base, ok: problems.length === 0, checkedFiles: manifest.files.length, checkedBytes: done, problems, durationMs: deps.now().getTime() - started });
}

/** Opens a restored registry and compares it with the manifest, entry by entry. */
function checkRestoredDatabase(dbFile: string, manifest: BackupManifest): CheckProblem[] {
  if (!fs.existsSync(dbFile)) return [{ path: 'registry.db', state: 'missing', detail: 'the database could not be restored' }];
  const problems: CheckProblem[] = [];
  try {
    const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push({ path: 'registry.db', state: 'damaged', detail: `integrity check: ${String(integrity)}` });
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > LATEST_SCHEMA_VERSION) problems.push({ path: 'registry.db', state: 'damaged', detail: `schema version ${version} is newer than this app` });
    } finally {
      db.close();
    }
    const restored = readRegistry(dbFile);
    const key = (line: string, version: string, file: string, sha: string) => `${line}\u0000${version}\u0000${file}\u0000${sha}`;
    const inDb = new Set(restored.lines.flatMap((l) => l.versions.flatMap((v) => v.files.map((f) => key(l.line, v.version, f.path, f.sha256)))));
    const inManifest = new Set(manifest.lines.flatMap((l) => l.versions.flatMap((v) => v.files.map((f) => key(l.line, v.version, f.path, f.sha256)))));
    const blobs = new Set(manifest.files.map((f) => f.sha256));
    for (const entry of inManifest) {
      const [line, version, file, sha] = entry.split('\u0000') as [string, string, string, string];
      if (!inDb.has(entry)) problems.push({ path: `${line}@${version}/${file}`, state: 'mismatch', detail: 'in the manifest but not in the restored database' });
      if (!blobs.has(sha)) problems.push({ path: `${line}@${version}/${file}`, state: 'missing', detail: 'its model file is not listed among the backup files' });
    }
    for (const entry of inDb) {
      if (!inManifest.has(entry)) {
        const [line, version, file] = entry.split('\u0000') as [string, string, string];
        problems.push({ path: `${line}@${version}/${file}`, state: 'mismatch', detail: 'in the restored database but not in the manifest' });
      }
    }
  } catch (error) {
    problems.push({ path: 'registry.db', state: 'damaged', detail: `cannot open the restored database: ${(error as Error).message}` });
  }
  return problems;
}
