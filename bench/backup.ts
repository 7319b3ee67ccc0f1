/**
 * Benchmark (not a test) of backups, issue #6: on a generated store (2 GiB by default), each
 * figure is a ratio measured in the same run against a baseline:
 *   (1) the first backup against `cp -r` of the store folder            (goal <= 1.1x)
 *   (2) a second backup, nothing changed, against restic's second backup (goal <= 0.5x)
 *   (3) a backup after adding a 100 MB version against restic's          (goal <= 1.0x)
 *   (4) a full restore against `cp -r` of the backup                     (goal <= 1.1x)
 * (1) is also printed against `cp -r && sync`: our backup fsyncs every file (it must survive a
 * power cut once listed), `cp -r` alone leaves the copy in the page cache.
 * (4) is timed as the restore drill: every file of the backup copied out of the target into a
 * scratch folder and hashed, and the restored database opened and checked.
 *
 * restic comes from Debian (`apt-get install -y restic`); the product never uses it. Without it
 * the benchmark says so and stops.
 *
 *   npm run bench:backup                 # 2048 MiB in 8 model lines
 *   BENCH_MIB=512 npm run bench:backup
 *
 * The last line is the main ratio: (2), the daily backup of an unchanged store.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openTempBackups } from '../electron/test-support/temp-backups.js';

const mib = Number(process.env['BENCH_MIB'] ?? 2048);
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

async function timed<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const value = await work();
  return [performance.now() - start, value];
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

const ratioLine = (label: string, ours: number, base: number, goal: number): string =>
  `${label}: ${(ours / base).toFixed(2)}x (ours ${ours.toFixed(0)} ms / ${base.toFixed(0)} ms; goal <= ${goal}x)`;

async function main(): Promise<void> {
  if (!hasRestic()) {
    console.log('SKIPPED: restic is not installed (apt-get install -y restic); the backup benchmark compares against it.');
    return;
  }
  const b = openTempBackups();
  const env = { ...process.env, RESTIC_PASSWORD: 'bench', RESTIC_CACHE_DIR: path.join(b.root, 'restic-cache') };
  const restic = (...args: string[]): void => void execFileSync('restic', ['--repo', path.join(b.root, 'restic'), '--quiet', ...args], { env, stdio: 'ignore' });
  try {
    const perLine = Math.floor((mib * 1024 * 1024) / LINES);
    for (let index = 0; index < LINES; index++) {
      const source = path.join(b.root, 'sources', `line-${index}`);
      writeRandomFile(path.join(source, 'base.onnx.bin'), perLine);
      await b.t.run((job) => b.t.store.importVersion({ source, line: `pretrained/bench-${index}`, version: '1.0.0', format: 'pretrained', actor: 'bench', origin: 'bench' }, job));
      fs.rmSync(source, { recursive: true });
    }
    const storeDir = b.t.store.layout.blobs;
    console.log(`store: ${mib} MiB in ${LINES} model lines; target and restic repository on the same disk`);
    restic('init');

    dropCaches();
    const [cp1] = await timed(() => execFileSync('cp', ['-r', storeDir, path.join(b.root, 'cp-copy')]));
    fs.rmSync(path.join(b.root, 'cp-copy'), { recursive: true });
    dropCaches();
    // The same copy made durable, as our backup is (every file fsynced before the manifest names it).
    const [cpSync1] = await timed(() => execFileSync('sh', ['-c', 'cp -r "$0" "$1" && sync', storeDir, path.join(b.root, 'cp-copy')]));
    fs.rmSync(path.join(b.root, 'cp-copy'), { recursive: true });
    dropCaches();
    const [ours1, [first]] = await timed(() => b.t.run((job) => b.backups.run('disk2', 'manual', job)));
    dropCaches();
    const [restic1] = await timed(() => restic('backup', storeDir));
    console.log(`first backup: ours ${ours1.toFixed(0)} ms, cp -r ${cp1.toFixed(0)} ms, cp -r + sync ${cpSync1.toFixed(0)} ms, restic ${restic1.toFixed(0)} ms`);

    const [ours2] = await timed(() => b.t.run((job) => b.backups.run('disk2', 'manual', job)));
    const [restic2] = await timed(() => restic('backup', storeDir));
    console.log(`second backup, nothing changed: ours ${ours2.toFixed(0)} ms, restic ${restic2.toFixed(0)} ms`);

    const extra = path.join(b.root, 'sources', 'extra');
    writeRandomFile(path.join(extra, 'base.onnx.bin'), 100 * 1000 * 1000);
    await b.t.run((job) => b.t.store.importVersion({ source: extra, line: 'pretrained/bench-extra', version: '1.0.0', format: 'pretrained', actor: 'bench', origin: 'bench' }, job));
    const [ours3] = await timed(() => b.t.run((job) => b.backups.run('disk2', 'manual', job)));
    const [restic3] = await timed(() => restic('backup', storeDir));
    console.log(`backup after a 100 MB version: ours ${ours3.toFixed(0)} ms, restic ${restic3.toFixed(0)} ms`);

    dropCaches();
    const [cp4] = await timed(() => execFileSync('cp', ['-r', path.join(b.targetDir, 'voiceops-backup'), path.join(b.root, 'cp-restore')]));
    fs.rmSync(path.join(b.root, 'cp-restore'), { recursive: true });
    dropCaches();
    const [ours4, drill] = await timed(() => b.t.run((job) => b.backups.drill(first!.id, job)));
    if (!drill.ok) throw new Error(`the drill failed: ${JSON.stringify(drill.problems)}`);
    dropCaches();
    const [restic4] = await timed(() => restic('restore', 'latest', '--target', path.join(b.root, 'restic-restore')));
    console.log(`full restore: ours (drill) ${ours4.toFixed(0)} ms, cp -r ${cp4.toFixed(0)} ms, restic restore ${restic4.toFixed(0)} ms`);

    console.log(ratioLine('(1) first backup / cp -r', ours1, cp1, 1.1));
    console.log(ratioLine('    first backup / cp -r + sync (both durable)', ours1, cpSync1, 1.1));
    console.log(ratioLine('(3) backup after a 100 MB version / restic', ours3, restic3, 1));
    console.log(ratioLine('(4) full restore / cp -r', ours4, cp4, 1.1));
    console.log(ratioLine('(2) second backup, nothing changed / restic', ours2, restic2, 0.5));
  } finally {
    b.cleanup();
  }
}

await main();
