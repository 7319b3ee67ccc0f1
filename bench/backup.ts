/**
 * Benchmark (not a test) of backups, issue #6: on a generated store (2 GiB by default), each
 * figure is a ratio of medians over several rounds, ours and the baseline measured in turn in
 * every round (this shared machine's disk and CPU move by tens of percent from one minute to
 * the next, so one run proves little):
 *   (1) the first backup against `cp -r` of the store folder            (goal <= 1.1x)
 *   (2) a second backup, nothing changed, against restic's second backup (goal <= 0.5x)
 *   (3) a backup after adding a 100 MB version against restic's          (goal <= 1.0x)
 *   (4) a full restore against `cp -r` of the backup                     (goal <= 1.1x)
 * (1) and (4) are also printed against `cp -r && sync`: ours fsync every file (a backup must
 * survive a power cut once listed, a restore before the registry names its files), `cp -r`
 * alone leaves the copy in the page cache.
 * (4) is the disaster-recovery restore: a new, empty data folder adds the target (its backups
 * are listed from their manifests) and restores the newest backup whole: pre-restore snapshot,
 * every model file copied, hashed and fsynced into the store, the registry swapped in. The
 * restore drill (copy into a scratch folder, hash, open the database) is printed beside it.
 * Each round backs up into a new target folder and a new restic repository.
 *
 * The product's built modules are timed (out/electron, see support/built-backups.ts). restic
 * comes from Debian (`apt-get install -y restic`); the product never uses it. Without it the
 * benchmark says so and stops.
 *
 *   npm run bench:backup                 # 2048 MiB in 8 model lines, 3 rounds (builds out/electron first)
 *   BENCH_MIB=512 BENCH_ROUNDS=5 npm run bench:backup
 *
 * The last line is the main ratio: (2), the daily backup of an unchanged store.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBuiltBackups, type BuiltBackups } from './support/built-backups.js';

const mib = Number(process.env['BENCH_MIB'] ?? 2048);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const LINES = 8;

function hasRestic(): boolean {
  try {
    execFileSync('restic', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function writeRandomFile(file: string, bytes: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const chunk = randomBytes(16 * 1024 * 1024);
  const fd = fs.openSync(file, 'w');
  for (let written = 0; written < bytes; written += chunk.length) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written));
  fs.closeSync(fd);
}

async function importRandomVersion(b: BuiltBackups, line: string, bytes: number): Promise<void> {
  const source = path.join(b.root, 'sources', line.replace('/', '-'));
  writeRandomFile(path.join(source, 'base.onnx.bin'), bytes);
  await b.run((job) => b.store.importVersion({ source, line, version: '1.0.0', format: 'pretrained', actor: 'bench', origin: 'bench' }, job));
  fs.rmSync(source, { recursive: true });
}

function dropCaches(): void {
  // Best effort: as root, start each measurement with cold caches so neither side is favoured.
  try {
    execFileSync('sync');
    fs.writeFileSync('/proc/sys/vm/drop_caches', '3');
  } catch {
    /* not root: warm caches for both sides */
  }
}

/** Times `work`, after dropping the caches when `cold`, and files the time under `label`. */
const times = new Map<string, number[]>();
async function measure<T>(label: string, cold: boolean, work: () => Promise<T> | T): Promise<T> {
  if (cold) dropCaches();
  const start = performance.now();
  const value = await work();
  times.set(label, [...(times.get(label) ?? []), performance.now() - start]);
  return value;
}

function median(label: string): number {
  const sorted = [...times.get(label)!].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ratioLine = (label: string, ours: string, base: string, goal: number): string =>
  `${label}: ${(median(ours) / median(base)).toFixed(2)}x (ours ${median(ours).toFixed(0)} ms / ${median(base).toFixed(0)} ms; goal <= ${goal}x)`;

function copyTree(from: string, to: string, sync: boolean): void {
  execFileSync('sh', ['-c', sync ? 'cp -r "$0" "$1" && sync' : 'cp -r "$0" "$1"', from, to]);
  fs.rmSync(to, { recursive: true });
}

async function round(b: BuiltBackups, index: number): Promise<void> {
  const target = `round-${index}`;
  const targetDir = path.join(b.root, target);
  fs.mkdirSync(targetDir);
  b.backups.addTarget(target, targetDir, 'bench', false);
  const repo = path.join(b.root, `restic-${index}`);
  const env = { ...process.env, RESTIC_PASSWORD: 'bench', RESTIC_CACHE_DIR: path.join(b.root, 'restic-cache') };
  const restic = (...args: string[]): void => void execFileSync('restic', ['--repo', repo, '--quiet', ...args], { env, stdio: 'ignore' });
  const storeDir = b.store.layout.blobs;
  restic('init');
  // Untimed: the first heavy I/O after the previous round's deletes ran up to 3x slower here.
  copyTree(storeDir, path.join(b.root, 'settle'), true);

  await measure('cp -r store', true, () => copyTree(storeDir, path.join(b.root, 'cp-copy'), false));
  await measure('cp -r store + sync', true, () => copyTree(storeDir, path.join(b.root, 'cp-copy'), true));
  await measure('ours: first backup', true, () => b.run((job) => b.backups.run(target, 'manual', job)));
  await measure('restic: first backup', true, () => restic('backup', storeDir));

  await measure('ours: second backup', false, () => b.run((job) => b.backups.run(target, 'manual', job)));
  await measure('restic: second backup', false, () => restic('backup', storeDir));

  await importRandomVersion(b, `pretrained/bench-extra-${index}`, 100 * 1000 * 1000);
  const [newest] = await measure('ours: backup after 100 MB', false, () => b.run((job) => b.backups.run(target, 'manual', job)));
  await measure('restic: backup after 100 MB', false, () => restic('backup', storeDir));

  const backupDir = path.join(targetDir, 'voiceops-backup');
  await measure('cp -r backup', true, () => copyTree(backupDir, path.join(b.root, 'cp-restore'), false));
  await measure('cp -r backup + sync', true, () => copyTree(backupDir, path.join(b.root, 'cp-restore'), true));
  const fresh = await openBuiltBackups();
  try {
    fresh.backups.addTarget('old-disk', targetDir, 'bench', false);
    await measure('ours: full restore', true, () => fresh.run((job) => fresh.backups.restore(newest!.id, { kind: 'whole' }, false, job)));
    const restored = fresh.blobsOnDisk().length;
    if (restored !== b.blobsOnDisk().length) throw new Error(`the restore left ${restored} of ${b.blobsOnDisk().length} model files`);
  } finally {
    fresh.cleanup();
  }
  const drill = await measure('ours: restore drill', true, () => b.run((job) => b.backups.drill(newest!.id, job)));
  if (!drill.ok) throw new Error(`the drill failed: ${JSON.stringify(drill.problems)}`);
  await measure('restic: restore', true, () => restic('restore', 'latest', '--target', path.join(b.root, 'restic-restore')));

  b.backups.removeTarget(target);
  for (const dir of [targetDir, repo, path.join(b.root, 'restic-restore')]) fs.rmSync(dir, { recursive: true, force: true });
  console.log(`round ${index}: ${[...times].map(([label, ms]) => `${label} ${ms.at(-1)!.toFixed(0)}`).join(', ')} (ms)`);
}

async function main(): Promise<void> {
  if (!hasRestic()) {
    console.log('SKIPPED: restic is not installed (apt-get install -y restic); the backup benchmark compares against it.');
    return;
  }
  const b = await openBuiltBackups();
  try {
    const perLine = Math.floor((mib * 1024 * 1024) / LINES);
    for (let index = 0; index < LINES; index++) await importRandomVersion(b, `pretrained/bench-${index}`, perLine);
    console.log(`store: ${mib} MiB in ${LINES} model lines, ${rounds} rounds, ${os.availableParallelism()} cores; targets and restic repositories on the same disk`);
    for (let index = 1; index <= rounds; index++) await round(b, index);

    console.log('medians:');
    console.log(ratioLine('(1) first backup / cp -r', 'ours: first backup', 'cp -r store', 1.1));
    console.log(ratioLine('    first backup / cp -r + sync (both durable)', 'ours: first backup', 'cp -r store + sync', 1.1));
    console.log(ratioLine('(3) backup after a 100 MB version / restic', 'ours: backup after 100 MB', 'restic: backup after 100 MB', 1));
    console.log(ratioLine('(4) full restore / cp -r', 'ours: full restore', 'cp -r backup', 1.1));
    console.log(ratioLine('    full restore / cp -r + sync (both durable)', 'ours: full restore', 'cp -r backup + sync', 1.1));
    console.log(ratioLine('    restore drill / cp -r', 'ours: restore drill', 'cp -r backup', 1.1));
    console.log(ratioLine('    restic restore / cp -r (for scale)', 'restic: restore', 'cp -r backup', 1.1));
    console.log(ratioLine('(2) second backup, nothing changed / restic', 'ours: second backup', 'restic: second backup', 0.5));
  } finally {
    b.cleanup();
  }
}

await main();
