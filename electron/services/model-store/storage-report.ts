import fs from 'node:fs';
import path from 'node:path';
import { AppError, type StorageReport } from '../../api/index.js';
import type { ModelRepository } from '../../db/repositories/model-repository.js';
import { databasePath } from '../../db/connection.js';
import { diskSpace, type DiskSpace } from './disk-space.js';
import type { StoreLayout } from './store-layout.js';

/** The brief: a staff member's voice is GPT 800 MB + SoVITS 600 MB + about 100 MB of reference audio. */
export const BRIEF_BYTES_PER_STAFF_MEMBER = 1.4 * 1000 ** 3;

export function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

/**
 * Where the space goes, in the brief's categories. Each stored blob is counted once, in the
 * first category that uses it, so the categories add up to what is really on disk; what
 * sharing saves is reported separately.
 */
export function storageReport(repo: ModelRepository, layout: StoreLayout, space: DiskSpace = diskSpace(layout.dataDir)): StorageReport {
  const counted = new Set<string>();
  const bytes = { pretrained: 0, emotion: 0, voice: 0, reference: 0 };
  const staff = new Map<string, { modelBytes: number; referenceAudioBytes: number }>();
  let logical = 0;
  const lines = repo.lines().sort((a, b) => ['pretrained', 'emotion', 'voice'].indexOf(a.family) - ['pretrained', 'emotion', 'voice'].indexOf(b.family));
  for (const line of lines) {
    for (const version of repo.versions(line.line)) {
      for (const file of repo.files(version.id)) {
        logical += file.size;
        const isReference = file.role === 'reference-audio' || file.role === 'reference-text';
        if (line.staffCode) {
          const entry = staff.get(line.staffCode) ?? { modelBytes: 0, referenceAudioBytes: 0 };
          if (isReference) entry.referenceAudioBytes += file.size;
          else entry.modelBytes += file.size;
          staff.set(line.staffCode, entry);
        }
        if (counted.has(file.sha256)) continue;
        counted.add(file.sha256);
        if (line.family === 'voice') bytes[isReference ? 'reference' : 'voice'] += file.size;
        else bytes[line.family] += file.size;
      }
    }
  }
  const stored = bytes.pretrained + bytes.emotion + bytes.voice + bytes.reference;
  const dbFile = databasePath(layout.dataDir);
  const database = ['', '-wal', '-shm'].reduce((sum, suffix) => sum + (fs.existsSync(dbFile + suffix) ? fs.statSync(dbFile + suffix).size : 0), 0);

  const voiceTotals = [...staff.values()].map((s) => s.modelBytes + s.referenceAudioBytes).filter((n) => n > 0);
  const measured = voiceTotals.length > 0;
  return {
    dataDir: layout.dataDir,
    disk: space,
    categories: [
      { key: 'pretrained', label: 'Pretrained base models', bytes: bytes.pretrained },
      { key: 'emotion', label: 'Emotion models', bytes: bytes.emotion },
      { key: 'voices', label: 'Staff voice models', bytes: bytes.voice },
      { key: 'referenceAudio', label: 'Reference audio', bytes: bytes.reference },
      { key: 'backups', label: 'Backups (on this disk)', bytes: folderBytes(path.join(layout.dataDir, 'backups')) },
      { key: 'logs', label: 'Logs', bytes: folderBytes(path.join(layout.dataDir, 'logs')) },
      { key: 'cache', label: 'Cache', bytes: folderBytes(path.join(layout.dataDir, 'cache')) },
      { key: 'voiceOutput', label: 'Voice previews', bytes: folderBytes(path.join(layout.dataDir, 'voice_output')) },
      { key: 'incoming', label: 'Waiting to be imported', bytes: folderBytes(layout.incoming) },
      { key: 'exports', label: 'Exported bundles', bytes: folderBytes(layout.exports) },
      { key: 'database', label: 'Registry database', bytes: database },
    ],
    staff: [...staff.entries()].map(([code, s]) => ({ code, ...s })).sort((a, b) => a.code.localeCompare(b.code)),
    storedBytes: stored,
    dedupSavedBytes: logical - stored,
    newStaffMemberEstimateBytes: measured ? Math.round(voiceTotals.reduce((a, b) => a + b, 0) / voiceTotals.length) : BRIEF_BYTES_PER_STAFF_MEMBER,
    newStaffMemberEstimateBasis: measured ? 'measured' : 'brief',
  };
}

export function listIncoming(layout: StoreLayout) {
  if (!fs.existsSync(layout.incoming)) return [];
  return fs
    .readdirSync(layout.incoming, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || e.isFile()))
    .map((e) => {
      const full = path.join(layout.incoming, e.name);
      const kind = e.isDirectory() ? ('folder' as const) : ('file' as const);
      const files = kind === 'folder' ? countFiles(full) : 1;
      return { name: e.name, kind, bytes: kind === 'folder' ? folderBytes(full) : fs.statSync(full).size, files };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function countFiles(dir: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countFiles(path.join(dir, entry.name));
    else if (entry.isFile()) n++;
  }
  return n;
}

/** Removes one entry of the incoming folder; the name must be a plain entry of that folder. */
export function deleteIncoming(layout: StoreLayout, name: string): { name: string; freedBytes: number } {
  const entry = listIncoming(layout).find((e) => e.name === name);
  if (!entry || name.includes('/') || name.includes('\\') || name.startsWith('.')) {
    throw new AppError('NOT_FOUND', `no "${name}" in the incoming folder`, 'name');
  }
  fs.rmSync(path.join(layout.incoming, name), { recursive: true, force: true });
  return { name, freedBytes: entry.bytes };
}
