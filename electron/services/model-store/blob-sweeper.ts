import fs from 'node:fs';
import path from 'node:path';
import type { ModelRepository } from '../../db/repositories/model-repository.js';
import type { StoreLayout } from './store-layout.js';

/** An import whose heartbeat is older than this is dead even if a process with its pid exists (pids get reused). */
export const IMPORT_HEARTBEAT_TIMEOUT_MS = 10 * 60 * 1000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface SweepReport {
  removedBlobs: number;
  freedBytes: number;
  removedTemporaryFiles: number;
  abandonedImports: number;
}

/**
 * Removes what no version references: blobs left by a deleted version or by a crashed import,
 * and temporary files of imports that are no longer running. Blobs that a live import has
 * registered as pending are never touched, so an import in flight is never robbed.
 */
export function sweepStore(repo: ModelRepository, layout: StoreLayout, now = Date.now()): SweepReport {
  const report: SweepReport = { removedBlobs: 0, freedBytes: 0, removedTemporaryFiles: 0, abandonedImports: 0 };
  const live: string[] = [];
  for (const entry of repo.importsInFlight()) {
    const fresh = now - Date.parse(entry.heartbeatAt) < IMPORT_HEARTBEAT_TIMEOUT_MS;
    if (fresh && processAlive(entry.pid)) live.push(entry.id);
    else {
      repo.endImport(entry.id);
      report.abandonedImports++;
    }
  }

  // Listing first, then reading what is protected: a blob that appears after the listing is not considered.
  const onDisk: Array<{ digest: string; file: string }> = [];
  if (fs.existsSync(layout.blobs)) {
    for (const fan of fs.readdirSync(layout.blobs)) {
      const dir = path.join(layout.blobs, fan);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const name of fs.readdirSync(dir)) {
        if (/^[0-9a-f]{64}$/.test(name)) onDisk.push({ digest: name, file: path.join(dir, name) });
      }
    }
  }
  const referenced = repo.referencedDigests();
  const pending = repo.pendingDigests(live);
  for (const blob of onDisk) {
    if (referenced.has(blob.digest) || pending.has(blob.digest)) continue;
    try {
      const size = fs.statSync(blob.file).size;
      fs.unlinkSync(blob.file);
      report.removedBlobs++;
      report.freedBytes += size;
    } catch {
      // Already gone: another sweep got there first.
    }
  }

  if (fs.existsSync(layout.tmp)) {
    const liveSet = new Set(live);
    for (const name of fs.readdirSync(layout.tmp)) {
      const importId = name.split('.')[0] ?? '';
      if (liveSet.has(importId)) continue;
      fs.rmSync(path.join(layout.tmp, name), { force: true });
      report.removedTemporaryFiles++;
    }
  }
  return report;
}
