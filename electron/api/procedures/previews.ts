import { z } from 'zod';
import { defineProcedure, ROLES } from '../contract.js';
import { lineName, semverString, staffCode } from '../names.js';
import { EXECUTION_PROVIDERS } from './settings.js';
import { MODEL_FORMATS } from './models.js';

/** The limit for one preview text, counted in characters (code points, so 500 Chinese characters fit). */
export const PREVIEW_TEXT_MAX_CHARS = 500;
/** How many previews the history keeps on screen. */
export const PREVIEW_HISTORY_LIMIT = 20;
/** Formats whose decoder samples tokens, so top-k, top-p, temperature and a seed mean something. */
export const SAMPLING_FORMATS: readonly string[] = ['gpt-sovits-v2'];
/** Languages the GPT-SoVITS front end reads: Chinese, English, or both found segment by segment. */
export const GPT_SOVITS_LANGUAGES = ['zh', 'en', 'auto'] as const;
/**
 * Where a sampling voice sampled: 'host' honours the seed and settings; 'graph' is an export
 * that samples inside its decoders, so they cannot be honoured (the preview says so).
 */
export const samplingReportSchema = z.object({ where: z.enum(['host', 'graph']), seed: z.number().int().nullable() });
/** Reference clips larger than this are not sent to a browser (imports accept up to 50 MB). */
export const REFERENCE_CLIP_MAX_BYTES = 16 * 1024 * 1024;

/** Characters as a person counts them: a surrogate pair (emoji, rare CJK) is one. */
export function previewTextLength(text: string): number {
  return Array.from(text.trim()).length;
}

export const previewText = z
  .string()
  .trim()
  .min(1, 'type a sentence to hear')
  .refine((text) => previewTextLength(text) <= PREVIEW_TEXT_MAX_CHARS, `at most ${PREVIEW_TEXT_MAX_CHARS} characters`);

/** Ids are random UUIDs; the pattern keeps anything else (paths, "..") out of file names. */
export const PREVIEW_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const previewId = z.string().regex(PREVIEW_ID_PATTERN, 'not a preview id');

/** Why a version cannot be previewed; null when it can. */
export const PREVIEW_BLOCKS = ['no-pipeline', 'checkpoints-only', 'unhealthy'] as const;
export type PreviewBlock = (typeof PREVIEW_BLOCKS)[number];

export const previewParamsSchema = z.object({
  lengthScale: z.number().min(0.25).max(4).optional().describe('speed as a length scale: above 1 is slower'),
  noiseScale: z.number().min(0).max(2).optional().describe('voice variation (Piper noise_scale)'),
  noiseW: z.number().min(0).max(2).optional().describe('timing variation (Piper noise_w)'),
  topK: z.number().int().min(1).max(100).optional().describe('sampling formats only'),
  topP: z.number().gt(0).max(1).optional().describe('sampling formats only'),
  temperature: z.number().gt(0).max(2).optional().describe('sampling formats only'),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional().describe('sampling formats only'),
  repetitionPenalty: z.number().min(1).max(2).optional().describe('sampling formats only'),
  language: z.enum(GPT_SOVITS_LANGUAGES).optional().describe('GPT-SoVITS only: the language of the text (default auto)'),
});
export type PreviewParams = z.infer<typeof previewParamsSchema>;

const provider = z.enum(EXECUTION_PROVIDERS);

export const previewEmotionSchema = z.object({ label: z.string(), line: z.string(), version: z.string() });

export const previewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  staff: z.string(),
  line: z.string(),
  version: z.string(),
  format: z.enum(MODEL_FORMATS),
  text: z.string(),
  params: previewParamsSchema,
  sentenceCount: z.number().int(),
  state: z.enum(['synthesizing', 'ready', 'failed']),
  sampleRate: z.number().nullable(),
  durationSeconds: z.number().nullable(),
  /** Engine time for every sentence together. */
  synthesisMs: z.number().nullable(),
  realTimeFactor: z.number().nullable(),
  provider: provider.nullable(),
  /** What the emotion model reads in the text; null when no emotion model is installed. */
  emotion: previewEmotionSchema.nullable(),
  sample: z.boolean(),
});
export type Preview = z.infer<typeof previewSchema>;

export const ratingSummarySchema = z.object({
  line: z.string(),
  staff: z.string(),
  version: z.string(),
  average: z.number(),
  count: z.number().int(),
  lastRatedAt: z.string(),
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

export const previewVersionSchema = z.object({
  version: z.string(),
  format: z.enum(MODEL_FORMATS),
  importedAt: z.string(),
  active: z.boolean(),
  sample: z.boolean(),
  /** Null when the version can be previewed; otherwise why not (the screen explains each). */
  blocked: z.enum(PREVIEW_BLOCKS).nullable(),
  /** top-k, top-p, temperature and seed apply (GPT-SoVITS); Piper voices have none. */
  supportsSampling: z.boolean(),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
  references: z.array(z.object({ path: z.string(), text: z.string().nullable(), bytes: z.number() })),
});
export type PreviewVersion = z.infer<typeof previewVersionSchema>;

const previewIdentity = { staff: staffCode, version: semverString };

/** Hearing, comparing and rating the voice versions of staff members (supervisors and admins). */
export const previewProcedures = {
  'previews.voices': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: "A staff member's voice versions as the preview needs them: previewable or why not, rating so far, reference clips",
    input: z.object({ staff: staffCode }).strict(),
    output: z.object({
      staff: z.string(),
      name: z.string(),
      activeVersion: z.string().nullable(),
      versions: z.array(previewVersionSchema),
    }),
    cli: false,
  }),
  'previews.start': defineProcedure({
    kind: 'mutation',
    roles: ROLES,
    summary: 'Begin a preview: check the version can speak, split the text into sentences, read its emotion',
    input: z.object({ ...previewIdentity, text: previewText, ...previewParamsSchema.shape }).strict(),
    output: z.object({ preview: previewSchema, sentences: z.array(z.string()) }),
    cli: false,
  }),
  'previews.synthesize': defineProcedure({
    // Runs the voice through the engine's queue, like tts.synthesize; audited by previews.start
    // (and here when it fails). A query in kind because it changes no model.
    kind: 'query',
    roles: ROLES,
    summary: "Speak the next sentence of a preview; the last one completes the preview's WAV",
    input: z.object({ id: previewId, index: z.number().int().min(0) }).strict(),
    output: z.object({
      index: z.number().int(),
      of: z.number().int(),
      wavBase64: z.string(),
      durationSeconds: z.number(),
      synthesisMs: z.number(),
      realTimeFactor: z.number(),
      provider,
      /** Null for voices that do not sample (Piper). */
      sampling: samplingReportSchema.nullable(),
      preview: previewSchema,
    }),
    cli: false,
  }),
  'previews.list': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: `The last ${PREVIEW_HISTORY_LIMIT} finished previews: your own, or everyone's (admins)`,
    input: z.object({ scope: z.enum(['mine', 'all']).optional().describe('all: every account (admins only)') }).strict(),
    output: z.array(previewSchema),
    cli: { command: 'previews list' },
  }),
  'previews.get': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'A stored preview clip again, without synthesising (your own, or any for admins)',
    input: z.object({ id: previewId }).strict(),
    output: z.object({ preview: previewSchema, wavBase64: z.string() }),
    cli: { command: 'previews get', positionals: ['id'], fileOutput: { flag: 'out', field: 'wavBase64', description: 'WAV file to write' } },
  }),
  'previews.referenceAudio': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: "One reference clip of a voice version, with what it says (the path is one of the version's files)",
    input: z.object({ ...previewIdentity, path: z.string().min(1).max(512) }).strict(),
    output: z.object({ path: z.string(), text: z.string().nullable(), mimeType: z.string(), audioBase64: z.string() }),
    cli: false,
  }),
  'ratings.add': defineProcedure({
    kind: 'mutation',
    roles: ROLES,
    summary: 'Rate a voice version 1 to 5, optionally for one preview clip and with a comment',
    input: z
      .object({
        ...previewIdentity,
        score: z.number().int().min(1).max(5),
        comment: z.string().trim().max(1000).optional(),
        previewId: previewId.optional(),
        blind: z.boolean().optional().describe('rated in a blind A/B comparison'),
      })
      .strict(),
    output: z.object({
      id: z.number().int(),
      ratedAt: z.string(),
      summary: z.object({ average: z.number(), count: z.number().int() }),
    }),
    cli: { command: 'ratings add', positionals: ['staff', 'version'] },
  }),
  'ratings.summary': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Average rating and number of ratings of each voice version',
    input: z.object({ line: lineName.optional() }).strict(),
    output: z.array(ratingSummarySchema),
    cli: { command: 'ratings summary' },
  }),
};
