import fs from 'node:fs';
import { AppError, type StaffMember } from '../../api/index.js';
import type { ModelRepository } from '../../db/repositories/model-repository.js';
import type { StaffRepository, StaffRow } from '../../db/repositories/staff-repository.js';
import { sweepStore } from './blob-sweeper.js';
import { parseManifest } from './manifest.js';
import { activeVersionOf, voiceLineOf } from './model-lines.js';
import type { StoreLayout } from './store-layout.js';

/** Staff members: each has one voice line, voice/<code>. */
export class StaffService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly repo: ModelRepository,
    private readonly layout: StoreLayout,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private describe(row: StaffRow): StaffMember {
    const line = this.repo.findLine(voiceLineOf(row.code));
    const versions = line ? this.repo.versions(line.line) : [];
    const activeVersion = line ? activeVersionOf(line, versions) : null;
    const isSample = (v: { manifest: string }) => parseManifest(v.manifest).metadata.sample === true;
    const active = versions.find((v) => v.version === activeVersion);
    return {
      ...row,
      versionCount: versions.length,
      activeVersion,
      totalBytes: versions.reduce((sum, v) => sum + v.totalBytes, 0),
      sample: active ? isSample(active) : versions.length > 0 && versions.every(isSample),
    };
  }

  private require(code: string): StaffRow {
    const row = this.staff.find(code);
    if (!row) throw new AppError('NOT_FOUND', `no staff member "${code}"`, 'code');
    return row;
  }

  list(includeRetired: boolean): StaffMember[] {
    return this.staff.list(includeRetired).map((row) => this.describe(row));
  }

  add(code: string, name: string): StaffMember {
    if (this.staff.find(code)) throw new AppError('CONFLICT', `staff code "${code}" is taken`, 'code');
    this.staff.insert(code, name, this.now().toISOString());
    return this.describe(this.require(code));
  }

  rename(code: string, name: string): StaffMember {
    this.require(code);
    this.staff.rename(code, name);
    return this.describe(this.require(code));
  }

  retire(code: string): StaffMember {
    this.require(code);
    this.staff.retire(code, this.now().toISOString());
    return this.describe(this.require(code));
  }

  /**
   * Removes a retired member and every version of their voice (reference audio included) for
   * good: rows first in one transaction, then the blobs nothing references any more.
   */
  purge(code: string, confirm: string): { code: string; removedVersions: number; freedBytes: number } {
    const row = this.require(code);
    if (confirm !== code) throw new AppError('VALIDATION_FAILED', 'type the staff code again to confirm the purge', 'confirm');
    if (!row.retiredAt) throw new AppError('CONFLICT', `retire "${code}" before purging; purge cannot be undone`, 'code');
    const line = voiceLineOf(code);
    const versions = this.repo.versions(line);
    this.repo.transaction(() => {
      for (const v of versions) this.repo.deleteVersion(v.id);
      this.repo.deleteLine(line);
      this.staff.delete(code);
    });
    const swept = fs.existsSync(this.layout.blobs) ? sweepStore(this.repo, this.layout) : { freedBytes: 0 };
    return { code, removedVersions: versions.length, freedBytes: swept.freedBytes };
  }
}
