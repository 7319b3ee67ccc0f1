import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/index.js';
import { BACKUP_ID_PATTERN } from '../../api/procedures/backups.js';
import { diskSpace, type DiskSpace } from '../model-store/disk-space.js';
import { syncDirectory } from '../model-store/store-layout.js';

/**
 * What a backup target folder holds. Blobs are content-addressed exactly as in the store, so a
 * blob already in the target is never copied again (incremental by content), and several
 * backups share one copy. A backup is the folder backups/<id>/ with registry.db,
 * settings.json and manifest.json; without manifest.json it does not exist (it is swept).
 *
 *   <target>/voiceops-backup/blobs/sha256/<ab>/<digest>
 *   <target>/voiceops-backup/backups/<id>/{registry.db, settings.json, manifest.json}
 *   <target>/voiceops-backup/tmp/                  files being copied
 *   <target>/voiceops-backup/lock                  pid of the process writing to this target
 *
 * Everything lives under one sub-folder so a target can be a shared disk root without
 * mixing our files with others.
 */
export class TargetLayout {
  readonly root: string;
  readonly blobs: string;
  readonly backups: string;
  readonly tmp: string;
  readonly lockFile: string;

  constructor(readonly folder: string) {
    this.root = path.join(folder, 'voiceops-backup');
    this.blobs = path.join(this.root, 'blobs', 'sha256');
    this.backups = path.join(this.root, 'backups');
    this.tmp = path.join(this.root, 'tmp');
    this.lockFile = path.join(this.root, 'lock');
  }

  ensure(): void {
    for (const dir of [this.blobs, this.backups, this.tmp]) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  blobPath(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
    return path.join(this.blobs, sha256.slice(0, 2), sha256);
  }

  backupDir(id: string): string {
    if (!BACKUP_ID_PATTERN.test(id)) throw new AppError('VALIDATION_FAILED', `not a backup id: ${id}`);
    return path.join(this.backups, id);
  }

  manifestPath(id: string): string {
    return path.join(this.backupDir(id), 'manifest.json');
  }

  /** The path of a manifest file entry ("registry.db", "blobs/sha256/ab/..") inside this target. */
  entryPath(id: string, entry: string): string {
    if (entry.startsWith('blobs/sha256/')) return this.blobPath(path.basename(entry));
    if (entry === 'registry.db' || entry === 'settings.json') return path.join(this.backupDir(id), entry);
    throw new AppError('INTEGRITY_FAILED', `unexpected manifest entry ${entry}`);
  }

  /** Backup folders with a manifest (complete) and without one (left by a killed backup). */
  scanBackups(): { complete: string[]; incomplete: string[] } {
    const complete: string[] = [];
    const incomplete: string[] = [];
    if (!fs.existsSync(this.backups)) return { complete, incomplete };
    for (const name of fs.readdirSync(this.backups)) {
      if (!BACKUP_ID_PATTERN.test(name)) continue;
      (fs.existsSync(path.join(this.backups, name, 'manifest.json')) ? complete : incomplete).push(name);
    }
    return { complete: complete.sort(), incomplete };
  }

  blobsOnDisk(): string[] {
    if (!fs.existsSync(this.blobs)) return [];
    return fs
      .readdirSync(this.blobs)
      .flatMap((fan) => (fs.statSync(path.join(this.blobs, fan)).isDirectory() ? fs.readdirSync(path.join(this.blobs, fan)) : []))
      .filter((name) => /^[0-9a-f]{64}$/.test(name));
  }
}

/** 20250101T120000Z-1a2b3c: sortable by time, unique enough across processes. */
export { BACKUP_ID_PATTERN };

export function newBackupId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z');
  return `${stamp}-${Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0')}`;
}

/** Writes a small file atomically: temporary name in the same folder, fsync, rename, fsync the folder. */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  syncDirectory(path.dirname(file));
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(2)} GB`;

/** DISK_FULL naming the target and the bytes needed, before a byte is written. */
export function assertTargetRoom(name: string, folder: string, bytesNeeded: number, space: DiskSpace = diskSpace(folder)): void {
  // A little headroom for the registry copy growing while copied and the manifest itself.
  if (bytesNeeded + 1024 * 1024 > space.freeBytes) {
    throw new AppError(
      'DISK_FULL',
      `backup target "${name}" (${folder}) is full: this backup needs ${bytesNeeded} bytes (${gb(bytesNeeded)}), ` +
        `the target has ${space.freeBytes} bytes (${gb(space.freeBytes)}) free`,
    );
  }
}

/**
 * Checks a folder chosen as a target: absolute, an existing directory, writable (a probe file
 * is written, fsynced and removed) and with free space. When the path comes from a browser
 * (the headless console) it must also lie outside the data folder: a backup on the disk it
 * protects is no backup, and refusing the data folder keeps a browser from steering our
 * writes into the files the app itself serves and trusts. The desktop window and the CLI act
 * as the local user at the machine and get the same checks except that one, as a warning.
 */
export function checkTargetFolder(folder: string, dataDir: string, fromBrowser: boolean): { folder: string; warnings: string[]; freeBytes: number } {
  if (!path.isAbsolute(folder)) throw new AppError('VALIDATION_FAILED', `the target folder must be an absolute path: ${folder}`, 'folder');
  const resolved = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new AppError('NOT_FOUND', `the target folder does not exist: ${resolved}`);
  }
  if (!stat.isDirectory()) throw new AppError('VALIDATION_FAILED', `the target is not a folder: ${resolved}`, 'folder');
  const real = fs.realpathSync(resolved);
  const data = fs.existsSync(dataDir) ? fs.realpathSync(dataDir) : path.resolve(dataDir);
  const inside = real === data || real.startsWith(data + path.sep);
  const warnings: string[] = [];
  if (inside) {
    if (fromBrowser) throw new AppError('VALIDATION_FAILED', `the target folder must lie outside the data folder ${data}`, 'folder');
    warnings.push('the target is inside the data folder: a failure of that disk loses the backups too');
  }
  const probe = path.join(real, `.voiceops-write-check-${process.pid}`);
  try {
    writeFileAtomic(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch (error) {
    fs.rmSync(probe, { force: true });
    throw new AppError('VALIDATION_FAILED', `the target folder is not writable: ${real}: ${(error as Error).message}`, 'folder');
  }
  const space = diskSpace(real);
  if (space.freeBytes < 100 * 1024 * 1024) warnings.push(`only ${gb(space.freeBytes)} free on the target`);
  return { folder: real, warnings, freeBytes: space.freeBytes };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer per target (the console's schedule and a CLI run may overlap). The lock file holds
 * the writer's pid; a lock whose process is gone (killed) is taken over.
 * The target's voiceops-backup folder, made when the target was added, must be there: if it is
 * not, the disk or share is most likely not mounted, and writing would fill the empty mount
 * point on the system disk instead (a classic way to lose backups without noticing).
 */
export function lockTarget(layout: TargetLayout, name: string): () => void {
  if (!fs.existsSync(layout.root)) {
    throw new AppError(
      'UNREACHABLE',
      `backup target "${name}": ${layout.root} is missing; is the disk or share mounted? ` +
        '(a new, empty disk in its place: remove the target and add it again)',
    );
  }
  layout.ensure();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(layout.lockFile, 'wx', 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => fs.rmSync(layout.lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(layout.lockFile, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
        throw new AppError('CONFLICT', `backup target "${name}" is in use by process ${pid}`);
      }
      fs.rmSync(layout.lockFile, { force: true });
    }
  }
  throw new AppError('CONFLICT', `backup target "${name}" is in use`);
}
