import type { Database } from 'better-sqlite3';

export interface NewRating {
  versionId: number;
  line: string;
  version: string;
  previewId: string | null;
  score: number;
  comment: string | null;
  blind: boolean;
  ratedBy: string;
  ratedAt: string;
}

export interface RatingSummaryRow {
  line: string;
  version: string;
  average: number;
  count: number;
  lastRatedAt: string;
}

/** Ratings of voice versions, 1 to 5, as supervisors give them after listening. */
export class RatingRepository {
  constructor(private readonly db: Database) {}

  insert(r: NewRating): number {
    const info = this.db
      .prepare(
        `INSERT INTO ratings (version_id, line, version, preview_id, score, comment, blind, rated_by, rated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.versionId, r.line, r.version, r.previewId, r.score, r.comment, r.blind ? 1 : 0, r.ratedBy, r.ratedAt);
    return Number(info.lastInsertRowid);
  }

  /** Per stored version (ratings of deleted versions went with them). */
  summaries(line?: string): RatingSummaryRow[] {
    const where = line === undefined ? '' : 'WHERE line = ?';
    const sql = `SELECT line, version, AVG(score) AS average, COUNT(*) AS count, MAX(rated_at) AS lastRatedAt
      FROM ratings ${where} GROUP BY version_id ORDER BY line, version`;
    return (line === undefined ? this.db.prepare(sql).all() : this.db.prepare(sql).all(line)) as RatingSummaryRow[];
  }

  summaryOf(versionId: number): { average: number; count: number } {
    const row = this.db.prepare('SELECT AVG(score) AS average, COUNT(*) AS count FROM ratings WHERE version_id = ?').get(versionId) as {
      average: number | null;
      count: number;
    };
    return { average: row.average ?? 0, count: row.count };
  }
}
