import type { Database } from 'better-sqlite3';

export type Family = 'voice' | 'emotion' | 'pretrained';
export type FileState = 'ok' | 'corrupt' | 'missing';

export interface LineRow {
  line: string;
  family: Family;
  staffCode: string | null;
  pinnedVersion: string | null;
}

export interface VersionRow {
  id: number;
  line: string;
  version: string;
  format: string;
  manifest: string;
  totalBytes: number;
  importedAt: string;
  importedBy: string;
  verifyState: FileState;
  verifiedAt: string | null;
}

export interface FileRow {
  versionId: number;
  path: string;
  role: string;
  size: number;
  sha256: string;
  state: FileState;
}

export interface NewVersion {
  line: string;
  version: string;
  format: string;
  manifest: string;
  totalBytes: number;
  importedAt: string;
  importedBy: string;
  files: Array<Omit<FileRow, 'versionId' | 'state'>>;
}

const VERSION_COLUMNS = `id, line, version, format, manifest, total_bytes AS totalBytes, imported_at AS importedAt,
  imported_by AS importedBy, verify_state AS verifyState, verified_at AS verifiedAt`;
const FILE_COLUMNS = 'version_id AS versionId, path, role, size, sha256, state';
const LINE_COLUMNS = 'line, family, staff_code AS staffCode, pinned_version AS pinnedVersion';

/** Model lines, versions and their files: the registry the blob folders are derived from. */
export class ModelRepository {
  constructor(private readonly db: Database) {}

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  lines(): LineRow[] {
    return this.db
      .prepare(`SELECT ${LINE_COLUMNS} FROM model_lines ORDER BY line`)
      .all() as LineRow[];
  }

  findLine(line: string): LineRow | undefined {
    return this.db
      .prepare(`SELECT ${LINE_COLUMNS} FROM model_lines WHERE line = ?`)
      .get(line) as LineRow | undefined;
  }

  ensureLine(line: string, family: Family, staffCode: string | null, now: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO model_lines (line, family, staff_code, created_at) VALUES (?, ?, ?, ?)')
      .run(line, family, staffCode, now);
  }

  setPinned(line: string, version: string | null): void {
    this.db.prepare('UPDATE model_lines SET pinned_version = ? WHERE line = ?').run(version, line);
  }

  deleteLine(line: string): void {
    this.db.prepare('DELETE FROM model_lines WHERE line = ?').run(line);
  }

  versions(line?: string): VersionRow[] {
    return (
      line
        ? this.db.prepare(`SELECT ${VERSION_COLUMNS} FROM model_versions WHERE line = ?`).all(line)
        : this.db.prepare(`SELECT ${VERSION_COLUMNS} FROM model_versions`).all()
    ) as VersionRow[];
  }

  findVersion(line: string, version: string): VersionRow | undefined {
    return this.db
      .prepare(`SELECT ${VERSION_COLUMNS} FROM model_versions WHERE line = ? AND version = ?`)
      .get(line, version) as VersionRow | undefined;
  }

  files(versionId: number): FileRow[] {
    return this.db.prepare(`SELECT ${FILE_COLUMNS} FROM version_files WHERE version_id = ? ORDER BY path`).all(versionId) as FileRow[];
  }

  allFiles(): FileRow[] {
    return this.db.prepare(`SELECT ${FILE_COLUMNS} FROM version_files`).all() as FileRow[];
  }

  insertVersion(v: NewVersion): number {
    const info = this.db
      .prepare(
        `INSERT INTO model_versions (line, version, format, manifest, total_bytes, imported_at, imported_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(v.line, v.version, v.format, v.manifest, v.totalBytes, v.importedAt, v.importedBy);
    const id = Number(info.lastInsertRowid);
    const insertFile = this.db.prepare('INSERT INTO version_files (version_id, path, role, size, sha256) VALUES (?, ?, ?, ?, ?)');
    for (const f of v.files) insertFile.run(id, f.path, f.role, f.size, f.sha256);
    return id;
  }

  deleteVersion(id: number): void {
    this.db.prepare('DELETE FROM model_versions WHERE id = ?').run(id);
  }

  setFileState(versionId: number, path: string, state: FileState): void {
    this.db.prepare('UPDATE version_files SET state = ? WHERE version_id = ? AND path = ?').run(state, versionId, path);
  }

  setVersionState(id: number, state: FileState, at: string): void {
    this.db.prepare('UPDATE model_versions SET verify_state = ?, verified_at = ? WHERE id = ?').run(state, at, id);
  }

  /** Every digest some version still references. */
  referencedDigests(): Set<string> {
    const rows = this.db.prepare('SELECT DISTINCT sha256 FROM version_files').all() as Array<{ sha256: string }>;
    return new Set(rows.map((r) => r.sha256));
  }

  // Imports in flight: registered before their first blob is written, removed with the final commit.

  beginImport(id: string, pid: number, now: string): void {
    this.db.prepare('INSERT INTO imports_in_flight (id, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?)').run(id, pid, now, now);
  }

  heartbeat(id: string, now: string): void {
    this.db.prepare('UPDATE imports_in_flight SET heartbeat_at = ? WHERE id = ?').run(now, id);
  }

  addPendingBlob(importId: string, sha256: string): void {
    this.db.prepare('INSERT OR IGNORE INTO pending_blobs (import_id, sha256) VALUES (?, ?)').run(importId, sha256);
  }

  endImport(id: string): void {
    this.db.prepare('DELETE FROM imports_in_flight WHERE id = ?').run(id);
  }

  importsInFlight(): Array<{ id: string; pid: number; heartbeatAt: string }> {
    return this.db.prepare('SELECT id, pid, heartbeat_at AS heartbeatAt FROM imports_in_flight').all() as Array<{
      id: string;
      pid: number;
      heartbeatAt: string;
    }>;
  }

  pendingDigests(importIds: string[]): Set<string> {
    if (importIds.length === 0) return new Set();
    const rows = this.db
      .prepare(`SELECT DISTINCT sha256 FROM pending_blobs WHERE import_id IN (${importIds.map(() => '?').join(',')})`)
      .all(...importIds) as Array<{ sha256: string }>;
    return new Set(rows.map((r) => r.sha256));
  }
}
