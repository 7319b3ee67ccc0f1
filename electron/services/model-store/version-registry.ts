import semver from 'semver';
import { AppError, type LineSummary } from '../../api/index.js';
import type { LineRow, ModelRepository, VersionRow } from '../../db/repositories/model-repository.js';
import { sweepStore } from './blob-sweeper.js';
import { parseManifest } from './manifest.js';
import { activeVersionOf, sortVersionsDescending } from './model-lines.js';
import type { StoreLayout } from './store-layout.js';
import { summarizeLine, summarizeVersion } from './version-summaries.js';

/** Listing, promotion, rollback, deletion and retention of versions: registry rows only, blobs follow. */
export class VersionRegistry {
  constructor(
    private readonly repo: ModelRepository,
    private readonly layout: StoreLayout,
  ) {}

  private requireLine(line: string): LineRow {
    const row = this.repo.findLine(line);
    if (!row) throw new AppError('NOT_FOUND', `no model line ${line}`, 'line');
    return row;
  }

  private requireVersion(line: string, version: string): VersionRow {
    const row = this.repo.findVersion(line, version);
    if (!row) throw new AppError('NOT_FOUND', `${line} has no version ${version}`, 'version');
    return row;
  }

  list(line?: string): LineSummary[] {
    const lines = line ? [this.requireLine(line)] : this.repo.lines();
    return lines.map((l) => summarizeLine(l, this.repo.versions(l.line)));
  }

  summary(line: string): LineSummary {
    return summarizeLine(this.requireLine(line), this.repo.versions(line));
  }

  show(line: string, version: string) {
    const lineRow = this.requireLine(line);
    const row = this.requireVersion(line, version);
    const manifest = parseManifest(row.manifest);
    const active = activeVersionOf(lineRow, this.repo.versions(line));
    return {
      ...summarizeVersion(row, lineRow, active),
      files: this.repo.files(row.id).map(({ versionId: _id, ...file }) => file),
      metadata: manifest.metadata as Record<string, unknown>,
    };
  }

  /** Pins a version as active. A version with a corrupt or missing file cannot be promoted. */
  promote(line: string, version: string): LineSummary {
    this.requireLine(line);
    const row = this.requireVersion(line, version);
    if (row.verifyState !== 'ok') {
      throw new AppError('INTEGRITY_FAILED', `${line} ${version} has ${row.verifyState} files; repair or re-import it first`, 'version');
    }
    this.repo.setPinned(line, version);
    return this.summary(line);
  }

  /** Pins the highest healthy version below the active one. */
  rollback(line: string): LineSummary {
    const lineRow = this.requireLine(line);
    const versions = this.repo.versions(line);
    const active = activeVersionOf(lineRow, versions);
    if (!active) throw new AppError('CONFLICT', `${line} has no active version to roll back from`, 'line');
    const previous = sortVersionsDescending(versions).find((v) => semver.lt(v.version, active) && v.verifyState === 'ok');
    if (!previous) throw new AppError('CONFLICT', `${line} has no healthy version older than ${active}`, 'line');
    this.repo.setPinned(line, previous.version);
    return this.summary(line);
  }

  unpin(line: string): LineSummary {
    this.requireLine(line);
    this.repo.setPinned(line, null);
    return this.summary(line);
  }

  delete(line: string, version: string): { freedBytes: number } {
    const lineRow = this.requireLine(line);
    const row = this.requireVersion(line, version);
    if (lineRow.pinnedVersion === version) throw new AppError('CONFLICT', `${version} is pinned; promote another version first`, 'version');
    if (activeVersionOf(lineRow, this.repo.versions(line)) === version) {
      throw new AppError('CONFLICT', `${version} is the active version; promote another version first`, 'version');
    }
    this.repo.deleteVersion(row.id);
    return { freedBytes: sweepStore(this.repo, this.layout).freedBytes };
  }

  /**
   * Keeps at most `keep` versions of a line: the oldest beyond that go, except the active and
   * the pinned one, which are never removed. Returns the versions removed.
   */
  applyRetention(line: string, keep: number): string[] {
    const lineRow = this.requireLine(line);
    const versions = sortVersionsDescending(this.repo.versions(line));
    const active = activeVersionOf(lineRow, versions);
    const protectedVersions = new Set([active, lineRow.pinnedVersion].filter((v): v is string => Boolean(v)));
    // The protected versions take their places first; the newest others fill what is left.
    let kept = versions.filter((v) => protectedVersions.has(v.version)).length;
    const removed: string[] = [];
    this.repo.transaction(() => {
      for (const v of versions) {
        if (protectedVersions.has(v.version)) continue;
        if (kept < keep) {
          kept++;
          continue;
        }
        this.repo.deleteVersion(v.id);
        removed.push(v.version);
      }
    });
    if (removed.length > 0) sweepStore(this.repo, this.layout);
    return removed;
  }
}
