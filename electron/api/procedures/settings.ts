import { z } from 'zod';
import { defineProcedure, ROLES } from '../contract.js';
import { emptyInput } from './system.js';

/** Every setting with its default (the brief's figures) and its bounds. */
export const settingsSchema = z.object({
  'modelStore.maxVersionsPerLine': z.number().int().min(1).max(100).default(5).describe('versions kept per model line'),
  'modelStore.maxFileBytes': z.number().int().min(1024).max(64 * 1024 ** 3).default(2 * 1024 ** 3).describe('largest model file accepted, bytes'),
  'modelStore.verifyIntervalHours': z.number().int().min(1).max(24 * 365).default(24 * 7).describe('hours between scheduled verifications'),
  'modelStore.diskLimitPercent': z.number().min(50).max(99).default(90).describe('refuse imports that would fill the disk past this'),
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
};
