/**
 * A Piper voice's `<voice>.onnx.json`, validated. Only the fields inference needs are
 * required; the rest (dataset, language details, training settings) pass through untouched.
 */
import fs from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../electron/api/index.js';

const nonNegative = z.number().nonnegative();

export const piperConfigSchema = z.looseObject({
  audio: z.looseObject({ sample_rate: z.number().int().min(1000).max(192000) }),
  espeak: z.looseObject({ voice: z.string().min(1) }).optional(),
  inference: z
    .looseObject({
      noise_scale: nonNegative.default(0.667),
      length_scale: z.number().positive().default(1),
      noise_w: nonNegative.default(0.8),
    })
    .default({ noise_scale: 0.667, length_scale: 1, noise_w: 0.8 }),
  phoneme_type: z.enum(['espeak', 'text']).default('espeak'),
  phoneme_map: z.record(z.string(), z.array(z.string())).default({}),
  phoneme_id_map: z.record(z.string(), z.array(z.number().int().nonnegative())).refine((m) => ['_', '^', '$'].every((s) => m[s]?.length), {
    message: 'phoneme_id_map must have the pad "_", start "^" and end "$" symbols',
  }),
  num_symbols: z.number().int().positive().optional(),
  num_speakers: z.number().int().positive().default(1),
  speaker_id_map: z.record(z.string(), z.number().int().nonnegative()).default({}),
});
export type PiperConfig = z.infer<typeof piperConfigSchema>;

export function parsePiperConfig(json: unknown, file = 'config'): PiperConfig {
  const parsed = piperConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new AppError('UNSUPPORTED_FORMAT', `${file} is not a usable Piper voice config: ${issues}`);
  }
  const config = parsed.data;
  if (config.phoneme_type === 'espeak' && !config.espeak) {
    throw new AppError('UNSUPPORTED_FORMAT', `${file}: an espeak voice needs espeak.voice`);
  }
  return config;
}

export async function readPiperConfig(file: string): Promise<PiperConfig> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new AppError('UNSUPPORTED_FORMAT', `cannot read the Piper config ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parsePiperConfig(json, file);
}
