import type { Migration } from '../migration.js';

/**
 * The model registry: staff members, model lines, versions and their files. Files live as
 * content-addressed blobs (blobs/sha256/..); these tables are the truth about which blob is
 * which file of which version. Imports in flight register the blobs they are writing so a
 * cleanup never deletes them, and so a crashed import can be swept at the next start.
 */
export const modelStore: Migration = {
  version: 2,
  name: 'model-store',
  up(db) {
    db.exec(`
      CREATE TABLE staff (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT
      );
      CREATE TABLE model_lines (
        line TEXT PRIMARY KEY,
        family TEXT NOT NULL CHECK (family IN ('voice', 'emotion', 'pretrained')),
        staff_code TEXT REFERENCES staff(code) ON DELETE CASCADE,
        pinned_version TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE model_versions (
        id INTEGER PRIMARY KEY,
        line TEXT NOT NULL REFERENCES model_lines(line) ON DELETE CASCADE,
        version TEXT NOT NULL,
        format TEXT NOT NULL,
        manifest TEXT NOT NULL,
        total_bytes INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        verify_state TEXT NOT NULL DEFAULT 'ok' CHECK (verify_state IN ('ok', 'corrupt', 'missing')),
        verified_at TEXT,
        UNIQUE (line, version)
      );
      CREATE TABLE version_files (
        version_id INTEGER NOT NULL REFERENCES model_versions(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        role TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'ok' CHECK (state IN ('ok', 'corrupt', 'missing')),
        PRIMARY KEY (version_id, path)
      );
      CREATE INDEX version_files_by_blob ON version_files (sha256);
      CREATE TABLE imports_in_flight (
        id TEXT PRIMARY KEY,
        pid INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      );
      CREATE TABLE pending_blobs (
        import_id TEXT NOT NULL REFERENCES imports_in_flight(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (import_id, sha256)
      );
    `);
  },
};
