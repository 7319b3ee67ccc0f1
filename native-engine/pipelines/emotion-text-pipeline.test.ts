import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { charNgramFeaturizerSchema, countNgrams } from '../text/char-ngram-features.js';
import { checkTextEmotionSignature, textEmotionPipeline } from './emotion-text-pipeline.js';
import { OnnxGraphBuilder } from './onnx-graph-builder.js';
import type { EmotionResult } from './pipeline.js';
import { runOnce, tempDir, versionFromFolder } from './test-support/pipeline-harness.js';

const LABELS = ['calm', 'upset'];
const FEATURIZER = charNgramFeaturizerSchema.parse({ kind: 'hashed-char-ngrams', n: [1], buckets: 64 });

/**
 * A linear classifier over 64 features whose "upset" score is the weight of the "!" bucket:
 * more exclamation marks, more upset. Outputs as given: sklearn-style (label + probabilities),
 * logits only, or probabilities through Softmax.
 */
function classifier(kind: 'softmax' | 'logits' | 'sklearn', width = 64): Uint8Array {
  const g = new OnnxGraphBuilder('emotion_test');
  const x = g.input(kind === 'sklearn' ? 'float_input' : 'features', 'float', [kind === 'sklearn' ? 'N' : 1, width]);
  const weights = new Array<number>(width * 2).fill(0);
  const bang = [...countNgrams('!', FEATURIZER).keys()][0]!;
  weights[bang * 2 + 1] = 20;
  const logits = g.op('Add', [g.op('MatMul', [x, g.constant(weights, 'float', [width, 2])]), g.constant([2, 0])]);
  if (kind === 'logits') g.output(logits, 'logits', 'float', [1, 2]);
  else if (kind === 'softmax') g.output(g.op('Softmax', [logits], { axis: -1 }), 'probabilities', 'float', [1, 2]);
  else {
    g.output(g.op('ArgMax', [logits], { axis: 1, keepdims: 0 }), 'label', 'int64', ['N']);
    g.output(g.op('Softmax', [logits], { axis: -1 }), 'probabilities', 'float', ['N', 2]);
  }
  return g.build();
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function writeModel(graph: Uint8Array, metadata: Record<string, unknown>, extraFiles: Record<string, string> = {}) {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  fs.writeFileSync(path.join(temp.dir, 'model.onnx'), graph);
  for (const [name, content] of Object.entries(extraFiles)) fs.writeFileSync(path.join(temp.dir, name), content);
  return versionFromFolder(temp.dir, 'emotion-text', (f) => (f.endsWith('.onnx') ? 'emotion-model' : f.startsWith('labels') ? 'labels' : 'tokenizer'), metadata);
}

const analyse = (text: string) => ({ kind: 'emotion-text' as const, text });

describe('the text emotion pipeline', () => {
  it('featurises with the settings in the metadata and returns the label and probabilities', async () => {
    const version = writeModel(classifier('softmax'), { labels: LABELS, featurizer: FEATURIZER });
    const calm = (await runOnce(textEmotionPipeline, version, analyse('ok'))) as EmotionResult;
    expect(calm.label).toBe('calm');
    expect(calm.scores.calm! + calm.scores.upset!).toBeCloseTo(1, 5);
    const upset = (await runOnce(textEmotionPipeline, version, analyse('Fix it now!!!'))) as EmotionResult;
    expect(upset).toMatchObject({ kind: 'emotion', label: 'upset' });
  });

  it('reads the featuriser from metadata.training.featurizer or featurizer.json, labels from labels.json', async () => {
    const fromTraining = writeModel(classifier('softmax'), { labels: LABELS, training: { featurizer: FEATURIZER } });
    expect(((await runOnce(textEmotionPipeline, fromTraining, analyse('No!'))) as EmotionResult).label).toBe('upset');
    const fromFiles = writeModel(classifier('softmax'), {}, { 'featurizer.json': JSON.stringify(FEATURIZER), 'labels.json': JSON.stringify(LABELS) });
    expect(((await runOnce(textEmotionPipeline, fromFiles, analyse('ok'))) as EmotionResult).label).toBe('calm');
  });

  it('turns logits into probabilities with softmax', async () => {
    const version = writeModel(classifier('logits'), { labels: LABELS, featurizer: FEATURIZER });
    const result = (await runOnce(textEmotionPipeline, version, analyse('ok'))) as EmotionResult;
    // No "!": logits [2, 0] -> softmax.
    expect(result.scores.calm).toBeCloseTo(Math.exp(2) / (Math.exp(2) + 1), 5);
  });

  it('takes the probability tensor of a sklearn-style export with label and probabilities outputs', async () => {
    const version = writeModel(classifier('sklearn'), { labels: LABELS, featurizer: FEATURIZER });
    const result = (await runOnce(textEmotionPipeline, version, analyse('Now!'))) as EmotionResult;
    expect(result.label).toBe('upset');
    expect(Object.keys(result.scores)).toEqual(LABELS);
  });

  it('refuses what does not fit: featuriser width, label count, missing settings, bad text', async () => {
    const narrow = writeModel(classifier('softmax', 32), { labels: LABELS, featurizer: FEATURIZER });
    await expect(runOnce(textEmotionPipeline, narrow, analyse('ok'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: 'the graph takes 32 features but the featuriser makes 64' });
    const threeLabels = writeModel(classifier('softmax'), { labels: ['a', 'b', 'c'], featurizer: FEATURIZER });
    await expect(runOnce(textEmotionPipeline, threeLabels, analyse('ok'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringContaining('2 scores but the version has 3 labels') });
    const noFeaturizer = writeModel(classifier('softmax'), { labels: LABELS });
    await expect(runOnce(textEmotionPipeline, noFeaturizer, analyse('ok'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringContaining('featurise') });
    const version = writeModel(classifier('softmax'), { labels: LABELS, featurizer: FEATURIZER });
    await expect(runOnce(textEmotionPipeline, version, analyse(''))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'text' });
    await expect(runOnce(textEmotionPipeline, version, analyse('很'.repeat(2001)))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'text' });
    await expect(runOnce(textEmotionPipeline, version, { kind: 'speech', text: 'hi' })).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
  });

  it('names signature mismatches', () => {
    expect(checkTextEmotionSignature({ inputs: [{ name: 'ids', type: 'int64', shape: [1, 'N'] }], outputs: [{ name: 'label', type: 'int64', shape: [1] }] })).toEqual([
      'missing input: a float32 [1, F] feature vector',
      'no float32 output with the scores per label (float32 [1, labels] probabilities or logits)',
    ]);
    expect(checkTextEmotionSignature({ inputs: [{ name: 'features', type: 'float32', shape: [64] }], outputs: [{ name: 'probabilities', type: 'float32', shape: [1, 2, 1] }] })).toEqual([
      'input `features` has rank 1 [64], expected rank 2 ([1, F] features)',
      'output `probabilities` has rank 3 [1, 2, 1], expected rank 2 ([1, labels])',
    ]);
  });
});
