/**
 * The last step of every speech pipeline: float audio from a graph to a 16-bit PCM WAV.
 * Peak normalisation is Piper's (32767 / max(0.01, peak)): loud enough whatever the model's
 * output level, and a near-silent output is not blown up into noise. The WAV container is
 * written by `wavefile`, a maintained library, rather than by hand.
 */
import wavefile from 'wavefile';

/** Scales to int16 with Piper's rule; values are clipped to the int16 range after scaling. */
export function floatToInt16PeakNormalised(audio: ArrayLike<number>): Int16Array {
  let peak = 0;
  for (let i = 0; i < audio.length; i++) {
    const value = Math.abs(audio[i]!);
    if (value > peak && Number.isFinite(value)) peak = value;
  }
  const scale = 32767 / Math.max(0.01, peak);
  const out = new Int16Array(audio.length);
  for (let i = 0; i < audio.length; i++) {
    const value = audio[i]!;
    out[i] = Number.isFinite(value) ? Math.max(-32768, Math.min(32767, Math.round(value * scale))) : 0;
  }
  return out;
}

/** A complete mono 16-bit PCM WAV file. */
export function encodeWav16(samples: Int16Array, sampleRate: number): Uint8Array {
  const wav = new wavefile.WaveFile();
  wav.fromScratch(1, sampleRate, '16', samples);
  return wav.toBuffer();
}
