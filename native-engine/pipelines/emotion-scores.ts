/**
 * What emotion pipelines share: the version's labels, choosing the graph output that holds
 * the class scores, and turning scores into probabilities and a result.
 */
import fs from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../electron/api/index.js';
import { normaliseElementType } from './graph-signature.js';
import type { EmotionResult, GraphSignature, VersionFiles } from './pipeline.js';

export const EMOTION_MODEL_ROLE = 'emotion-model';
const labelList = z.array(z.string().min(1)).min(2);

/** Labels from the manifest, else from the version's labels.json / labels.txt. */
export async function readLabels(version: VersionFiles): Promise<string[]> {
  const fromMetadata = labelList.safeParse(version.metadata.labels);
  if (fromMetadata.success) return fromMetadata.data;
  const file = version.files.find((f) => f.role === 'labels');
  if (file) {
    const text = await fs.readFile(file.absolutePath, 'utf8');
    const parsed = labelList.safeParse(file.path.toLowerCase().endsWith('.json') ? JSON.parse(text) : text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
    if (parsed.success) return parsed.data;
  }
  throw new AppError('UNSUPPORTED_FORMAT', `${version.line} ${version.version} has no usable label list (at least 2 labels)`);
}

type Value = GraphSignature['outputs'][number];
const SCORE_NAMES = /prob|logit|score|output/i;

/**
 * The output holding one score per label. sklearn exports have `label` (int64) and
 * `probabilities` (float32; a ZipMap sequence of maps when exported with zipmap, which is
 * skipped): a float32 tensor whose name says scores wins, else the first float32 tensor.
 */
export function chooseScoreOutput(outputs: readonly Value[]): Value | undefined {
  const tensors = outputs.filter((o) => normaliseElementType(o.type) === 'float32');
  return tensors.find((o) => SCORE_NAMES.test(o.name)) ?? tensors[0];
}

export function checkScoreOutput(signature: GraphSignature, labelsHint: string): string[] {
  const output = chooseScoreOutput(signature.outputs);
  if (!output) return [`no float32 output with the scores per label (${labelsHint})`];
  if (output.shape.length > 0 && output.shape.length !== 2) {
    return [`output \`${output.name}\` has rank ${output.shape.length} [${output.shape.join(', ')}], expected rank 2 ([1, labels])`];
  }
  return [];
}

/** Probabilities as they are when they already are ones (non-negative, summing to 1); else softmax of logits. */
export function toProbabilities(scores: ArrayLike<number>): number[] {
  const values = Array.from(scores);
  const sum = values.reduce((a, b) => a + b, 0);
  if (values.every((v) => v >= 0 && v <= 1) && Math.abs(sum - 1) < 1e-3) return values;
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

export function emotionResult(labels: readonly string[], scores: ArrayLike<number>, outputName: string): EmotionResult {
  if (scores.length !== labels.length) {
    throw new AppError('UNSUPPORTED_FORMAT', `output \`${outputName}\` has ${scores.length} scores but the version has ${labels.length} labels`);
  }
  const probabilities = toProbabilities(scores);
  let best = 0;
  probabilities.forEach((p, i) => {
    if (p > probabilities[best]!) best = i;
  });
  return { kind: 'emotion', label: labels[best]!, scores: Object.fromEntries(labels.map((l, i) => [l, probabilities[i]!])) };
}
