import type { Database } from 'better-sqlite3';

export type PreviewState = 'synthesizing' | 'ready' | 'failed';

export interface PreviewRow {
  id: string;
  createdAt: string;
  createdBy: string;
  staffCode: string;
  line: string;
  version: string;
  format: string;
  text: string;
  /** JSON: string[] */
  sentences: string;
  /** JSON: the parameters as given */
  params: string;
  state: PreviewState;
  partsDone: number;
  sampleRate: number | null;
  durationSeconds: number | null;
  synthesisMs: number;
  provider: string | null;
  emotionLabel: string | null;
  emotionLine: string | null;
  emotionVersion: string | null;
  sample: number;
  bytes: number | null;
  completedAt: string | null;
}

export type NewPreview = Pick<
  PreviewRow,
  'id' | 'createdAt' | 'createdBy' | 'staffCode' | 'line' | 'version' | 'format' | 'text' | 'sentences' | 'params' | 'emotionLabel' | 'emotionLine' | 'emotionVersion' | 'sample'
>;

const COLUMNS = `id, created_at AS createdAt, created_by AS createdBy, staff_code AS staffCode, line, version, format, text,
  sentences, params, state, parts_done AS partsDone, sample_rate AS sampleRate, duration_seconds AS durationSeconds,
  synthesis_ms AS synthesisMs, provider, emotion_label AS emotionLabel, emotion_line AS emotionLine,
  emotion_version AS emotionVersion, sample, bytes, completed_at AS completedAt`;

/** Preview records: who heard which voice version say what, and where its clip is. */
export class PreviewRepository {
  constructor(private readonly db: Database) {}

  insert(p: NewPreview): void {
    this.db
      .prepare(
        `INSERT INTO previews (id, created_at, created_by, staff_code, line, version, format, text, sentences, params,
           emotion_label, emotion_line, emotion_version, sample)
         VALUES (@id, @createdAt, @createdBy, @staffCode, @line, @version, @format, @text, @sentences, @params,
           @emotionLabel, @emotionLine, @emotionVersion, @sample)`,
      )
      .run(p);
  }

  find(id: string): PreviewRow | undefined {
    return this.db.prepare(`SELECT ${COLUMNS} FROM previews WHERE id = ?`).get(id) as PreviewRow | undefined;
  }

  /** One more sentence made: its engine time and provider count towards the preview. */
  partDone(id: string, index: number, part: { synthesisMs: number; provider: string; sampleRate: number }): boolean {
    const info = this.db
      .prepare(
        `UPDATE previews SET parts_done = parts_done + 1, synthesis_ms = synthesis_ms + ?, provider = ?, sample_rate = ?
         WHERE id = ? AND parts_done = ? AND state = 'synthesizing'`,
      )
      .run(part.synthesisMs, part.provider, part.sampleRate, id, index);
    return info.changes === 1;
  }

  /** Only after the WAV is complete on disk does the record point at it. */
  markReady(id: string, done: { durationSeconds: number; bytes: number; completedAt: string }): void {
    this.db
      .prepare(`UPDATE previews SET state = 'ready', duration_seconds = ?, bytes = ?, completed_at = ? WHERE id = ?`)
      .run(done.durationSeconds, done.bytes, done.completedAt, id);
  }

  markFailed(id: string, at: string): void {
    this.db.prepare(`UPDATE previews SET state = 'failed', completed_at = ? WHERE id = ? AND state = 'synthesizing'`).run(at, id);
  }

  /** Newest finished previews, of one account or of everyone. */
  recentReady(limit: number, createdBy?: string): PreviewRow[] {
    return (
      createdBy === undefined
        ? this.db.prepare(`SELECT ${COLUMNS} FROM previews WHERE state = 'ready' ORDER BY created_at DESC, rowid DESC LIMIT ?`).all(limit)
        : this.db
            .prepare(`SELECT ${COLUMNS} FROM previews WHERE state = 'ready' AND created_by = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`)
            .all(createdBy, limit)
    ) as PreviewRow[];
  }

  /** Previews created before the cut-off (ISO time), oldest first. */
  createdBefore(cutoff: string): PreviewRow[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM previews WHERE created_at < ? ORDER BY created_at`).all(cutoff) as PreviewRow[];
  }

  /** Previews still being made that were started before the cut-off: abandoned by their page. */
  stalledBefore(cutoff: string): PreviewRow[] {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM previews WHERE state = 'synthesizing' AND created_at < ?`)
      .all(cutoff) as PreviewRow[];
  }

  ids(): Set<string> {
    const rows = this.db.prepare('SELECT id FROM previews').all() as Array<{ id: string }>;
    return new Set(rows.map((r) => r.id));
  }

  delete(ids: readonly string[]): void {
    const remove = this.db.prepare('DELETE FROM previews WHERE id = ?');
    this.db.transaction(() => {
      for (const id of ids) remove.run(id);
    })();
  }
}
