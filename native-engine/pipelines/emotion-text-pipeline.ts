/**
 * Text emotion ("basic"): what a customer wrote or said -> a featuriser described by the
 * version -> float32 [1, F] -> the classifier graph -> probabilities per label. The
 * featuriser's settings travel with the version: `metadata.featurizer`, or
 * `metadata.training.featurizer` (where the store's metadata schema has room for it today),
 * or a `featurizer.json` file of the version.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Tensor } from 'onnxruntime-node';
import { AppError } from '../../electron/api/index.js';
import { charNgramFeaturizerSchema, denseFeatures, type CharNgramFeaturizer } from '../text/char-ngram-features.js';
import { fixedLastDim, normaliseElementType, readGraphSignature } from './graph-signature.js';
import { EMOTION_MODEL_ROLE, checkScoreOutput, chooseScoreOutput, emotionResult, readLabels } from './emotion-scores.js';
import type { EmotionResult, GraphSignature, Pipeline, VersionFiles } from './pipeline.js';
import { requireRequest, requireSession, requireText, throwIfAborted } from './request-checks.js';

export interface TextEmotionState {
  labels: string[];
  featurizer: CharNgramFeaturizer;
}

function featurizerSettings(version: VersionFiles): unknown {
  const training = version.metadata.training;
  const fromTraining = typeof training === 'object' && training !== null ? (training as Record<string, unknown>).featurizer : undefined;
  return version.metadata.featurizer ?? fromTraining;
}

async function readFeaturizer(version: VersionFiles): Promise<CharNgramFeaturizer> {
  let settings = featurizerSettings(version);
  const file = version.files.find((f) => path.posix.basename(f.path).toLowerCase() === 'featurizer.json');
  if (settings === undefined && file) settings = JSON.parse(await fs.readFile(file.absolutePath, 'utf8')) as unknown;
  if (settings === undefined) {
    throw new AppError('UNSUPPORTED_FORMAT', `${version.line} ${version.version} does not say how to featurise text (metadata.featurizer or featurizer.json)`);
  }
  const parsed = charNgramFeaturizerSchema.safeParse(settings);
  if (!parsed.success) {
    throw new AppError('UNSUPPORTED_FORMAT', `unsupported featuriser: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The one float32 rank-2 input ([1, F] features). */
function featureInput(signature: GraphSignature) {
  return signature.inputs.find((i) => normaliseElementType(i.type) === 'float32');
}

export function checkTextEmotionSignature(signature: GraphSignature | undefined): string[] {
  if (!signature) return [`no ${EMOTION_MODEL_ROLE} graph`];
  const problems: string[] = [];
  const input = featureInput(signature);
  if (!input) problems.push('missing input: a float32 [1, F] feature vector');
  else if (input.shape.length > 0 && input.shape.length !== 2) {
    problems.push(`input \`${input.name}\` has rank ${input.shape.length} [${input.shape.join(', ')}], expected rank 2 ([1, F] features)`);
  }
  if (signature.inputs.length > 1) problems.push(`the graph takes ${signature.inputs.length} inputs; a text emotion classifier takes one feature vector`);
  return [...problems, ...checkScoreOutput(signature, 'float32 [1, labels] probabilities or logits')];
}

export const textEmotionPipeline: Pipeline<TextEmotionState> = {
  format: 'emotion-text',
  requestKinds: ['emotion-text'],
  sessionRoles: [EMOTION_MODEL_ROLE],

  checkSignature: (signatures) => checkTextEmotionSignature(signatures[EMOTION_MODEL_ROLE]),

  async prepare(version) {
    return { labels: await readLabels(version), featurizer: await readFeaturizer(version) };
  },

  async run(sessions, state, request, signal): Promise<EmotionResult> {
    const text = requireText(requireRequest(request, 'emotion-text', 'emotion-text').text);
    const open = requireSession(sessions, EMOTION_MODEL_ROLE);
    const signature = readGraphSignature(open.session);
    const problems = checkTextEmotionSignature(signature);
    if (problems.length > 0) throw new AppError('UNSUPPORTED_FORMAT', `not a text emotion classifier: ${problems.join('; ')}`);
    const input = featureInput(signature)!;
    const output = chooseScoreOutput(signature.outputs)!;
    const width = fixedLastDim(input);
    if (width !== undefined && width !== state.featurizer.buckets) {
      throw new AppError('UNSUPPORTED_FORMAT', `the graph takes ${width} features but the featuriser makes ${state.featurizer.buckets}`);
    }
    throwIfAborted(signal);
    const features = denseFeatures(text, state.featurizer);
    let result;
    try {
      result = await open.session.run({ [input.name]: new Tensor('float32', features, [1, features.length]) }, [output.name]);
    } catch (error) {
      throw new AppError('UNSUPPORTED_FORMAT', `the classifier failed to run: ${error instanceof Error ? error.message : String(error)}`);
    }
    throwIfAborted(signal);
    const scores = result[output.name];
    if (!(scores instanceof Tensor)) throw new AppError('UNSUPPORTED_FORMAT', `output \`${output.name}\` is not a tensor`);
    return emotionResult(state.labels, scores.data as Float32Array, output.name);
  },
};
