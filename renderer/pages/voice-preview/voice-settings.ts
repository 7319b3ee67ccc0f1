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
  repetitionPenalty: number | null;
  /** GPT-SoVITS: the language of the text; null = auto. */
  language: 'zh' | 'en' | null;
}

/** What the sliders show while a setting is the voice's default (Piper's usual values). */
export const DEFAULT_SETTINGS = { lengthScale: 1, noiseScale: 0.667 } as const;

export const NO_SETTINGS: VoiceSettings = { lengthScale: null, noiseScale: null, topK: null, topP: null, temperature: null, seed: null, repetitionPenalty: null, language: null };

/**
 * The parameters to send: only those set; Piper's speed and noise for Piper voices, the sampling
 * ones and the language for formats that sample (GPT-SoVITS takes no speed or noise).
 */
export function paramsOf(settings: VoiceSettings, supportsSampling: boolean): PreviewParams {
  const params: PreviewParams = {};
  if (!supportsSampling) {
    if (settings.lengthScale !== null) params.lengthScale = settings.lengthScale;
    if (settings.noiseScale !== null) params.noiseScale = settings.noiseScale;
  } else {
    if (settings.repetitionPenalty !== null) params.repetitionPenalty = settings.repetitionPenalty;
    if (settings.language !== null) params.language = settings.language;
    if (settings.topK !== null) params.topK = settings.topK;
    if (settings.topP !== null) params.topP = settings.topP;
    if (settings.temperature !== null) params.temperature = settings.temperature;
    if (settings.seed !== null) params.seed = settings.seed;
  }
  return params;
}
