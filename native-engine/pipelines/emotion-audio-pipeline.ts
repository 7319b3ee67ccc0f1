/**
 * Audio emotion ("advanced", Wav2Vec2-style): encoded audio -> decoded, mono, 16 kHz ->
 * float32 [1, N] -> logits over the labels -> softmax. Like a Hugging Face feature
 * extractor, the waveform is normalised to zero mean and unit variance unless the version's
 * `preprocessor_config.json` says `do_normalize: false`; its `sampling_rate` is honoured too.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Tensor } from 'onnxruntime-node';
import { z } from 'zod';
import { AppError } from '../../electron/api/index.js';
import { decodeToMono, normaliseZeroMeanUnitVariance, resampleTo } from '../audio/audio-input.js';
import { normaliseElementType, readGraphSignature } from './graph-signature.js';
import { EMOTION_MODEL_ROLE, checkScoreOutput, chooseScoreOutput, emotionResult, readLabels } from './emotion-scores.js';
import type { EmotionResult, GraphSignature, Pipeline } from './pipeline.js';
import { requireRequest, requireSession, throwIfAborted } from './request-checks.js';

/** Shorter clips carry too little to classify; longer ones are refused rather than cut silently. */
export const MIN_AUDIO_SECONDS = 0.1;
export const MAX_AUDIO_SECONDS = 60;

const preprocessorSchema = z.looseObject({
  sampling_rate: z.number().int().min(8000).max(48000).default(16000),
  do_normalize: z.boolean().default(true),
});

export interface AudioEmotionState {
  labels: string[];
  sampleRate: number;
  normalize: boolean;
}

function waveformInput(signature: GraphSignature) {
  return signature.inputs.find((i) => normaliseElementType(i.type) === 'float32');
}

export function checkAudioEmotionSignature(signature: GraphSignature | undefined): string[] {
  if (!signature) return [`no ${EMOTION_MODEL_ROLE} graph`];
  const problems: string[] = [];
  const input = waveformInput(signature);
  if (!input) problems.push('missing input: a float32 [1, N] waveform (input_values)');
  else if (input.shape.length > 0 && input.shape.length !== 2) {
    problems.push(`input \`${input.name}\` has rank ${input.shape.length} [${input.shape.join(', ')}], expected rank 2 ([1, N] waveform at 16 kHz)`);
  }
  const others = signature.inputs.filter((i) => i !== input && i.name !== 'attention_mask');
  if (others.length > 0) problems.push(`unexpected input(s) ${others.map((o) => `\`${o.name}\``).join(', ')}; an audio classifier takes the waveform (and optionally attention_mask)`);
  return [...problems, ...checkScoreOutput(signature, 'float32 [1, labels] logits')];
}

export const audioEmotionPipeline: Pipeline<AudioEmotionState> = {
  format: 'emotion-audio',
  requestKinds: ['emotion-audio'],
  sessionRoles: [EMOTION_MODEL_ROLE],

  checkSignature: (signatures) => checkAudioEmotionSignature(signatures[EMOTION_MODEL_ROLE]),

  async prepare(version) {
    const file = version.files.find((f) => path.posix.basename(f.path).toLowerCase() === 'preprocessor_config.json');
    const settings = preprocessorSchema.parse(file ? (JSON.parse(await fs.readFile(file.absolutePath, 'utf8')) as unknown) : {});
    return { labels: await readLabels(version), sampleRate: settings.sampling_rate, normalize: settings.do_normalize };
  },

  async run(sessions, state, request, signal): Promise<EmotionResult> {
    const { audio } = requireRequest(request, 'emotion-audio', 'emotion-audio');
    if (audio.byteLength === 0) throw new AppError('VALIDATION_FAILED', 'the audio is empty', 'audio');
    const open = requireSession(sessions, EMOTION_MODEL_ROLE);
    const signature = readGraphSignature(open.session);
    const problems = checkAudioEmotionSignature(signature);
    if (problems.length > 0) throw new AppError('UNSUPPORTED_FORMAT', `not an audio emotion classifier: ${problems.join('; ')}`);

    const decoded = await decodeToMono(audio);
    const seconds = decoded.samples.length / decoded.sampleRate;
    if (seconds < MIN_AUDIO_SECONDS) throw new AppError('VALIDATION_FAILED', `the audio is ${seconds.toFixed(2)} s long; at least ${MIN_AUDIO_SECONDS} s is needed`, 'audio');
    if (seconds > MAX_AUDIO_SECONDS) throw new AppError('VALIDATION_FAILED', `the audio is ${seconds.toFixed(1)} s long; at most ${MAX_AUDIO_SECONDS} s is accepted`, 'audio');
    throwIfAborted(signal);
    const resampled = resampleTo(decoded, state.sampleRate).samples;
    const waveform = state.normalize ? normaliseZeroMeanUnitVariance(resampled) : resampled;

    const input = waveformInput(signature)!;
    const output = chooseScoreOutput(signature.outputs)!;
    const feeds: Record<string, Tensor> = { [input.name]: new Tensor('float32', waveform, [1, waveform.length]) };
    if (open.session.inputNames.includes('attention_mask')) {
      feeds.attention_mask = new Tensor('int64', new BigInt64Array(waveform.length).fill(1n), [1, waveform.length]);
    }
    throwIfAborted(signal);
    let result;
    try {
      result = await open.session.run(feeds, [output.name]);
    } catch (error) {
      throw new AppError('UNSUPPORTED_FORMAT', `the classifier failed to run: ${error instanceof Error ? error.message : String(error)}`);
    }
    const scores = result[output.name];
    if (!(scores instanceof Tensor)) throw new AppError('UNSUPPORTED_FORMAT', `output \`${output.name}\` is not a tensor`);
    return emotionResult(state.labels, scores.data as Float32Array, output.name);
  },
};
