/**
 * Piper / VITS voices: text -> phonemes (espeak-ng through `phonemizer`, or the characters
 * themselves for `phoneme_type: text`) -> ids `^ _ (ph _)* $` -> the graph -> a 16-bit WAV.
 * Each sentence runs as its own graph call, as in Piper, and the sentences are joined with
 * Piper's default 0.2 s of silence; the whole utterance is then peak-normalised once.
 */
import { Tensor } from 'onnxruntime-node';
import { AppError } from '../../electron/api/index.js';
import { encodeWav16, floatToInt16PeakNormalised } from '../audio/wav-output.js';
import { espeakPhonemes, isEspeakVoiceAvailable } from '../text/espeak-phonemes.js';
import { phonemesToIds, splitLongPhonemes } from '../text/phoneme-ids.js';
import { textPhonemes } from '../text/text-phonemes.js';
import { compareValue, findValue, normaliseElementType, readGraphSignature } from './graph-signature.js';
import type { GraphSignature, OpenSession, Pipeline, SpeechRequest, SpeechResult, VersionFiles } from './pipeline.js';
import { readPiperConfig, type PiperConfig } from './piper-config.js';
import { finiteInRange, requireRequest, requireSession, requireText, throwIfAborted } from './request-checks.js';

export const PIPER_MODEL_ROLE = 'piper-model';
const PIPER_CONFIG_ROLE = 'piper-config';
/** Phonemes per graph call; longer sentences are cut at a word boundary. */
export const MAX_PHONEMES_PER_CALL = 400;
const SENTENCE_SILENCE_SECONDS = 0.2;

export interface PiperState {
  config: PiperConfig;
}

export function checkPiperSignature(signature: GraphSignature | undefined): string[] {
  if (!signature) return [`no ${PIPER_MODEL_ROLE} graph`];
  const problems = [
    ...compareValue('input', findValue(signature.inputs, 'input'), { name: 'input', type: 'int64', rank: 2, describe: '[1, N] phoneme ids' }),
    ...compareValue('input', findValue(signature.inputs, 'input_lengths'), { name: 'input_lengths', type: 'int64', rank: 1, describe: '[1] number of ids' }),
    ...compareValue('input', findValue(signature.inputs, 'scales'), { name: 'scales', type: 'float32', rank: 1, describe: '[3] noise_scale, length_scale, noise_w' }),
  ];
  const sid = findValue(signature.inputs, 'sid');
  if (sid) problems.push(...compareValue('input', sid, { name: 'sid', type: 'int64', rank: 1, describe: '[1] speaker id' }));
  const known = new Set(['input', 'input_lengths', 'scales', 'sid']);
  for (const extra of signature.inputs.filter((i) => !known.has(i.name))) {
    problems.push(`unexpected input \`${extra.name}\` (a Piper graph takes input, input_lengths, scales and, with several speakers, sid)`);
  }
  const output = findValue(signature.outputs, 'output') ?? signature.outputs[0];
  if (!output) problems.push('missing output `output` (float32 audio, [1, 1, 1, T])');
  else if (normaliseElementType(output.type) !== 'float32') problems.push(`output \`${output.name}\` is ${normaliseElementType(output.type)}, expected float32 audio`);
  return problems;
}

function speakerIdFor(request: SpeechRequest, config: PiperConfig): number {
  const id = request.speakerId ?? 0;
  if (!Number.isInteger(id) || id < 0 || id >= config.num_speakers) {
    throw new AppError('VALIDATION_FAILED', `speakerId must be an integer from 0 to ${config.num_speakers - 1}`, 'speakerId');
  }
  return id;
}

async function phonemesFor(text: string, config: PiperConfig): Promise<string[][]> {
  if (config.phoneme_type === 'espeak') return espeakPhonemes(text, config.espeak!.voice);
  return textPhonemes(text, (symbol) => config.phoneme_id_map[symbol] !== undefined);
}

async function runGraph(open: OpenSession, feeds: Record<string, Tensor>): Promise<Float32Array> {
  const outputName = open.session.outputNames.includes('output') ? 'output' : open.session.outputNames[0]!;
  let result;
  try {
    result = await open.session.run(feeds, [outputName]);
  } catch (error) {
    throw new AppError('UNSUPPORTED_FORMAT', `the voice graph failed to run: ${error instanceof Error ? error.message : String(error)}`);
  }
  const audio = result[outputName];
  if (!(audio instanceof Tensor) || audio.type !== 'float32') throw new AppError('UNSUPPORTED_FORMAT', `output \`${outputName}\` is not float32 audio`);
  // Piper reads the last axis ([1, 1, 1, T] in practice); any other axis must be 1.
  const leading = audio.dims.slice(0, -1);
  if (audio.dims.length === 0 || leading.some((d) => d !== 1)) {
    throw new AppError('UNSUPPORTED_FORMAT', `output \`${outputName}\` has shape [${audio.dims.join(', ')}]; expected [1, 1, 1, T]`);
  }
  return audio.data as Float32Array;
}

export const piperPipeline: Pipeline<PiperState> = {
  format: 'piper',
  requestKinds: ['speech'],
  sessionRoles: [PIPER_MODEL_ROLE],

  checkSignature: (signatures) => checkPiperSignature(signatures[PIPER_MODEL_ROLE]),

  async prepare(version: VersionFiles): Promise<PiperState> {
    const file = version.files.find((f) => f.role === PIPER_CONFIG_ROLE);
    if (!file) throw new AppError('UNSUPPORTED_FORMAT', `${version.line} ${version.version} has no Piper config (<voice>.onnx.json)`);
    const config = await readPiperConfig(file.absolutePath);
    if (config.phoneme_type === 'espeak' && !(await isEspeakVoiceAvailable(config.espeak!.voice))) {
      throw new AppError('UNSUPPORTED_FORMAT', `espeak voice "${config.espeak!.voice}" is not available here (this build phonemises English voices only)`);
    }
    return { config };
  },

  async run(sessions, state, request, signal): Promise<SpeechResult> {
    const speech = requireRequest(request, 'speech', 'piper');
    const text = requireText(speech.text);
    const { config } = state;
    const open = requireSession(sessions, PIPER_MODEL_ROLE);
    const problems = checkPiperSignature(readGraphSignature(open.session));
    if (problems.length > 0) throw new AppError('UNSUPPORTED_FORMAT', `not a Piper voice graph: ${problems.join('; ')}`);
    const scales = new Float32Array([
      finiteInRange(speech.noiseScale, 'noiseScale', 0, 2) ?? config.inference.noise_scale,
      finiteInRange(speech.lengthScale, 'lengthScale', 0.1, 5) ?? config.inference.length_scale,
      finiteInRange(speech.noiseW, 'noiseW', 0, 2) ?? config.inference.noise_w,
    ]);
    const gptSovitsOnly = (['language', 'topK', 'topP', 'temperature', 'repetitionPenalty', 'seed'] as const).find((field) => speech[field] !== undefined);
    if (gptSovitsOnly) throw new AppError('VALIDATION_FAILED', `a Piper voice has no ${gptSovitsOnly} control (GPT-SoVITS voices have)`, gptSovitsOnly);
    const withSid = open.session.inputNames.includes('sid');
    const sid = withSid ? speakerIdFor(speech, config) : undefined;
    if (!withSid && (speech.speakerId ?? 0) !== 0) throw new AppError('VALIDATION_FAILED', 'this voice has a single speaker; speakerId must be 0', 'speakerId');

    const sentences = await phonemesFor(text, config);
    const pieces: Float32Array[] = [];
    const silence = new Float32Array(Math.round(SENTENCE_SILENCE_SECONDS * config.audio.sample_rate));
    const missing = new Set<string>();
    for (const sentence of sentences) {
      for (const part of splitLongPhonemes(sentence, MAX_PHONEMES_PER_CALL)) {
        throwIfAborted(signal);
        const mapped = phonemesToIds(part, { phonemeIdMap: config.phoneme_id_map, phonemeMap: config.phoneme_map });
        mapped.missing.forEach((m) => missing.add(m));
        if (mapped.mapped === 0) continue; // only ^ _ $: nothing this voice can say
        const feeds: Record<string, Tensor> = {
          input: new Tensor('int64', BigInt64Array.from(mapped.ids, BigInt), [1, mapped.ids.length]),
          input_lengths: new Tensor('int64', BigInt64Array.of(BigInt(mapped.ids.length)), [1]),
          scales: new Tensor('float32', scales, [3]),
        };
        if (sid !== undefined) feeds.sid = new Tensor('int64', BigInt64Array.of(BigInt(sid)), [1]);
        if (pieces.length > 0) pieces.push(silence);
        pieces.push(await runGraph(open, feeds));
      }
    }
    if (pieces.length === 0) {
      const which = missing.size > 0 ? ` (no symbol for ${[...missing].slice(0, 8).map((m) => JSON.stringify(m)).join(', ')})` : '';
      throw new AppError('VALIDATION_FAILED', `nothing in the text can be spoken by this voice${which}`, 'text');
    }
    throwIfAborted(signal);
    const total = pieces.reduce((sum, p) => sum + p.length, 0);
    const audio = new Float32Array(total);
    let offset = 0;
    for (const piece of pieces) {
      audio.set(piece, offset);
      offset += piece.length;
    }
    const samples = floatToInt16PeakNormalised(audio);
    const sampleRate = config.audio.sample_rate;
    return { kind: 'speech', wav: encodeWav16(samples, sampleRate), sampleRate, samples: samples.length, durationSeconds: samples.length / sampleRate };
  },
};
