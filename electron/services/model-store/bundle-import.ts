import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { AppError, LINE_PATTERN, SEMVER_PATTERN } from '../../api/index.js';
import type { JobControl } from '../../core/jobs.js';
import { commitBlob, removeImportTemporaries } from './blob-writer.js';
import { sweepStore } from './blob-sweeper.js';
import { BUNDLE_BLOB, BUNDLE_INDEX, BUNDLE_SUMS, bundleIndexSchema, type BundleIndex } from './bundle-format.js';
import { assertRoomFor } from './disk-space.js';
import type { Manifest } from './manifest.js';
import type { ModelStore } from './model-store.js';
import { parseLine } from './model-lines.js';
import { StoreWorker } from './store-worker-client.js';

const MAX_INDEX_BYTES = 16 * 1024 * 1024;

function refuse(message: string): AppError {
  return new AppError('VALIDATION_FAILED', `not a valid bundle: ${message}`, 'path');
}

async function readSmall(stream: AsyncIterable<unknown>, limit: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const raw of stream) {
    const chunk = raw as Buffer;
    size += chunk.length;
    if (size > limit) throw refuse(`${name} is too large`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function checkIndex(index: BundleIndex): void {
  for (const m of index.versions) {
    if (!LINE_PATTERN.test(m.line) || m.line.includes('..')) throw refuse(`bad model line "${m.line}"`);
    if (!SEMVER_PATTERN.test(m.version)) throw refuse(`bad version "${m.version}" of ${m.line}`);
    const { staffCode } = parseLine(m.line);
    if (staffCode && index.staff && index.staff.code !== staffCode) throw refuse(`${m.line} does not belong to staff member ${index.staff.code}`);
  }
}

/**
 * Imports a bundle written by exportBundle. Nothing is trusted: every entry must be a plain
 * file with an expected name (no links, no folders, no "..", no absolute paths), every blob
 * is re-hashed and must match its name and the manifests, and the versions are registered
 * in one transaction only after all of that passed.
 */
export async function importBundle(store: ModelStore, bundleFile: string, actor: string, origin: string, job: JobControl) {
  const stat = fs.lstatSync(bundleFile, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) throw new AppError('NOT_FOUND', `no bundle file at ${bundleFile}`, 'path');
  assertRoomFor(store.layout.dataDir, stat.size, store.importDeps().settings['modelStore.diskLimitPercent']);

  const importId = randomUUID();
  const worker = new StoreWorker(job.signal);
  store.repo.beginImport(importId, process.pid, new Date().toISOString());
  let index: BundleIndex | undefined;
  const expected = new Map<string, number>();
  const received = new Set<string>();
  let done = 0;
  let n = 0;
  try {
    const extract = tar.extract();
    const reading = pipeline(fs.createReadStream(bundleFile), extract).catch((error: unknown) => {
      throw error instanceof AppError ? error : refuse(`unreadable tar (${error instanceof Error ? error.message : String(error)})`);
    });
    // When we stop reading early (a refused entry), the pipeline fails with "premature close":
    // that is expected, and the refusal thrown below is what the caller sees.
    reading.catch(() => undefined);
    for await (const entry of extract) {
      const { name, type, size } = entry.header;
      if (type !== 'file') throw refuse(`"${name}" is a ${type}; bundles hold plain files only`);
      job.throwIfCancelled();
      if (name === BUNDLE_INDEX) {
        if (index) throw refuse('two indexes');
        const parsed = bundleIndexSchema.safeParse(JSON.parse((await readSmall(entry, MAX_INDEX_BYTES, name)).toString('utf8')));
        if (!parsed.success) throw refuse(`bad index (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
        index = parsed.data as unknown as BundleIndex;
        checkIndex(index);
        for (const m of index.versions) for (const f of m.files) expected.set(f.sha256, f.size);
        continue;
      }
      const blob = BUNDLE_BLOB.exec(name);
      if (name === BUNDLE_SUMS) {
        const lines = (await readSmall(entry, MAX_INDEX_BYTES, name)).toString('utf8').trim().split('\n');
        for (const line of lines) if (line && !expected.has(line.slice(0, 64))) throw refuse(`SHA256SUMS lists a file the index does not`);
        continue;
      }
      if (!blob) throw refuse(`unexpected entry "${name}"`);
      if (!index) throw refuse('the index must come first');
      const digest = blob[1]!;
      if (expected.get(digest) !== size) throw refuse(`blobs/${digest} is not what the index describes`);
      const tmp = store.layout.tmpPath(importId, n++);
      await pipeline(entry, fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
      const { sha256 } = await worker.hash(tmp);
      if (sha256 !== digest) throw new AppError('INTEGRITY_FAILED', `blobs/${digest} is corrupt in the bundle (its content hashes to ${sha256.slice(0, 12)}…)`, 'path');
      commitBlob(store.repo, store.layout, importId, tmp, digest);
      received.add(digest);
      done += size;
      job.progress({ phase: `verified ${digest.slice(0, 12)}`, done, total: stat.size, unit: 'bytes' });
    }
    await reading;
    if (!index) throw refuse('no index');
    for (const digest of expected.keys()) {
      if (!received.has(digest) && !fs.existsSync(store.layout.blobPath(digest))) throw refuse(`blobs/${digest} is missing`);
    }
    return registerBundle(store, index, importId, actor, origin);
  } finally {
    worker.close();
    removeImportTemporaries(store.layout, importId);
    store.repo.endImport(importId);
    sweepStore(store.repo, store.layout);
  }
}

function registerBundle(store: ModelStore, index: BundleIndex, importId: string, actor: string, origin: string) {
  const imported: Array<{ line: string; version: string }> = [];
  const skipped: string[] = [];
  const now = new Date().toISOString();
  store.repo.transaction(() => {
    if (index.staff && !store.staffRepo.find(index.staff.code)) store.staffRepo.insert(index.staff.code, index.staff.name, now);
    for (const m of index.versions) {
      const { family, staffCode } = parseLine(m.line);
      if (staffCode && !store.staffRepo.find(staffCode)) throw refuse(`${m.line}: no staff member ${staffCode} here and none in the bundle`);
      const existing = store.repo.findVersion(m.line, m.version);
      if (existing) {
        const same = JSON.stringify(store.repo.files(existing.id).map((f) => [f.path, f.sha256]).sort()) === JSON.stringify(m.files.map((f) => [f.path, f.sha256]).sort());
        if (!same) throw new AppError('CONFLICT', `${m.line} ${m.version} already exists here with different files`, 'path');
        skipped.push(`${m.line}@${m.version}`);
        continue;
      }
      const manifest: Manifest & { previousImport: object } = {
        ...m,
        importedAt: now,
        importedBy: actor,
        origin: `${origin} (bundle)`,
        previousImport: { importedAt: m.importedAt, importedBy: m.importedBy, origin: m.origin },
      };
      store.repo.ensureLine(m.line, family, staffCode, now);
      store.repo.insertVersion({
        line: m.line,
        version: m.version,
        format: m.format,
        manifest: JSON.stringify(manifest),
        totalBytes: m.files.reduce((sum, f) => sum + f.size, 0),
        importedAt: now,
        importedBy: actor,
        files: m.files,
      });
      imported.push({ line: m.line, version: m.version });
    }
    store.repo.endImport(importId);
  });
  return { imported, skipped };
}
