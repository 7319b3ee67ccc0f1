import decodeAudio from 'audio-decode';
import { describe, expect, it } from 'vitest';
import { encodeWav16, floatToInt16PeakNormalised } from './wav-output.js';

describe('WAV output', () => {
  it("peak-normalises with Piper's rule 32767 / max(0.01, peak)", () => {
    expect(Array.from(floatToInt16PeakNormalised([0.25, -0.5, 0.125]))).toEqual([16384, -32767, 8192]);
    // Near silence is not blown up: a peak under 0.01 is scaled as if it were 0.01.
    expect(Array.from(floatToInt16PeakNormalised([0.001, -0.002]))).toEqual([3277, -6553]);
    expect(Array.from(floatToInt16PeakNormalised([NaN, 0.5]))).toEqual([0, 32767]);
  });

  it('writes a 16-bit mono WAV that a standard decoder reads back exactly', async () => {
    const samples = Int16Array.from({ length: 2205 }, (_, i) => Math.round(16000 * Math.sin(i / 5)));
    const wav = encodeWav16(samples, 22050);
    expect(new TextDecoder().decode(wav.slice(0, 4))).toBe('RIFF');
    const decoded = await decodeAudio(wav);
    expect(decoded.sampleRate).toBe(22050);
    expect(decoded.channelData).toHaveLength(1);
    expect(decoded.channelData[0]).toHaveLength(2205);
    expect(decoded.channelData[0]![5]! * 32768).toBeCloseTo(samples[5]!, 0);
  });
});
