import fs from 'node:fs';
import path from 'node:path';
import type { ModelRepository } from '../../db/repositories/model-repository.js';
import { syncDirectory, type StoreLayout } from './store-layout.js';

/**
 * Moves a complete, fsynced temporary file to its content address. The import registers the
 * digest as pending first, so a concurrent sweep cannot delete the blob before the version
 * row that references it is committed. A blob that is already stored is not written twice.
 */
export function commitBlob(repo: ModelRepository, layout: StoreLayout, importId: string, tmpFile: string, sha256: string): 'stored' | 'deduplicated' {
  repo.addPendingBlob(importId, sha256);
  const target = layout.blobPath(sha256);
  if (fs.existsSync(target)) {
    fs.rmSync(tmpFile, { force: true });
    return 'deduplicated';
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(tmpFile, target);
  // Blobs are never edited in place: read-only makes an accidental write fail loudly.
  fs.chmodSync(target, 0o444);
  syncDirectory(path.dirname(target));
  return 'stored';
}

/** Removes the temporary files an import left behind (on failure or cancel). */
export function removeImportTemporaries(layout: StoreLayout, importId: string): void {
  if (!fs.existsSync(layout.tmp)) return;
  for (const name of fs.readdirSync(layout.tmp)) {
    if (name.startsWith(`${importId}.`)) fs.rmSync(path.join(layout.tmp, name), { force: true });
  }
}
