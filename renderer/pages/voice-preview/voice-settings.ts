import type { PreviewParams } from '../../../electron/api/index.js';

/**
 * The settings of the compose form. null means "the voice's own default" (its config's
 * inference values), so nothing is sent and each voice speaks as it was tuned.
 */
export interface VoiceSettings {
  lengthScale: number | null;
  noiseScale: number | null;
  topK: number | null;
  topP: number | null;
  temperature: number | null;
  seed: number | null;
}

/** What the sliders show while a setting is the voice's default (Piper's usual values). */
export const DEFAULT_SETTINGS = { lengthScale: 1, noiseScale: 0.667 } as const;

export const NO_SETTINGS: VoiceSettings = { lengthScale: null, noiseScale: null, topK: null, topP: null, temperature: null, seed: null };

/** The parameters to send: only those set, and sampling ones only where the format samples. */
export function paramsOf(settings: VoiceSettings, supportsSampling: boolean): PreviewParams {
  const params: PreviewParams = {};
  if (settings.lengthScale !== null) params.lengthScale = settings.lengthScale;
  if (settings.noiseScale !== null) params.noiseScale = settings.noiseScale;
  if (supportsSampling) {
    if (settings.topK !== null) params.topK = settings.topK;
    if (settings.topP !== null) params.topP = settings.topP;
    if (settings.temperature !== null) params.temperature = settings.temperature;
    if (settings.seed !== null) params.seed = settings.seed;
  }
  return params;
}
