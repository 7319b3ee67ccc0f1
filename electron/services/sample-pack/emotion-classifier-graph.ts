/**
 * The trained classifier as an ONNX graph, in the shape the emotion-text pipeline expects:
 * features float32 [1, F] -> MatMul (weights [F, C]) -> Add (bias [C]) -> Softmax ->
 * `probabilities` float32 [1, C].
 */
import { OnnxGraphBuilder } from '../../../native-engine/pipelines/onnx-graph-builder.js';
import type { LinearModel } from './emotion-trainer.js';

export function buildClassifierGraph(model: LinearModel): Uint8Array {
  const c = model.labels.length;
  const g = new OnnxGraphBuilder('voiceops_text_emotion');
  const features = g.input('features', 'float', [1, model.features]);
  const weights = g.constant(model.weights, 'float', [model.features, c], 'weights');
  const bias = g.constant(model.bias, 'float', [c], 'bias');
  const scores = g.op('Add', [g.op('MatMul', [features, weights]), bias]);
  g.output(g.op('Softmax', [scores], { axis: -1 }), 'probabilities', 'float', [1, c]);
  return g.build({ docString: `VoiceOps sample text emotion classifier (logistic regression); labels: ${model.labels.join(', ')}` });
}
