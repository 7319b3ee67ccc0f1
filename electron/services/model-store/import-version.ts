import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { AppError, type LintFinding, type ModelFormat } from '../../api/index.js';
import type { JobControl } from '../../core/jobs.js';
import type { ModelRepository } from '../../db/repositories/model-repository.js';
import type { StaffRepository } from '../../db/repositories/staff-repository.js';
import type { Settings } from '../settings/settings-service.js';
import { commitBlob, removeImportTemporaries } from './blob-writer.js';
import { sweepStore } from './blob-sweeper.js';
import { assertRoomFor, type DiskSpace } from './disk-space.js';
import { classifyFiles, guessFormat, type ClassifiedFile } from './formats.js';
import { listSourceFiles } from './import-source.js';
import { buildManifest, type Manifest } from './manifest.js';
import { parseLine } from './model-lines.js';
import type { StoreLayout } from './store-layout.js';
import type { VersionFiles } from '../../../native-engine/pipelines/pipeline.js';
import { StoreWorker } from './store-worker-client.js';

export interface ImportDeps {
  repo: ModelRepository;
  staff: StaffRepository;
  layout: StoreLayout;
  settings: Settings;
  now: () => Date;
  /** Tests give a fake disk to simulate a full one. */
  diskSpace?: () => DiskSpace;
  /** Opens the stored graphs and checks them against the format (the engine's import hook). */
  checkGraphs?: (files: VersionFiles) => Promise<void>;
  /** Tests only: runs after every blob is stored and before the registry write. */
  beforeCommit?: () => Promise<void>;
}

export interface ImportRequest {
  source: string;
  line: string;
  version: string;
  format: ModelFormat | undefined;
  actor: string;
  origin: string;
}

const HEARTBEAT_MS = 30_000;

function refuseOnErrors(findings: LintFinding[]): void {
  const errors = findings.filter((f) => f.level === 'error');
  if (errors.length === 0) return;
  const listed = errors.slice(0, 4).map((e) => `${e.file}: ${e.message}`).join('; ');
  const more = errors.length > 4 ? ` (+${errors.length - 4} more)` : '';
  throw new AppError('VALIDATION_FAILED', `the files do not pass the import checks: ${listed}${more}`, 'path');
}

/** Checks that may refuse the import before anything is copied. */
export async function checkImport(deps: ImportDeps, req: ImportRequest, worker: StoreWorker) {
  const { line, family, staffCode } = parseLine(req.line);
  if (staffCode) {
    const member = deps.staff.find(staffCode);
    if (!member) throw new AppError('NOT_FOUND', `no staff member "${staffCode}"; add them first`, 'line');
    if (member.retiredAt) throw new AppError('CONFLICT', `staff member "${staffCode}" is retired`, 'line');
  }
  if (deps.repo.findVersion(line, req.version)) {
    throw new AppError('CONFLICT', `${line} already has version ${req.version}; versions are never overwritten`, 'version');
  }
  const sources = listSourceFiles(req.source);
  const format = req.format ?? guessFormat(line, sources);
  const formatFamily = format === 'gpt-sovits-v2' || format === 'piper' ? 'voice' : format.startsWith('emotion') ? 'emotion' : 'pretrained';
  if (formatFamily !== family) {
    throw new AppError('UNSUPPORTED_FORMAT', `a ${format} model does not belong on ${line}`, 'format');
  }
  const classified = classifyFiles(format, sources);
  const limit = deps.settings['modelStore.maxFileBytes'];
  for (const file of classified.files) {
    if (file.size > limit) {
      classified.findings.push({ file: file.relative, level: 'error', code: 'FILE_TOO_LARGE', message: `${file.size} bytes, over the ${limit}-byte limit per file` });
    }
  }
  refuseOnErrors(classified.findings);
  if (format === 'gpt-sovits-v2') {
    for (const clip of classified.files.filter((f) => f.role === 'reference-audio')) {
      classified.findings.push(...(await worker.lintAudio(clip.absolute, clip.relative)).findings);
    }
    refuseOnErrors(classified.findings);
  }
  return { line, family, staffCode, format, classified };
}

/**
 * Imports one version: check everything, then stream each file once into the store (hash
 * while copying, fsync, rename to its digest), then write the registry rows in one
 * transaction. Until that transaction commits, the version does not exist; a crash or cancel
 * before it leaves only pending blobs and temporary files, which the next sweep removes.
 */
export async function importVersion(deps: ImportDeps, req: ImportRequest, job: JobControl): Promise<{ manifest: Manifest; versionId: number }> {
  const worker = new StoreWorker(job.signal);
  const importId = randomUUID();
  let begun = false;
  try {
    job.progress({ phase: 'checking files', unit: 'bytes' });
    const { line, family, staffCode, format, classified } = await checkImport(deps, req, worker);
    const total = classified.files.reduce((sum, f) => sum + f.size, 0);
    const newBytes = classified.files
      .filter((f, i, all) => all.findIndex((g) => g.absolute === f.absolute) === i)
      .reduce((sum, f) => sum + f.size, 0);
    assertRoomFor(deps.layout.dataDir, newBytes, deps.settings['modelStore.diskLimitPercent'], deps.diskSpace?.());

    deps.repo.beginImport(importId, process.pid, deps.now().toISOString());
    begun = true;
    let lastBeat = Date.now();
    let done = 0;
    const stored: Array<ClassifiedFile & { sha256: string }> = [];
    for (const [index, file] of classified.files.entries()) {
      job.throwIfCancelled();
      job.progress({ phase: `copying ${file.relative}`, done, total });
      const tmp = deps.layout.tmpPath(importId, index);
      const { sha256, size } = await worker.copyAndHash(file.absolute, tmp, (bytes) => job.progress({ done: done + bytes, total }));
      if (size !== file.size) throw new AppError('CONFLICT', `${file.relative} changed while it was being imported`, 'path');
      commitBlob(deps.repo, deps.layout, importId, tmp, sha256);
      stored.push({ ...file, sha256 });
      done += size;
      job.progress({ done, total });
      if (Date.now() - lastBeat > HEARTBEAT_MS) {
        deps.repo.heartbeat(importId, deps.now().toISOString());
        lastBeat = Date.now();
      }
    }
    job.throwIfCancelled();
    if (deps.checkGraphs) {
      job.progress({ phase: 'checking the graphs', done, total });
      await deps.checkGraphs({
        line,
        version: req.version,
        format,
        // The reference texts come from sidecar files as well as voiceops.json: the graphs' check gets both.
        metadata: { ...classified.metadata, referenceTexts: classified.referenceTexts } as Record<string, unknown>,
        files: stored.map((f) => ({ path: f.relative, role: f.role, absolutePath: deps.layout.blobPath(f.sha256) })),
      });
    }
    await deps.beforeCommit?.();

    const importedAt = deps.now().toISOString();
    const manifest = buildManifest({
      line,
      version: req.version,
      format,
      files: stored.map((f) => ({ path: f.relative, role: f.role, size: f.size, sha256: f.sha256 })),
      importedAt,
      importedBy: req.actor,
      origin: req.origin,
      classified,
    });
    job.progress({ phase: 'registering', done, total });
    const versionId = deps.repo.transaction(() => {
      for (const f of stored) {
        // A concurrent sweep may have removed a deduplicated blob between our check and now.
        if (!fs.existsSync(deps.layout.blobPath(f.sha256))) throw new AppError('CONFLICT', `blob of ${f.relative} vanished during import; retry`);
      }
      if (staffCode && !deps.staff.find(staffCode)) throw new AppError('NOT_FOUND', `staff member "${staffCode}" was removed during the import`);
      deps.repo.ensureLine(line, family, staffCode, importedAt);
      const id = deps.repo.insertVersion({
        line,
        version: req.version,
        format,
        manifest: JSON.stringify(manifest),
        totalBytes: total,
        importedAt,
        importedBy: req.actor,
        files: manifest.files,
      });
      deps.repo.endImport(importId);
      return id;
    });
    begun = false;
    return { manifest, versionId };
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed: model_versions/.test(error.message)) {
      throw new AppError('CONFLICT', `${req.line} already has version ${req.version}`, 'version');
    }
    throw error;
  } finally {
    worker.close();
    if (begun) {
      removeImportTemporaries(deps.layout, importId);
      deps.repo.endImport(importId);
      sweepStore(deps.repo, deps.layout);
    }
  }
}
