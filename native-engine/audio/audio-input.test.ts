import wavefile from 'wavefile';
import { describe, expect, it } from 'vitest';
import { decodeToMono, normaliseZeroMeanUnitVariance, resampleTo } from './audio-input.js';

function stereoWav(seconds: number, sampleRate: number): Uint8Array {
  const frames = Math.round(seconds * sampleRate);
  const left = Int16Array.from({ length: frames }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)));
  const right = Int16Array.from({ length: frames }, () => 4000);
  const wav = new wavefile.WaveFile();
  wav.fromScratch(2, sampleRate, '16', [left, right]);
  return wav.toBuffer();
}

describe('audio input for audio models', () => {
  it('decodes and mixes stereo to mono by averaging the channels', async () => {
    const mono = await decodeToMono(stereoWav(0.5, 44100));
    expect(mono.sampleRate).toBe(44100);
    expect(mono.samples).toHaveLength(22050);
    expect(mono.samples[0]).toBeCloseTo(4000 / 32768 / 2, 4);
  });

  it('resamples 44.1 kHz to 16 kHz with the right length and frequency content', async () => {
    const audio = resampleTo(await decodeToMono(stereoWav(1, 44100)), 16000);
    expect(audio.sampleRate).toBe(16000);
    expect(audio.samples.length).toBeGreaterThanOrEqual(15999);
    expect(audio.samples.length).toBeLessThanOrEqual(16001);
    // 440 Hz survives: about 880 zero crossings of the tone around its DC offset per second.
    const mean = audio.samples.reduce((a, b) => a + b, 0) / audio.samples.length;
    let crossings = 0;
    for (let i = 1000; i < 15000; i++) if ((audio.samples[i - 1]! - mean) * (audio.samples[i]! - mean) < 0) crossings++;
    expect(crossings / 14000 * 16000).toBeGreaterThan(860);
    expect(crossings / 14000 * 16000).toBeLessThan(900);
  });

  it('refuses bytes that are not audio with UNSUPPORTED_FORMAT', async () => {
    await expect(decodeToMono(new TextEncoder().encode('definitely not audio'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
  });

  it('normalises to zero mean and unit variance', () => {
    const out = normaliseZeroMeanUnitVariance(Float32Array.from([1, 2, 3, 4]));
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 5);
    expect(out.reduce((a, b) => a + b * b, 0) / 4).toBeCloseTo(1, 4);
  });
});
