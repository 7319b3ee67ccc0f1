import { z } from 'zod';
import { defineProcedure, ROLES } from '../contract.js';
import { emptyInput } from './system.js';

export const EXECUTION_PROVIDERS = ['cuda', 'webgpu', 'dml', 'cpu'] as const;
export type ExecutionProvider = (typeof EXECUTION_PROVIDERS)[number];

/** Every setting with its default (the brief's figures) and its bounds. */
export const settingsSchema = z.object({
  'modelStore.maxVersionsPerLine': z.number().int().min(1).max(100).default(5).describe('versions kept per model line'),
  'modelStore.maxFileBytes': z.number().int().min(1024).max(64 * 1024 ** 3).default(2_000_000_000).describe('largest model file accepted, bytes (the brief: 2 GB)'),
  'modelStore.verifyIntervalHours': z.number().int().min(1).max(24 * 365).default(24 * 7).describe('hours between scheduled verifications'),
  'modelStore.diskLimitPercent': z.number().min(50).max(99).default(90).describe('refuse imports that would fill the disk past this'),
  'engine.providerOrder': z
    .array(z.enum(EXECUTION_PROVIDERS))
    .min(1)
    .default(['cuda', 'webgpu', 'dml', 'cpu'])
    .describe('execution providers to try, in order; cpu always works'),
  'engine.maxConcurrent': z.number().int().min(1).max(64).default(4).describe('inference requests run at once'),
  'engine.queueLimit': z.number().int().min(0).max(1000).default(32).describe('requests that may wait; beyond, ENGINE_BUSY'),
  'engine.timeoutMs': z.number().int().min(1000).max(600_000).default(60_000).describe('per-request timeout'),
  'engine.cacheBudgetBytes': z.number().int().min(1024 * 1024).default(1_000_000_000).describe('memory budget of loaded models (the brief: 1 GB)'),
  'engine.cpuThreads': z.number().int().min(1).max(256).default(4).describe('CPU threads per inference'),
  'engine.gpuMemoryFraction': z.number().min(0.1).max(1).default(0.8).describe('share of GPU memory the engine may use'),
  'engine.warmUp': z.boolean().default(true).describe('run one inference before a preloaded model reports ready'),
  'preview.historyDays': z.number().int().min(1).max(365).default(7).describe('days a voice preview clip is kept in voice_output'),
  'backup.keepLast': z.number().int().min(1).max(1000).default(7).describe('backups kept per target: the newest N'),
  'backup.keepDaily': z.number().int().min(0).max(1000).default(7).describe('also the newest backup of each of the last N days'),
  'backup.keepWeekly': z.number().int().min(0).max(1000).default(4).describe('also the newest backup of each of the last N weeks'),
  'backup.keepMonthly': z.number().int().min(0).max(1000).default(6).describe('also the newest backup of each of the last N months'),
  'backup.verifySubsetPercent': z.number().min(1).max(100).default(100).describe('share of model files a scheduled backup verify re-reads'),
  'backup.verifyIntervalHours': z.number().int().min(1).max(24 * 365).default(24 * 7).describe('hours between scheduled verifications of the newest backup'),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const settingsProcedures = {
  'settings.get': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Show the settings (defaults from the brief where unchanged)',
    input: emptyInput,
    output: settingsSchema,
    cli: { command: 'settings show' },
  }),
  'settings.update': defineProcedure({
    kind: 'mutation',
    roles: ['admin'],
    summary: 'Change settings; only the given ones change',
    input: z.object({ patch: settingsSchema.partial().strict() }).strict(),
    output: settingsSchema,
    cli: false,
  }),
  'settings.set': defineProcedure({
    kind: 'mutation',
    roles: ['admin'],
    summary: 'Change one setting, e.g. settings set engine.providerOrder \'["webgpu","cpu"]\'',
    input: z
      .object({
        key: z.enum(Object.keys(settingsSchema.shape) as [SettingKey, ...SettingKey[]]),
        value: z.string().max(1000).describe('the value, as JSON (a bare word is taken as a string)'),
      })
      .strict(),
    output: settingsSchema,
    cli: { command: 'settings set', positionals: ['key', 'value'] },
  }),
};
