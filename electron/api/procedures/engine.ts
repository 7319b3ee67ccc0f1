import { z } from 'zod';
import { defineProcedure, ROLES } from '../contract.js';
import { lineName, semverString, staffCode } from '../names.js';
import { EXECUTION_PROVIDERS } from './settings.js';
import { emptyInput } from './system.js';
import { GPT_SOVITS_LANGUAGES, samplingReportSchema } from './previews.js';

const provider = z.enum(EXECUTION_PROVIDERS);
export const MAX_TEXT_CHARS = 2000;
const text = z
  .string()
  .trim()
  .min(1, 'type some text')
  .max(MAX_TEXT_CHARS, `at most ${MAX_TEXT_CHARS} characters`);

export const engineStatusSchema = z.object({
  runtime: z.object({ available: z.boolean(), version: z.string().nullable(), error: z.string().nullable() }),
  providerOrder: z.array(provider),
  providers: z.array(z.object({ provider, state: z.enum(['in use', 'unavailable', 'not tried yet']), reason: z.string().nullable() })),
  queue: z.object({ running: z.number(), waiting: z.number(), maxConcurrent: z.number(), queueLimit: z.number() }),
  cache: z.object({
    budgetBytes: z.number(),
    bytes: z.number(),
    entries: z.number(),
    hits: z.number(),
    misses: z.number(),
    evictions: z.number(),
    hitRate: z.number().nullable(),
  }),
  loaded: z.array(z.object({ line: z.string(), version: z.string(), bytes: z.number(), loadMs: z.number(), uses: z.number(), lastUsed: z.number(), provider })),
  metrics: z.array(
    z.object({
      line: z.string(),
      requests: z.number(),
      errors: z.number(),
      errorRate: z.number(),
      p50Ms: z.number().nullable(),
      p95Ms: z.number().nullable(),
      p99Ms: z.number().nullable(),
      perMinute: z.number(),
      lastLoadMs: z.number().nullable(),
    }),
  ),
  workerRestarts: z.number(),
  started: z.boolean(),
  /** Active versions loaded (and warmed up) at start, and whether each is ready. */
  preloads: z.array(z.object({ line: z.string(), version: z.string(), state: z.enum(['loading', 'ready', 'failed']), error: z.string().nullable() })),
});
export type EngineStatusReport = z.infer<typeof engineStatusSchema>;

const inferenceInfo = {
  line: z.string(),
  version: z.string(),
  provider,
  latencyMs: z.number(),
  fallbacks: z.array(z.object({ provider, reason: z.string() })),
};

export const emotionResultSchema = z.object({ label: z.string(), scores: z.record(z.string(), z.number()), ...inferenceInfo });

/** Running models: emotion from text or audio, speech from text, and the engine's state. */
export const engineProcedures = {
  'engine.status': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Execution providers (and why each unused one is not used), loaded models, queue, cache and latency',
    input: emptyInput,
    output: engineStatusSchema,
    cli: { command: 'engine status' },
  }),
  'emotion.analyze': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Read the emotion in a sentence with the active emotion model',
    input: z.object({ text, line: lineName.optional().describe('emotion line (default emotion/basic)') }).strict(),
    output: emotionResultSchema,
    cli: { command: 'emotion' },
  }),
  'emotion.analyzeAudio': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Read the emotion in a recording (wav, mp3, flac) with the audio emotion model',
    input: z
      .object({
        audioBase64: z.string().min(1).max(1_000_000).describe('the recording, base64'),
        line: lineName.optional().describe('emotion line (default emotion/advanced)'),
      })
      .strict(),
    output: emotionResultSchema,
    cli: false,
  }),
  'tts.synthesize': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: "Speak a text with a staff member's voice (the active version unless one is given)",
    input: z
      .object({
        staff: staffCode,
        version: semverString.optional(),
        text,
        lengthScale: z.number().min(0.25).max(4).optional().describe('speed: above 1 is slower'),
        noiseScale: z.number().min(0).max(2).optional(),
        noiseW: z.number().min(0).max(2).optional(),
        language: z.enum(GPT_SOVITS_LANGUAGES).optional().describe('GPT-SoVITS: zh, en or auto (default)'),
        topK: z.number().int().min(1).max(100).optional().describe('GPT-SoVITS sampling'),
        topP: z.number().gt(0).max(1).optional().describe('GPT-SoVITS sampling'),
        temperature: z.number().gt(0).max(2).optional().describe('GPT-SoVITS sampling'),
        repetitionPenalty: z.number().min(1).max(2).optional().describe('GPT-SoVITS sampling'),
        seed: z.number().int().min(0).max(2 ** 31 - 1).optional().describe('GPT-SoVITS sampling: same seed, same audio'),
      })
      .strict(),
    output: z.object({
      wavBase64: z.string(),
      /** GPT-SoVITS: where sampling ran and the seed used; null for Piper voices. */
      sampling: samplingReportSchema.nullable(),
      sampleRate: z.number(),
      durationSeconds: z.number(),
      synthesisMs: z.number(),
      realTimeFactor: z.number(),
      sample: z.boolean(),
      ...inferenceInfo,
    }),
    cli: { command: 'tts', fileOutput: { flag: 'out', field: 'wavBase64', description: 'WAV file to write' } },
  }),
  'samplePack.install': defineProcedure({
    kind: 'job',
    roles: ['admin'],
    summary: 'Install the sample models (a trained text emotion model, three sample voices; not cloned voices)',
    input: emptyInput,
    output: z.object({
      installed: z.array(z.string()),
      skipped: z.array(z.string()),
      emotionAccuracy: z.number().nullable(),
    }),
    cli: { command: 'sample-pack install' },
  }),
};
