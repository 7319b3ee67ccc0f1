import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-app.js';
import { writePiperVoice } from '../../test-support/model-fixtures.js';
import { openTempStore, type TempStore } from '../../test-support/temp-store.js';

const child = fileURLToPath(new URL('../../test-support/import-and-hang.ts', import.meta.url));
let cleanup: (() => void) | undefined;
let t: TempStore | undefined;
afterEach(() => {
  t?.cleanup();
  cleanup?.();
});

it('an import killed between writing its files and the registry write leaves no version and no orphan after the next start', async () => {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  const dataDir = path.join(temp.dir, 'data');
  const source = writePiperVoice(path.join(temp.dir, 'src'), 'amy');
  const marker = path.join(temp.dir, 'marker');

  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, source, marker], { stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  while (!fs.existsSync(marker)) {
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error('the child never reached the registry write');
    await new Promise((r) => setTimeout(r, 20));
  }
  const blobsBeforeKill = fs.readdirSync(path.join(dataDir, 'blobs', 'sha256')).length;
  expect(blobsBeforeKill).toBeGreaterThan(0); // the files really were written before the kill
  proc.kill('SIGKILL');
  await new Promise((resolve) => proc.once('exit', resolve));

  // The next start: open the store and sweep, as `voiceops serve` and the desktop app do.
  t = openTempStore({}, { dir: dataDir, sources: source, cleanup: () => undefined });
  expect(t.store.versions.list()).toEqual([]);
  const report = t.store.sweep();
  expect(report).toMatchObject({ abandonedImports: 1 });
  expect(report.removedBlobs).toBe(blobsBeforeKill);
  expect(t.blobsOnDisk()).toEqual([]);
  expect(t.tmpFiles()).toEqual([]);
  expect(t.store.repo.importsInFlight()).toEqual([]);
  // And the same version imports cleanly afterwards.
  await t.run((job) => t!.store.importVersion({ source, line: 'voice/amy', version: '1.0.0', format: undefined, actor: 'ann', origin: 'cli' }, job));
  expect(t.store.versions.summary('voice/amy').activeVersion).toBe('1.0.0');
});

it('a sweep never removes the blobs of an import that is still running', async () => {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  t = openTempStore({}, { dir: path.join(temp.dir, 'data'), sources: temp.dir, cleanup: () => undefined });
  t.store.staff.add('amy', 'Amy');
  const source = writePiperVoice(path.join(temp.dir, 'src'), 'amy');
  let sweptDuringImport: number | undefined;
  await t.run((job) =>
    t!.store.importVersion({ source, line: 'voice/amy', version: '1.0.0', format: undefined, actor: 'ann', origin: 'cli' }, job, {
      beforeCommit: async () => {
        sweptDuringImport = t!.store.sweep().removedBlobs;
      },
    }),
  );
  expect(sweptDuringImport).toBe(0);
  expect(t.blobsOnDisk()).toHaveLength(2);
  expect(t.store.versions.summary('voice/amy').activeVersion).toBe('1.0.0');
});
