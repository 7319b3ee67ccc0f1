/**
 * Encoded audio (wav, mp3, flac, m4a) to the mono float waveform an audio model takes:
 * decoded by `audio-decode`, mixed to mono by averaging the channels, resampled by
 * `wave-resampler` (windowed sinc with its low-pass filter, so downsampling does not alias).
 */
import decodeAudio from 'audio-decode';
import waveResampler from 'wave-resampler';
import { AppError } from '../../electron/api/index.js';

export interface MonoAudio {
  samples: Float32Array;
  sampleRate: number;
}

export async function decodeToMono(bytes: Uint8Array): Promise<MonoAudio> {
  let decoded: { channelData: Float32Array[]; sampleRate: number };
  try {
    decoded = await decodeAudio(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('UNSUPPORTED_FORMAT', `cannot decode the audio (wav, mp3, flac or m4a expected): ${reason}`, 'audio');
  }
  const channels = decoded.channelData;
  const length = channels[0]?.length ?? 0;
  if (channels.length === 1) return { samples: channels[0]!, sampleRate: decoded.sampleRate };
  const mono = new Float32Array(length);
  for (const channel of channels) {
    for (let i = 0; i < length; i++) mono[i]! += channel[i]! / channels.length;
  }
  return { samples: mono, sampleRate: decoded.sampleRate };
}

export function resampleTo(audio: MonoAudio, sampleRate: number): MonoAudio {
  if (audio.sampleRate === sampleRate) return audio;
  const resampled = waveResampler.resample(audio.samples, audio.sampleRate, sampleRate, { method: 'sinc' });
  return { samples: Float32Array.from(resampled), sampleRate };
}

/** Zero mean, unit variance: what Wav2Vec2 feature extractors do when `do_normalize` is set. */
export function normaliseZeroMeanUnitVariance(samples: Float32Array): Float32Array {
  let mean = 0;
  for (const s of samples) mean += s;
  mean /= Math.max(1, samples.length);
  let variance = 0;
  for (const s of samples) variance += (s - mean) ** 2;
  variance /= Math.max(1, samples.length);
  const scale = 1 / Math.sqrt(variance + 1e-7);
  return samples.map((s) => (s - mean) * scale);
}
