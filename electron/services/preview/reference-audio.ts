/**
 * Reference clips of a voice version (what the cloned voice was made from), read from the
 * store. The path a caller names is only a key: it must be a reference-audio file of that
 * version's manifest, and the bytes come from the blob the manifest names, never from a path.
 */
import fs from 'node:fs';
import { AppError, REFERENCE_CLIP_MAX_BYTES } from '../../api/index.js';
import { parseManifest } from '../model-store/manifest.js';
import type { ModelStore } from '../model-store/model-store.js';
import type { VersionRow } from '../../db/repositories/model-repository.js';

const MIME_TYPES: Record<string, string> = { '.wav': 'audio/wav', '.mp3': 'audio/mpeg', '.flac': 'audio/flac', '.m4a': 'audio/mp4' };

export function mimeTypeOf(path: string): string {
  const ext = (/\.[^./]+$/.exec(path)?.[0] ?? '').toLowerCase();
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}

export function readReferenceClip(store: ModelStore, row: VersionRow, path: string): { path: string; text: string | null; mimeType: string; audioBase64: string } {
  const manifest = parseManifest(row.manifest);
  const file = manifest.files.find((f) => f.path === path && f.role === 'reference-audio');
  if (!file) throw new AppError('NOT_FOUND', `${row.line} ${row.version} has no reference clip "${path.slice(0, 120)}"`, 'path');
  const state = store.repo.files(row.id).find((f) => f.path === path)?.state ?? 'ok';
  if (state !== 'ok') throw new AppError('INTEGRITY_FAILED', `the reference clip ${path} is ${state}`, 'path');
  if (file.size > REFERENCE_CLIP_MAX_BYTES) {
    throw new AppError('UNSUPPORTED_FORMAT', `the reference clip ${path} is ${file.size} bytes; clips over ${REFERENCE_CLIP_MAX_BYTES} bytes are not sent to the browser`, 'path');
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(store.layout.blobPath(file.sha256));
  } catch {
    throw new AppError('INTEGRITY_FAILED', `the stored file of ${path} is missing; run a verification`, 'path');
  }
  const texts = (manifest.metadata.referenceTexts ?? {}) as Record<string, string>;
  return { path: file.path, text: texts[file.path] ?? null, mimeType: mimeTypeOf(file.path), audioBase64: bytes.toString('base64') };
}
