import type { Migration } from '../migration.js';

/**
 * Voice previews and ratings. A preview row exists from the moment a supervisor starts one; it
 * points at its WAV (<data>/voice_output/<id>.wav) only once state is 'ready', i.e. after the
 * file was written completely. Previews go with their staff member (a purge leaves no clip
 * records behind; the files are swept by the next cleanup). Ratings belong to one stored
 * version: deleting the version deletes them, and a preview that is cleaned up later only
 * unlinks its ratings, which stay counted.
 */
export const previewsAndRatings: Migration = {
  version: 3,
  name: 'previews-and-ratings',
  up(db) {
    db.exec(`
      CREATE TABLE previews (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        staff_code TEXT NOT NULL REFERENCES staff(code) ON DELETE CASCADE,
        line TEXT NOT NULL,
        version TEXT NOT NULL,
        format TEXT NOT NULL,
        text TEXT NOT NULL,
        sentences TEXT NOT NULL,
        params TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'synthesizing' CHECK (state IN ('synthesizing', 'ready', 'failed')),
        parts_done INTEGER NOT NULL DEFAULT 0,
        sample_rate INTEGER,
        duration_seconds REAL,
        synthesis_ms REAL NOT NULL DEFAULT 0,
        provider TEXT,
        emotion_label TEXT,
        emotion_line TEXT,
        emotion_version TEXT,
        sample INTEGER NOT NULL DEFAULT 0,
        bytes INTEGER,
        completed_at TEXT
      );
      CREATE INDEX previews_by_time ON previews (created_at);
      CREATE INDEX previews_by_creator ON previews (created_by, created_at);
      CREATE INDEX previews_by_staff ON previews (staff_code);
      CREATE TABLE ratings (
        id INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES model_versions(id) ON DELETE CASCADE,
        line TEXT NOT NULL,
        version TEXT NOT NULL,
        preview_id TEXT REFERENCES previews(id) ON DELETE SET NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment TEXT,
        blind INTEGER NOT NULL DEFAULT 0,
        rated_by TEXT NOT NULL,
        rated_at TEXT NOT NULL
      );
      CREATE INDEX ratings_by_version ON ratings (version_id);
      CREATE INDEX ratings_by_line ON ratings (line, version);
      CREATE INDEX ratings_by_preview ON ratings (preview_id);
    `);
  },
};
