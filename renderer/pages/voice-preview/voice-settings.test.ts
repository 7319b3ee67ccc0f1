import { describe, expect, it } from 'vitest';
import { NO_SETTINGS, paramsOf } from './voice-settings';

describe('the preview parameters sent for a voice', () => {
  const everything = { ...NO_SETTINGS, lengthScale: 1.2, noiseScale: 0.5, topK: 10, topP: 0.9, temperature: 0.8, seed: 7, repetitionPenalty: 1.2, language: 'en' as const };

  it('a Piper voice gets speed and noise only', () => {
    expect(paramsOf(everything, false)).toEqual({ lengthScale: 1.2, noiseScale: 0.5 });
  });

  it('a GPT-SoVITS voice gets the sampling settings and the language, never Piper speed or noise', () => {
    expect(paramsOf(everything, true)).toEqual({ topK: 10, topP: 0.9, temperature: 0.8, seed: 7, repetitionPenalty: 1.2, language: 'en' });
  });

  it('nothing set sends nothing: each voice speaks with its defaults (auto language)', () => {
    expect(paramsOf(NO_SETTINGS, true)).toEqual({});
    expect(paramsOf(NO_SETTINGS, false)).toEqual({});
  });
});
