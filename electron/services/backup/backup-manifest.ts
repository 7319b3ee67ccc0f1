import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../api/index.js';
import type { BackupRow } from '../../db/repositories/backup-repository.js';
import type { TargetLayout } from './target-layout.js';

export const MANIFEST_FORMAT = 'voiceops-backup/1';

const fileSchema = z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0) });

/**
 * The manifest of one backup: what it holds and every file's SHA-256. It is written last and
 * atomically, so its presence is the proof that the backup is complete.
 */
export const backupManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  id: z.string(),
  kind: z.enum(['scheduled', 'manual', 'pre-restore']),
  createdAt: z.string(),
  appVersion: z.string(),
  durationMs: z.number(),
  /** Bytes of every file the backup references (registry, settings, model files). */
  totalBytes: z.number(),
  /** Bytes this backup had to copy (files not already in the target). */
  newBytes: z.number(),
  lines: z.array(
    z.object({
      line: z.string(),
      family: z.string(),
      staffCode: z.string().nullable(),
      pinnedVersion: z.string().nullable(),
      versions: z.array(z.object({ version: z.string(), format: z.string(), files: z.array(z.object({ path: z.string(), sha256: z.string(), size: z.number() })) })),
    }),
  ),
  staff: z.array(z.object({ code: z.string(), name: z.string() })),
  /** registry.db, settings.json and blobs/sha256/<ab>/<digest> of every model file. */
  files: z.array(fileSchema),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export function readManifest(layout: TargetLayout, id: string): BackupManifest {
  const file = layout.manifestPath(id);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('NOT_FOUND', `backup ${id} has no manifest in ${layout.folder} (it is incomplete or was removed)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new AppError('INTEGRITY_FAILED', `the manifest of backup ${id} is damaged (not JSON)`);
  }
  const checked = backupManifestSchema.safeParse(parsed);
  if (!checked.success || checked.data.id !== id) throw new AppError('INTEGRITY_FAILED', `the manifest of backup ${id} is damaged`);
  return checked.data;
}

/** The history row of a backup, which its manifest holds whole (written from it, or rebuilt from it). */
export function backupRowOf(manifest: BackupManifest, target: string): BackupRow {
  return {
    id: manifest.id,
    target,
    kind: manifest.kind,
    createdAt: manifest.createdAt,
    durationMs: manifest.durationMs,
    totalBytes: manifest.totalBytes,
    newBytes: manifest.newBytes,
    fileCount: manifest.files.length,
    versionCount: manifest.lines.reduce((n, l) => n + l.versions.length, 0),
    appVersion: manifest.appVersion,
  };
}

export function blobEntry(sha256: string): string {
  return `blobs/sha256/${sha256.slice(0, 2)}/${sha256}`;
}
