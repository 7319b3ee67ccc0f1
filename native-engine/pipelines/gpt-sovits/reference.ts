/**
 * The reference clip of a voice, made ready once per loaded version: decoded and mixed to mono
 * (native-engine/audio), resampled to 16 kHz with 0.3 s of zeros appended and run through the
 * SSL graph (the encoder's `ssl_content`), and resampled to 32 kHz with the peak rule for vits.
 * The reference text's phonemes complete it. A preview then never recomputes any of this.
 */
import fs from 'node:fs/promises';
import { Tensor, type InferenceSession } from 'onnxruntime-node';
import { AppError } from '../../../electron/api/index.js';
import { decodeToMono, resampleTo } from '../../audio/audio-input.js';
import type { GptSovitsLayout } from './layout.js';

export const SSL_SAMPLE_RATE = 16000;
export const VITS_SAMPLE_RATE = 32000;
export const SSL_PADDING_SECONDS = 0.3;
const SSL_DIMS = 768;

export interface PreparedReference {
  /** [1, 768, Ts] for the encoder. */
  sslContent: Tensor;
  /** [1, N] at 32 kHz for vits. */
  refAudio: Tensor;
  /** [1, Lr] phoneme ids of the reference text. */
  refSeq: Tensor;
}

/** The reference's rule for the 32 kHz clip: a peak over 1 is divided by min(2, peak). */
export function applyPeakRule(samples: Float32Array): Float32Array {
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  if (peak <= 1) return samples;
  const divisor = Math.min(2, peak);
  return samples.map((s) => s / divisor);
}

export function withTrailingZeros(samples: Float32Array, seconds: number, sampleRate: number): Float32Array {
  const padded = new Float32Array(samples.length + Math.round(seconds * sampleRate));
  padded.set(samples);
  return padded;
}

/** [1, 768, T] as the encoder takes it; some SSL exports answer [1, T, 768] and are transposed. */
export function sslContentOf(output: Tensor): Tensor {
  const [batch, a, b] = output.dims;
  if (output.dims.length !== 3 || batch !== 1) throw new AppError('UNSUPPORTED_FORMAT', `the SSL graph answered shape [${output.dims.join(', ')}]; expected [1, 768, T]`);
  if (a === SSL_DIMS) return output;
  if (b !== SSL_DIMS) throw new AppError('UNSUPPORTED_FORMAT', `the SSL graph answered shape [${output.dims.join(', ')}]; expected 768 features per frame`);
  const frames = a!;
  const source = output.data as Float32Array;
  const transposed = new Float32Array(source.length);
  for (let t = 0; t < frames; t++) for (let d = 0; d < SSL_DIMS; d++) transposed[d * frames + t] = source[t * SSL_DIMS + d]!;
  return new Tensor('float32', transposed, [1, SSL_DIMS, frames]);
}

export async function prepareReference(clipPath: string, refPhoneIds: number[], ssl: InferenceSession, layout: GptSovitsLayout): Promise<PreparedReference> {
  const mono = await decodeToMono(new Uint8Array(await fs.readFile(clipPath)));
  if (mono.samples.length === 0) throw new AppError('UNSUPPORTED_FORMAT', 'the reference clip has no audio');
  const at16k = withTrailingZeros(resampleTo(mono, SSL_SAMPLE_RATE).samples, SSL_PADDING_SECONDS, SSL_SAMPLE_RATE);
  const at32k = applyPeakRule(resampleTo(mono, VITS_SAMPLE_RATE).samples);
  let sslOut;
  try {
    sslOut = await ssl.run({ [layout.ssl.input]: new Tensor('float32', at16k, [1, at16k.length]) }, [layout.ssl.output]);
  } catch (error) {
    throw new AppError('UNSUPPORTED_FORMAT', `the SSL graph failed to run: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const features = sslOut[layout.ssl.output];
  if (!(features instanceof Tensor) || features.type !== 'float32') throw new AppError('UNSUPPORTED_FORMAT', 'the SSL graph gave no float32 features');
  return {
    sslContent: sslContentOf(features),
    refAudio: new Tensor('float32', at32k, [1, at32k.length]),
    refSeq: new Tensor('int64', BigInt64Array.from(refPhoneIds, BigInt), [1, refPhoneIds.length]),
  };
}
