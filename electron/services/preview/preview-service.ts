/**
 * Voice previews: a supervisor's sentence spoken by one version of a staff member's voice,
 * sentence by sentence through the engine's queue, kept in <data>/voice_output for replay and
 * recorded (who, staff, version, text, parameters, timings, emotion) in the registry.
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  AppError,
  PREVIEW_HISTORY_LIMIT,
  type ExecutionProvider,
  type ModelFormat,
  type Preview,
  type PreviewParams,
  type PreviewVersion,
} from '../../api/index.js';
import type { CallContext } from '../../core/dispatch.js';
import { describeOrigin } from '../../core/dispatch.js';
import type { Logger } from '../../core/logger.js';
import { PreviewRepository, type PreviewRow } from '../../db/repositories/preview-repository.js';
import type { VersionRow } from '../../db/repositories/model-repository.js';
import type { AuditLog } from '../audit/audit-log.js';
import { speechRequest, type EngineService } from '../engine/engine-service.js';
import { parseManifest } from '../model-store/manifest.js';
import { activeVersionOf, sortVersionsDescending, voiceLineOf } from '../model-store/model-lines.js';
import type { ModelStore } from '../model-store/model-store.js';
import { PreviewFiles } from './preview-files.js';
import { previewSentences } from './preview-sentences.js';
import { previewBlockOf, requirePreviewable, supportsSampling } from './previewable-version.js';
import { RatingService } from './rating-service.js';

export const EMOTION_LINE = 'emotion/basic';
/** Piper's controls; a GPT-SoVITS export takes none of them. */
const PIPER_FIELDS = ['lengthScale', 'noiseScale', 'noiseW'] as const;
const SAMPLING_FIELDS = ['topK', 'topP', 'temperature', 'seed', 'repetitionPenalty', 'language'] as const;

export interface PreviewServiceOptions {
  db: Database;
  dataDir: string;
  store: ModelStore;
  engine: EngineService;
  audit: AuditLog;
  logger: Logger;
  now?: () => Date;
}

export interface StartInput extends PreviewParams {
  staff: string;
  version: string;
  text: string;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function toPreview(row: PreviewRow): Preview {
  const duration = row.durationSeconds;
  return {
    id: row.id,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    staff: row.staffCode,
    line: row.line,
    version: row.version,
    format: row.format as ModelFormat,
    text: row.text,
    params: JSON.parse(row.params) as PreviewParams,
    sentenceCount: (JSON.parse(row.sentences) as string[]).length,
    state: row.state,
    sampleRate: row.sampleRate,
    durationSeconds: duration === null ? null : round(duration, 3),
    synthesisMs: row.state === 'ready' ? Math.round(row.synthesisMs) : null,
    realTimeFactor: row.state === 'ready' && duration ? round(row.synthesisMs / 1000 / duration, 4) : null,
    provider: (row.provider as ExecutionProvider | null) ?? null,
    emotion: row.emotionLabel && row.emotionLine && row.emotionVersion ? { label: row.emotionLabel, line: row.emotionLine, version: row.emotionVersion } : null,
    sample: row.sample === 1,
  };
}

export class PreviewService {
  readonly repo: PreviewRepository;
  readonly files: PreviewFiles;
  readonly ratings: RatingService;
  private readonly now: () => Date;
  /** Previews with a sentence in the engine right now: one at a time each, in order. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: PreviewServiceOptions) {
    this.repo = new PreviewRepository(options.db);
    this.files = new PreviewFiles(options.dataDir);
    this.now = options.now ?? (() => new Date());
    this.ratings = new RatingService(options.db, options.store, this.repo, this.now);
  }

  private get store(): ModelStore {
    return this.options.store;
  }

  private requireStaff(code: string): { code: string; name: string } {
    const member = this.store.staffRepo.find(code);
    if (!member) throw new AppError('NOT_FOUND', `no staff member "${code}"`, 'staff');
    return member;
  }

  /** The staff member's voice versions, newest first, as the preview screen shows them. */
  voices(staff: string): { staff: string; name: string; activeVersion: string | null; versions: PreviewVersion[] } {
    const member = this.requireStaff(staff);
    const line = voiceLineOf(staff);
    const lineRow = this.store.repo.findLine(line);
    const rows = lineRow ? this.store.repo.versions(line) : [];
    const active = lineRow ? activeVersionOf(lineRow, rows) : null;
    const ratings = new Map(this.ratings.summaries(line).map((s) => [s.version, s]));
    const versions = sortVersionsDescending(rows).map((row): PreviewVersion => {
      const manifest = parseManifest(row.manifest);
      const texts = (manifest.metadata.referenceTexts ?? {}) as Record<string, string>;
      const rating = ratings.get(row.version);
      return {
        version: row.version,
        format: row.format as ModelFormat,
        importedAt: row.importedAt,
        active: row.version === active,
        sample: manifest.metadata.sample === true,
        blocked: previewBlockOf(row, manifest),
        supportsSampling: supportsSampling(row.format),
        rating: { average: rating?.average ?? null, count: rating?.count ?? 0 },
        references: manifest.files
          .filter((f) => f.role === 'reference-audio')
          .map((f) => ({ path: f.path, text: texts[f.path] ?? null, bytes: f.size })),
      };
    });
    return { staff: member.code, name: member.name, activeVersion: active, versions };
  }

  /** The stored version a request names, with the errors a person can act on. */
  requireVersion(staff: string, version: string): VersionRow {
    this.requireStaff(staff);
    const line = voiceLineOf(staff);
    const rows = this.store.repo.versions(line);
    if (rows.length === 0) {
      throw new AppError('NOT_FOUND', `${staff} has no voice version yet; an admin imports one on Staff & Models`, 'staff');
    }
    const row = rows.find((r) => r.version === version);
    if (!row) throw new AppError('NOT_FOUND', `${line} has no version ${version}`, 'version');
    return row;
  }

  /**
   * Checks everything that can be checked without the voice (staff, version, format, text,
   * parameters), reads the text's emotion, and records the preview. Nothing here runs the voice.
   */
  async start(input: StartInput, ctx: CallContext): Promise<{ preview: Preview; sentences: string[] }> {
    const row = this.requireVersion(input.staff, input.version);
    const manifest = requirePreviewable(row);
    if (!supportsSampling(row.format)) {
      const given = SAMPLING_FIELDS.find((field) => input[field] !== undefined);
      if (given) throw new AppError('VALIDATION_FAILED', `${given} applies only to GPT-SoVITS voices; ${row.format} voices have no such control`, given);
    } else {
      const given = PIPER_FIELDS.find((field) => input[field] !== undefined);
      if (given) throw new AppError('VALIDATION_FAILED', `${given} applies only to Piper voices; ${row.format} voices have no such control`, given);
    }
    const sentences = previewSentences(input.text);
    if (sentences.length === 0) throw new AppError('VALIDATION_FAILED', 'the text has no words to speak', 'text');
    const params: PreviewParams = {};
    for (const key of ['lengthScale', 'noiseScale', 'noiseW', ...SAMPLING_FIELDS] as const) {
      if (input[key] !== undefined) Object.assign(params, { [key]: input[key] });
    }
    const emotion = await this.readEmotion(input.text, ctx);
    const id = crypto.randomUUID();
    this.repo.insert({
      id,
      createdAt: this.now().toISOString(),
      createdBy: ctx.user.name,
      staffCode: input.staff,
      line: row.line,
      version: row.version,
      format: row.format,
      text: input.text,
      sentences: JSON.stringify(sentences),
      params: JSON.stringify(params),
      emotionLabel: emotion?.label ?? null,
      emotionLine: emotion?.line ?? null,
      emotionVersion: emotion?.version ?? null,
      sample: manifest.metadata.sample === true ? 1 : 0,
    });
    return { preview: toPreview(this.repo.find(id)!), sentences };
  }

  /** The emotion model's reading of the text, through the engine like emotion.analyze; null without one. */
  private async readEmotion(text: string, ctx: CallContext): Promise<{ label: string; line: string; version: string } | null> {
    if (!this.store.repo.findLine(EMOTION_LINE)) return null;
    try {
      const { files, reply } = await this.options.engine.run(EMOTION_LINE, undefined, { kind: 'emotion-text', text });
      this.audited(ctx, 'emotion.analyze', `line=${files.line} version=${files.version}`, true);
      return reply.result.kind === 'emotion' ? { label: reply.result.label, line: files.line, version: files.version } : null;
    } catch (error) {
      // The preview does not depend on it: no emotion shown is better than no voice heard.
      this.options.logger.warn({ err: error, line: EMOTION_LINE }, 'emotion of a preview text could not be read');
      return null;
    }
  }

  private audited(ctx: CallContext, action: string, target: string, success: boolean, detail?: string): void {
    this.options.audit.record({ actor: ctx.user.name, role: ctx.user.role, action, target, success, origin: describeOrigin(ctx), detail: detail ?? null });
  }

  /** The previews of the caller (or anyone's, for admins); others' ids are "not found". */
  private ownPreview(id: string, ctx: CallContext, anyoneForAdmin: boolean): PreviewRow {
    const row = this.repo.find(id);
    const visible = row && (row.createdBy === ctx.user.name || (anyoneForAdmin && ctx.user.role === 'admin'));
    if (!row || !visible) throw new AppError('NOT_FOUND', `no preview ${id}`, 'id');
    return row;
  }

  /**
   * Speaks sentence `index` (they come in order, one at a time per preview). The last one joins
   * every sentence into the preview's clip and only then marks it ready.
   */
  async synthesize({ id, index }: { id: string; index: number }, ctx: CallContext) {
    const row = this.ownPreview(id, ctx, false);
    const sentences = JSON.parse(row.sentences) as string[];
    if (row.state !== 'synthesizing') throw new AppError('CONFLICT', `preview ${id} is already ${row.state}`, 'id');
    if (index !== row.partsDone || index >= sentences.length) {
      throw new AppError('CONFLICT', `preview ${id} expects sentence ${row.partsDone} next (of ${sentences.length})`, 'index');
    }
    if (this.inFlight.has(id)) throw new AppError('CONFLICT', `sentence ${index} of preview ${id} is being made already`, 'index');
    const params = JSON.parse(row.params) as PreviewParams;
    const target = `staff=${row.staffCode} version=${row.version} preview=${id}`;
    this.inFlight.add(id);
    let reply;
    try {
      const request = speechRequest(sentences[index]!, params);
      reply = (await this.options.engine.run(row.line, row.version, request)).reply;
      if (reply.result.kind !== 'speech') throw new AppError('UNSUPPORTED_FORMAT', `${row.line} did not answer with speech`);
    } catch (error) {
      this.repo.markFailed(id, this.now().toISOString());
      this.files.removeParts(id);
      this.audited(ctx, 'previews.synthesize', target, false, error instanceof AppError ? error.code : 'INTERNAL');
      throw error;
    } finally {
      this.inFlight.delete(id);
    }
    const { wav, sampleRate, durationSeconds } = reply.result;
    const last = index === sentences.length - 1;
    const single = sentences.length === 1;
    this.files.writeAtomic(single ? this.files.clipPath(id) : this.files.partPath(id, index), wav);
    this.repo.partDone(id, index, { synthesisMs: reply.info.inferenceMs, provider: reply.info.provider, sampleRate });
    if (last) {
      const whole = single ? { wav, durationSeconds } : this.files.joinParts(id, sentences.length);
      if (!single) this.files.writeAtomic(this.files.clipPath(id), whole.wav);
      this.repo.markReady(id, { durationSeconds: whole.durationSeconds, bytes: whole.wav.byteLength, completedAt: this.now().toISOString() });
      this.files.removeParts(id);
    }
    return {
      index,
      of: sentences.length,
      wavBase64: Buffer.from(wav).toString('base64'),
      durationSeconds: round(durationSeconds, 3),
      synthesisMs: Math.round(reply.info.inferenceMs),
      realTimeFactor: durationSeconds > 0 ? round(reply.info.inferenceMs / 1000 / durationSeconds, 4) : 0,
      provider: reply.info.provider,
      sampling: reply.result.sampling ?? null,
      preview: toPreview(this.repo.find(id)!),
    };
  }

  list(scope: 'mine' | 'all', ctx: CallContext): Preview[] {
    if (scope === 'all' && ctx.user.role !== 'admin') {
      throw new AppError('FORBIDDEN', "only admins may list everyone's previews", 'scope');
    }
    return this.repo.recentReady(PREVIEW_HISTORY_LIMIT, scope === 'all' ? undefined : ctx.user.name).map(toPreview);
  }

  get(id: string, ctx: CallContext): { preview: Preview; wavBase64: string } {
    const row = this.ownPreview(id, ctx, true);
    if (row.state !== 'ready') throw new AppError('NOT_FOUND', `preview ${id} has no clip (${row.state})`, 'id');
    return { preview: toPreview(row), wavBase64: this.files.read(this.files.clipPath(id)).toString('base64') };
  }
}
