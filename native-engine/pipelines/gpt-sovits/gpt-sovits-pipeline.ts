/**
 * GPT-SoVITS v2 voices: text -> phones (the v2 front end) -> t2s encoder -> first-step and step
 * decoders (semantic tokens) -> vits -> 32 kHz audio, conditioned on the voice's reference clip
 * (SSL features, 32 kHz audio) and its reference text. Long text is cut into sentences that are
 * synthesised in turn and joined with 0.3 s of silence, as the reference does.
 *
 * BERT (upstream's rule, see bert-features.ts): with a BERT graph and its vocab.txt in the version,
 * Chinese segments of the reference and target text get chinese-roberta features expanded per
 * phone; English segments, and every segment of a voice without a BERT graph, get zeros (valid
 * for Chinese at some cost in prosody). A version imported before vocab.txt was required may
 * hold a BERT graph without it: it keeps zeros, as it always had.
 */
import fs from 'node:fs/promises';
import { Tensor } from 'onnxruntime-node';
import { AppError } from '../../../electron/api/index.js';
import { encodeWav16 } from '../../audio/wav-output.js';
import { splitSentences } from '../../text/clause-splitter.js';
import { BertVocabError, parseBertVocab, type BertVocab } from '../../text/gpt-sovits/bert-vocab.js';
import { gptSovitsFrontEnd, type FrontEndLanguage } from '../../text/gpt-sovits/index.js';
import { readGraphSignature } from '../graph-signature.js';
import type { OpenSession, Pipeline, PipelineProgress, SpeechRequest, SpeechResult, VersionFiles } from '../pipeline.js';
import { finiteInRange, requireRequest, requireSession, requireText, throwIfAborted } from '../request-checks.js';
import { bertFeatures, type BertRunner } from './bert-features.js';
import { DEFAULT_MAX_SECONDS, MAX_DECODE_STEPS, TOKENS_PER_SECOND, decodeSemantic } from './decode-loop.js';
import { ROLES, recogniseLayout, type GptSovitsLayout } from './layout.js';
import { VITS_SAMPLE_RATE, prepareReference, type PreparedReference } from './reference.js';
import { DEFAULT_SAMPLING, TokenSampler, randomSeed, type SamplingSettings } from './sampling.js';

/** The tokenizer file next to a BERT graph (formats.ts gives it this role). */
export const BERT_VOCAB_ROLE = 'bert-vocab';
const SENTENCE_SILENCE_SECONDS = 0.3;
const LANGUAGES: readonly FrontEndLanguage[] = ['zh', 'en', 'auto'];

export interface GptSovitsState {
  line: string;
  version: string;
  reference: { path: string; absolutePath: string; text: string | null; language: FrontEndLanguage };
  maxSeconds: number;
  /** Limits of the decode loop; tests lower the step cap. */
  maxSteps: number;
  layout: GptSovitsLayout | null;
  /** The BERT tokenizer's vocabulary, when the version has one. */
  bertVocab: BertVocab | null;
  /** The SSL features, the reference's BERT features and the rest, computed once per loaded version. */
  prepared: Promise<ReadyReference> | null;
}

type ReadyReference = PreparedReference & { refBert: Tensor };

function languageOf(value: unknown, field: string): FrontEndLanguage {
  if (value === undefined) return 'auto';
  if (typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)) return value as FrontEndLanguage;
  throw new AppError('VALIDATION_FAILED', `${field} must be zh, en or auto`, field);
}

/** The reference (as its inference code does) needs a closing mark on the reference text. */
function withClosingMark(text: string, language: FrontEndLanguage): string {
  const trimmed = text.trim();
  if (/[。！？!?.,，;；…]$/.test(trimmed)) return trimmed;
  return trimmed + (language === 'en' ? '.' : '。');
}

export function checkGptSovitsSignature(signatures: Parameters<Pipeline['checkSignature']>[0]): string[] {
  return recogniseLayout(signatures).problems;
}

function samplingSettings(request: SpeechRequest): SamplingSettings {
  const topK = finiteInRange(request.topK, 'topK', 1, 1025);
  if (topK !== undefined && !Number.isInteger(topK)) throw new AppError('VALIDATION_FAILED', 'topK must be an integer', 'topK');
  const seed = finiteInRange(request.seed, 'seed', 0, 2 ** 31 - 1);
  if (seed !== undefined && !Number.isInteger(seed)) throw new AppError('VALIDATION_FAILED', 'seed must be an integer', 'seed');
  const temperature = finiteInRange(request.temperature, 'temperature', 0, 2);
  if (temperature === 0) throw new AppError('VALIDATION_FAILED', 'temperature must be above 0', 'temperature');
  return {
    topK: topK ?? DEFAULT_SAMPLING.topK,
    topP: finiteInRange(request.topP, 'topP', 0.01, 1) ?? DEFAULT_SAMPLING.topP,
    temperature: temperature ?? DEFAULT_SAMPLING.temperature,
    repetitionPenalty: finiteInRange(request.repetitionPenalty, 'repetitionPenalty', 1, 2) ?? DEFAULT_SAMPLING.repetitionPenalty,
    seed: seed ?? randomSeed(),
  };
}

/** The reference's output rule: scale down only when the peak is over 1, then to 16-bit. */
function toInt16(audio: Float32Array): Int16Array {
  let peak = 0;
  for (const s of audio) if (Number.isFinite(s)) peak = Math.max(peak, Math.abs(s));
  const scale = 32767 / Math.max(1, peak);
  return Int16Array.from(audio, (s) => (Number.isFinite(s) ? Math.max(-32768, Math.min(32767, Math.round(s * scale))) : 0));
}

function layoutOf(sessions: Record<string, OpenSession>, state: GptSovitsState): GptSovitsLayout {
  if (state.layout) return state.layout;
  const signatures = Object.fromEntries(Object.entries(sessions).map(([role, open]) => [role, readGraphSignature(open.session)]));
  const recognised = recogniseLayout(signatures);
  if (!recognised.layout) throw new AppError('UNSUPPORTED_FORMAT', `not a GPT-SoVITS v2 export we run: ${recognised.problems.join('; ')}`);
  state.layout = recognised.layout;
  return recognised.layout;
}

function bertRunner(sessions: Record<string, OpenSession>, state: GptSovitsState, layout: GptSovitsLayout): BertRunner | null {
  const session = sessions[ROLES.bert]?.session;
  if (!session || !layout.bert || !state.bertVocab) return null;
  return { session, layout: layout.bert, vocab: state.bertVocab };
}

async function readVocab(version: VersionFiles): Promise<BertVocab | null> {
  const file = version.files.find((f) => f.role === BERT_VOCAB_ROLE);
  if (!file) return null;
  try {
    return parseBertVocab(await fs.readFile(file.absolutePath, 'utf8'));
  } catch (error) {
    const why = error instanceof BertVocabError ? error.message : 'cannot be read';
    throw new AppError('UNSUPPORTED_FORMAT', `${file.path} of ${version.line} ${version.version}: ${why}`);
  }
}

function reference(sessions: Record<string, OpenSession>, state: GptSovitsState, layout: GptSovitsLayout): Promise<ReadyReference> {
  const { text, language, absolutePath, path } = state.reference;
  if (text === null) {
    throw new AppError('UNSUPPORTED_FORMAT', `${state.line} ${state.version} has no reference text for ${path}; import the voice again with ${path.replace(/\.[^./]+$/, '')}.txt`);
  }
  if (!state.prepared) {
    const { segments, phoneIds } = gptSovitsFrontEnd(withClosingMark(text, language), language);
    const ssl = requireSession(sessions, ROLES.ssl).session;
    state.prepared = Promise.all([prepareReference(absolutePath, phoneIds, ssl, layout), bertFeatures(segments, bertRunner(sessions, state, layout))]).then(
      ([prepared, refBert]) => ({ ...prepared, refBert }),
    );
    // A failure is not cached: the next request tries again (and reports the same error if it stays).
    state.prepared.catch(() => {
      state.prepared = null;
    });
  }
  return state.prepared;
}

function sentencesOf(text: string): string[] {
  return splitSentences(text)
    .map((sentence) => sentence.clauses.map((c) => c.text).join(' ').trim())
    .filter((s) => s.length > 0);
}

export const gptSovitsPipeline: Pipeline<GptSovitsState> = {
  format: 'gpt-sovits-v2',
  requestKinds: ['speech'],
  sessionRoles: [ROLES.encoder, ROLES.firstStep, ROLES.step, ROLES.vits, ROLES.ssl, ROLES.bert],

  checkSignature: checkGptSovitsSignature,

  async prepare(version: VersionFiles): Promise<GptSovitsState> {
    const clips = version.files.filter((f) => f.role === 'reference-audio').sort((a, b) => a.path.localeCompare(b.path));
    if (clips.length === 0) throw new AppError('UNSUPPORTED_FORMAT', `${version.line} ${version.version} has no reference clip`);
    const texts = (version.metadata['referenceTexts'] ?? {}) as Record<string, string>;
    const clip = clips.find((c) => typeof texts[c.path] === 'string' && texts[c.path]!.trim() !== '') ?? clips[0]!;
    const maxSeconds = version.metadata['maxSeconds'];
    return {
      line: version.line,
      version: version.version,
      reference: {
        path: clip.path,
        absolutePath: clip.absolutePath,
        text: texts[clip.path]?.trim() || null,
        language: languageOf(version.metadata['referenceLanguage'], 'referenceLanguage'),
      },
      maxSeconds: typeof maxSeconds === 'number' && maxSeconds > 0 ? maxSeconds : DEFAULT_MAX_SECONDS,
      maxSteps: MAX_DECODE_STEPS,
      layout: null,
      bertVocab: await readVocab(version),
      prepared: null,
    };
  },

  async run(sessions, state, request, signal, onProgress?: (progress: PipelineProgress) => void): Promise<SpeechResult> {
    const speech = requireRequest(request, 'speech', 'gpt-sovits-v2');
    const text = requireText(speech.text);
    const language = languageOf(speech.language, 'language');
    const piperOnly = (['lengthScale', 'noiseScale', 'noiseW', 'speakerId'] as const).find((field) => speech[field] !== undefined);
    if (piperOnly) throw new AppError('VALIDATION_FAILED', `a GPT-SoVITS voice has no ${piperOnly} control (its export takes none)`, piperOnly);
    const layout = layoutOf(sessions, state);
    const settings = samplingSettings(speech);
    const sampler = layout.sampling === 'host' ? new TokenSampler(settings) : null;
    const ref = await reference(sessions, state, layout);
    const encoder = requireSession(sessions, ROLES.encoder).session;
    const vits = requireSession(sessions, ROLES.vits).session;
    const graphs = { firstStep: requireSession(sessions, ROLES.firstStep).session, step: requireSession(sessions, ROLES.step).session };
    const bert = bertRunner(sessions, state, layout);

    const sentences = sentencesOf(text);
    const pieces: Float32Array[] = [];
    const silence = new Float32Array(Math.round(SENTENCE_SILENCE_SECONDS * VITS_SAMPLE_RATE));
    for (const [index, sentence] of sentences.entries()) {
      throwIfAborted(signal);
      const { segments, phoneIds: ids } = gptSovitsFrontEnd(sentence, language);
      if (ids.length === 0) continue;
      const textBert = await bertFeatures(segments, bert);
      throwIfAborted(signal);
      const textSeq = new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]);
      let encoded;
      try {
        encoded = await encoder.run({
          ref_seq: ref.refSeq,
          text_seq: textSeq,
          ref_bert: ref.refBert,
          text_bert: textBert,
          ssl_content: ref.sslContent,
        });
      } catch (error) {
        throw new AppError('UNSUPPORTED_FORMAT', `the t2s encoder graph failed to run: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
      const decoded = await decodeSemantic(graphs, layout, encoded['x'] as Tensor, encoded['prompts'] as Tensor, {
        maxSteps: state.maxSteps,
        maxGenerated: TOKENS_PER_SECOND * state.maxSeconds,
        sampler,
        signal,
        onStep: (step, maxSteps) => onProgress?.({ sentence: index + 1, sentences: sentences.length, step, maxSteps }),
      });
      if (decoded.tokens.length === 0) continue;
      throwIfAborted(signal);
      let audio;
      try {
        audio = await vits.run(
          { text_seq: textSeq, pred_semantic: new Tensor('int64', decoded.tokens, [1, 1, decoded.tokens.length]), ref_audio: ref.refAudio },
          [layout.vitsOutput],
        );
      } catch (error) {
        throw new AppError('UNSUPPORTED_FORMAT', `the vits graph failed to run: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
      const samples = audio[layout.vitsOutput];
      if (!(samples instanceof Tensor) || samples.type !== 'float32') throw new AppError('UNSUPPORTED_FORMAT', 'the vits graph gave no float32 audio');
      if (pieces.length > 0) pieces.push(silence);
      pieces.push(samples.data as Float32Array);
    }
    if (pieces.length === 0) throw new AppError('VALIDATION_FAILED', 'nothing in the text can be spoken by this voice (no phones, or the decoder stopped at once)', 'text');
    const joined = new Float32Array(pieces.reduce((sum, p) => sum + p.length, 0));
    let offset = 0;
    for (const piece of pieces) {
      joined.set(piece, offset);
      offset += piece.length;
    }
    const int16 = toInt16(joined);
    return {
      kind: 'speech',
      wav: encodeWav16(int16, VITS_SAMPLE_RATE),
      sampleRate: VITS_SAMPLE_RATE,
      samples: int16.length,
      durationSeconds: int16.length / VITS_SAMPLE_RATE,
      sampling: { where: layout.sampling, seed: layout.sampling === 'host' ? settings.seed : null },
    };
  },
};
