import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-app.js';
import { openTempBackups, type TempBackups } from '../../test-support/temp-backups.js';
import { verifyStore } from '../model-store/verify-store.js';
import { TargetLayout } from './target-layout.js';

const child = fileURLToPath(new URL('../../test-support/backup-and-hang.ts', import.meta.url));
let b: TempBackups | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  if (b?.t.db.open) b.t.db.close();
  cleanup?.();
});

async function runChildUntilMarker(args: string[], marker: string): Promise<void> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: 'ignore' });
  const deadline = Date.now() + 60_000;
  while (!fs.existsSync(marker)) {
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error('the child never reached its fault point');
    await new Promise((r) => setTimeout(r, 20));
  }
  proc.kill('SIGKILL');
  await new Promise((resolve) => proc.once('exit', resolve));
}

const versionsOf = (x: TempBackups) => x.t.store.versions.list().map((l) => [l.line, l.versions.map((v) => v.version).sort()]);

it('a backup killed mid-copy leaves no listed backup; the next run sweeps the remains and finishes cleanly', async () => {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  b = openTempBackups({}, { root: temp.dir, cleanup: () => undefined });
  await b.importVoice('amy', '1.0.0');
  await b.importVoice('bob', '1.0.0', 2);
  b.t.db.close();

  await runChildUntilMarker([temp.dir, 'backup', path.join(temp.dir, 'marker')], path.join(temp.dir, 'marker'));
  b = b.reopen();
  const layout = new TargetLayout(fs.realpathSync(b.targetDir));
  expect(layout.scanBackups().complete).toEqual([]);
  expect(layout.scanBackups().incomplete).toHaveLength(1); // the killed one: no manifest, so no backup
  expect(b.backups.list()).toEqual([]);

  const [done] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
  expect(layout.scanBackups()).toEqual({ complete: [done!.id], incomplete: [] });
  expect(fs.readdirSync(layout.tmp)).toEqual([]);
  expect((await b.t.run((job) => b!.backups.verify(done!.id, 100, job))).ok).toBe(true);
});

it('a restore killed after the swap is rolled back to its pre-restore snapshot at the next start', async () => {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  b = openTempBackups({}, { root: temp.dir, cleanup: () => undefined });
  await b.importVoice('amy', '1.0.0');
  const [backup] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
  await b.importVoice('amy', '1.1.0', 3);
  await b.importVoice('bob', '1.0.0', 2);
  const before = versionsOf(b);
  b.t.db.close();

  await runChildUntilMarker([temp.dir, 'restore', path.join(temp.dir, 'marker'), backup!.id], path.join(temp.dir, 'marker'));
  b = b.reopen();
  expect(versionsOf(b)).toEqual([['voice/amy', ['1.0.0']]]); // the killed restore had swapped
  expect(b.backups.repo.unfinishedRestores()).toHaveLength(1);

  // What `voiceops serve` and the desktop app do first at start.
  const recovered = await b.backups.recover();
  expect(recovered).toMatchObject([{ state: 'rolled-back' }]);
  expect(versionsOf(b)).toEqual(before);
  b.t.store.sweep();
  expect((await b.t.run((job) => verifyStore(b!.t.store.repo, b!.t.store.layout, job))).problems).toEqual([]);
  expect(b.backups.repo.unfinishedRestores()).toEqual([]);
  expect(b.t.store.repo.importsInFlight()).toEqual([]);
});
