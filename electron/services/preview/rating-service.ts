/** Ratings of voice versions: 1 to 5 with an optional comment, stored per version. */
import type { Database } from 'better-sqlite3';
import { AppError, type RatingSummary } from '../../api/index.js';
import { RatingRepository } from '../../db/repositories/rating-repository.js';
import type { PreviewRepository } from '../../db/repositories/preview-repository.js';
import { voiceLineOf } from '../model-store/model-lines.js';
import type { ModelStore } from '../model-store/model-store.js';

export interface RatingInput {
  staff: string;
  version: string;
  score: number;
  comment?: string | undefined;
  previewId?: string | undefined;
  blind?: boolean | undefined;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

export class RatingService {
  private readonly repo: RatingRepository;

  constructor(
    db: Database,
    private readonly store: ModelStore,
    private readonly previews: PreviewRepository,
    private readonly now: () => Date,
  ) {
    this.repo = new RatingRepository(db);
  }

  add(input: RatingInput, ratedBy: string): { id: number; ratedAt: string; summary: { average: number; count: number } } {
    if (!this.store.staffRepo.find(input.staff)) throw new AppError('NOT_FOUND', `no staff member "${input.staff}"`, 'staff');
    const line = voiceLineOf(input.staff);
    const row = this.store.repo.findVersion(line, input.version);
    if (!row) throw new AppError('NOT_FOUND', `${line} has no version ${input.version}`, 'version');
    if (input.previewId !== undefined) {
      const preview = this.previews.find(input.previewId);
      if (!preview) throw new AppError('NOT_FOUND', `no preview ${input.previewId}`, 'previewId');
      if (preview.line !== line || preview.version !== input.version) {
        throw new AppError('VALIDATION_FAILED', `preview ${input.previewId} is of ${preview.line} ${preview.version}, not ${line} ${input.version}`, 'previewId');
      }
    }
    const ratedAt = this.now().toISOString();
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    const id = this.repo.insert({
      versionId: row.id,
      line,
      version: input.version,
      previewId: input.previewId ?? null,
      score: input.score,
      comment,
      blind: input.blind === true,
      ratedBy,
      ratedAt,
    });
    const summary = this.repo.summaryOf(row.id);
    return { id, ratedAt, summary: { average: round2(summary.average), count: summary.count } };
  }

  summaries(line?: string): RatingSummary[] {
    return this.repo
      .summaries(line)
      .filter((s) => s.line.startsWith('voice/'))
      .map((s) => ({ line: s.line, staff: s.line.slice('voice/'.length), version: s.version, average: round2(s.average), count: s.count, lastRatedAt: s.lastRatedAt }));
  }
}
