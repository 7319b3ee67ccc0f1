import fs from 'node:fs';
import type { BackupRow } from '../../db/repositories/backup-repository.js';
import type { JobControl } from '../../core/jobs.js';
import { readManifest } from './backup-manifest.js';
import { targetOf, type BackupDeps } from './backup-deps.js';
import { lockTarget } from './target-layout.js';
import { sweepTarget } from './run-backup.js';

export interface RetentionPolicy {
  keepLast: number;
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
}

/** Calendar parts of an instant in a time zone (days, ISO weeks and months are counted where the staff are). */
function zonedParts(iso: string, timeZone: string): { day: string; week: string; month: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(iso));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const [y, m, d] = [get('year'), get('month'), get('day')];
  // ISO week: the Thursday of the same week decides the year.
  const date = new Date(Date.UTC(y, m - 1, d));
  const dayOfWeek = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - dayOfWeek + 3);
  const weekYear = date.getUTCFullYear();
  const week = 1 + Math.floor((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86400000 / 7);
  return { day: `${y}-${m}-${d}`, week: `${weekYear}-W${week}`, month: `${y}-${m}` };
}

/**
 * restic's "forget" rules: keep the newest N backups, and the newest backup of each of the last
 * D days, W weeks and M months that have a backup; a backup kept by any rule is kept. Returns
 * the ids to keep, with the rules that kept each.
 */
export function applyRetention(backups: ReadonlyArray<Pick<BackupRow, 'id' | 'createdAt'>>, policy: RetentionPolicy, timeZone: string): Map<string, string[]> {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
  const kept = new Map<string, string[]>();
  const keep = (id: string, reason: string) => kept.set(id, [...(kept.get(id) ?? []), reason]);
  newestFirst.slice(0, policy.keepLast).forEach((b) => keep(b.id, 'last'));
  for (const [bucket, count] of [['day', policy.keepDaily], ['week', policy.keepWeekly], ['month', policy.keepMonthly]] as const) {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      if (seen.size >= count) break;
      const key = zonedParts(b.createdAt, timeZone)[bucket];
      if (seen.has(key)) continue;
      seen.add(key);
      keep(b.id, bucket === 'day' ? 'daily' : `${bucket}ly`);
    }
  }
  return kept;
}

export interface PruneReport {
  target: string;
  removedBackups: string[];
  keptBackups: number;
  removedBlobs: number;
  freedBytes: number;
}

/**
 * Forgets backups (manifest first: from that moment the backup no longer exists, whatever else
 * survives a crash), then removes every target blob that no remaining manifest references. The
 * manifests in the target are the truth, not our table, so a blob a kept backup needs is never
 * removed even if the table and the target disagree. `choose` picks the ids to forget.
 */
export async function forgetBackups(
  deps: BackupDeps,
  targetName: string,
  choose: (rows: readonly BackupRow[]) => ReadonlySet<string>,
  job?: JobControl,
): Promise<PruneReport> {
  const { layout } = targetOf(deps, targetName);
  const unlock = lockTarget(layout, targetName);
  try {
    sweepTarget(layout);
    const rows = deps.repo.backups(targetName);
    const forget = choose(rows);
    const removedBackups: string[] = [];
    for (const row of rows) {
      if (!forget.has(row.id)) continue;
      fs.rmSync(layout.manifestPath(row.id), { force: true });
      fs.rmSync(layout.backupDir(row.id), { recursive: true, force: true });
      deps.repo.deleteBackup(row.id);
      removedBackups.push(row.id);
    }
    job?.progress({ phase: 'finding unreferenced files', done: 0, total: null, unit: 'files' });
    const referenced = new Set<string>();
    for (const id of layout.scanBackups().complete) {
      try {
        for (const f of readManifest(layout, id).files) referenced.add(f.sha256);
      } catch {
        // A damaged manifest protects nothing it cannot name; verify reports it.
      }
    }
    let removedBlobs = 0;
    let freedBytes = 0;
    for (const digest of layout.blobsOnDisk()) {
      if (referenced.has(digest)) continue;
      const file = layout.blobPath(digest);
      freedBytes += fs.statSync(file).size;
      fs.rmSync(file, { force: true });
      removedBlobs++;
    }
    return { target: targetName, removedBackups, keptBackups: rows.length - removedBackups.length, removedBlobs, freedBytes };
  } finally {
    unlock();
  }
}

/** Retention: forgets the backups no rule keeps, then the files only they referenced. */
export function pruneTarget(deps: BackupDeps, targetName: string, policy: RetentionPolicy, timeZone: string, job?: JobControl): Promise<PruneReport> {
  return forgetBackups(
    deps,
    targetName,
    (rows) => {
      const kept = applyRetention(rows, policy, timeZone);
      return new Set(rows.filter((row) => !kept.has(row.id)).map((row) => row.id));
    },
    job,
  );
}
