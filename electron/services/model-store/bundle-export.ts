import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { AppError } from '../../api/index.js';
import type { JobControl } from '../../core/jobs.js';
import { appVersion } from '../../core/app-version.js';
import { BUNDLE_INDEX, BUNDLE_SUMS, type BundleIndex } from './bundle-format.js';
import { assertRoomFor } from './disk-space.js';
import { parseManifest } from './manifest.js';
import type { ModelStore } from './model-store.js';
import { sortVersionsDescending } from './model-lines.js';
import { syncDirectory } from './store-layout.js';
import { StoreWorker } from './store-worker-client.js';

/**
 * Writes one version (or every version of a line) to a bundle file. The file appears under
 * its final name only when complete and fsynced; a cancelled export leaves nothing behind.
 */
export async function exportBundle(store: ModelStore, line: string, version: string | undefined, target: string, job: JobControl) {
  const summary = store.versions.summary(line);
  const rows = sortVersionsDescending(store.repo.versions(line)).filter((v) => version === undefined || v.version === version);
  if (rows.length === 0) throw new AppError('NOT_FOUND', version ? `${line} has no version ${version}` : `${line} has no versions`, 'version');
  const bad = rows.find((v) => v.verifyState !== 'ok');
  if (bad) throw new AppError('INTEGRITY_FAILED', `${line} ${bad.version} has ${bad.verifyState} files; it cannot be exported`, 'version');

  const manifests = rows.map((r) => parseManifest(r.manifest));
  const blobs = new Map<string, number>();
  for (const m of manifests) for (const f of m.files) blobs.set(f.sha256, f.size);
  const total = [...blobs.values()].reduce((a, b) => a + b, 0);
  const staffRow = summary.staffCode ? store.staffRepo.find(summary.staffCode) : undefined;
  const index: BundleIndex = {
    kind: 'voiceops-bundle',
    schema: 1,
    createdAt: new Date().toISOString(),
    appVersion: appVersion(),
    staff: staffRow ? { code: staffRow.code, name: staffRow.name } : null,
    versions: manifests,
  };

  fs.mkdirSync(path.dirname(target), { recursive: true });
  assertRoomFor(path.dirname(target), total + 1024 * 1024, store.importDeps().settings['modelStore.diskLimitPercent']);
  const partial = `${target}.part`;
  const pack = tar.pack();
  const output = fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 });
  const written = pipeline(pack, output);
  let done = 0;
  try {
    const indexJson = Buffer.from(JSON.stringify(index, null, 2));
    pack.entry({ name: BUNDLE_INDEX, size: indexJson.length, mode: 0o644 }, indexJson);
    for (const [digest, size] of blobs) {
      job.throwIfCancelled();
      job.progress({ phase: `writing ${digest.slice(0, 12)}`, done, total, unit: 'bytes' });
      const entry = pack.entry({ name: `blobs/${digest}`, size, mode: 0o644 });
      const input = fs.createReadStream(store.layout.blobPath(digest));
      input.on('data', (chunk) => job.progress({ done: (done += chunk.length), total }));
      await pipeline(input, entry);
    }
    const sums = Buffer.from([...blobs.keys()].map((d) => `${d}  blobs/${d}\n`).join(''));
    pack.entry({ name: BUNDLE_SUMS, size: sums.length, mode: 0o644 }, sums);
    pack.finalize();
    await written;
    const fd = fs.openSync(partial, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, target);
    syncDirectory(path.dirname(target));
  } catch (error) {
    pack.destroy();
    output.destroy();
    await once(output, 'close').catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw error;
  }
  const worker = new StoreWorker(job.signal);
  try {
    const { sha256, size } = await worker.hash(target);
    return { file: target, bytes: size, versions: rows.map((r) => r.version), sha256 };
  } finally {
    worker.close();
  }
}
