/**
 * Trains the sample text emotion classifier: hashed character n-grams (the engine's own
 * featuriser) and multinomial logistic regression with L2 regularisation, fitted by
 * full-batch Adam from zero weights, so a run is deterministic: same corpus, same seed, same
 * weights. The regularisation strength is chosen by k-fold cross-validation on the train
 * split only; the test split is touched once, at the end, to measure held-out accuracy.
 */
import { sparseFeatures, type CharNgramFeaturizer, type SparseFeatures } from '../../../native-engine/text/char-ngram-features.js';
import { fnv1a32 } from '../../../native-engine/text/char-ngram-features.js';
import type { CorpusRow } from './emotion-corpus.js';

export interface LinearModel {
  labels: string[];
  features: number;
  /** Row-major [features, labels]: what MatMul takes. */
  weights: Float32Array;
  bias: Float32Array;
}

export interface TrainOptions {
  featurizer: CharNgramFeaturizer;
  labels: readonly string[];
  seed: number;
  epochs?: number;
  learningRate?: number;
  /** Candidates for the L2 strength; the best by cross-validation on the train split wins. */
  l2Candidates?: number[];
  folds?: number;
}

interface Example {
  x: SparseFeatures;
  y: number;
}

function examples(rows: readonly CorpusRow[], labels: readonly string[], featurizer: CharNgramFeaturizer): Example[] {
  return rows.map((row) => ({ x: sparseFeatures(row.text, featurizer), y: labels.indexOf(row.label) }));
}

function logits(model: LinearModel, x: SparseFeatures): Float64Array {
  const c = model.labels.length;
  const out = Float64Array.from(model.bias);
  for (let k = 0; k < x.indices.length; k++) {
    const row = x.indices[k]! * c;
    const v = x.values[k]!;
    for (let j = 0; j < c; j++) out[j]! += model.weights[row + j]! * v;
  }
  return out;
}

export function softmax(z: Float64Array): Float64Array {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

export function predict(model: LinearModel, x: SparseFeatures): number {
  const z = logits(model, x);
  let best = 0;
  for (let j = 1; j < z.length; j++) if (z[j]! > z[best]!) best = j;
  return best;
}

function fit(data: readonly Example[], labels: readonly string[], features: number, l2: number, epochs: number, learningRate: number): LinearModel {
  const c = labels.length;
  const model: LinearModel = { labels: [...labels], features, weights: new Float32Array(features * c), bias: new Float32Array(c) };
  const size = features * c + c;
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const grad = new Float64Array(size);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    grad.fill(0);
    for (const { x, y } of data) {
      const p = softmax(logits(model, x));
      p[y]! -= 1; // d(cross-entropy)/d(logits)
      for (let k = 0; k < x.indices.length; k++) {
        const row = x.indices[k]! * c;
        const value = x.values[k]!;
        for (let j = 0; j < c; j++) grad[row + j]! += p[j]! * value;
      }
      for (let j = 0; j < c; j++) grad[features * c + j]! += p[j]!;
    }
    const correct1 = 1 / (1 - beta1 ** epoch);
    const correct2 = 1 / (1 - beta2 ** epoch);
    const weightCount = features * c;
    for (let i = 0; i < size; i++) {
      const isBias = i >= weightCount;
      const param = isBias ? model.bias[i - weightCount]! : model.weights[i]!;
      const g = grad[i]! / data.length + (isBias ? 0 : l2 * param);
      // Untouched weights with zero value stay zero: skip their (exact no-op) update.
      if (g === 0 && m[i] === 0) continue;
      m[i] = beta1 * m[i]! + (1 - beta1) * g;
      v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
      const step = (learningRate * m[i]! * correct1) / (Math.sqrt(v[i]! * correct2) + eps);
      if (isBias) model.bias[i - weightCount] = param - step;
      else model.weights[i] = param - step;
    }
  }
  return model;
}

function accuracy(model: LinearModel, data: readonly Example[]): number {
  return data.filter((e) => predict(model, e.x) === e.y).length / Math.max(1, data.length);
}

export interface CrossValidation {
  l2: number;
  accuracy: number;
}

/** Mean accuracy of each candidate over k folds of the train split (folds by seeded hash). */
function crossValidate(rows: readonly CorpusRow[], data: readonly Example[], options: Required<TrainOptions>): CrossValidation[] {
  const fold = rows.map((row) => fnv1a32(`fold:${options.seed}:${row.text}`) % options.folds);
  return options.l2Candidates.map((l2) => {
    let sum = 0;
    for (let k = 0; k < options.folds; k++) {
      const model = fit(data.filter((_, i) => fold[i] !== k), options.labels, options.featurizer.buckets, l2, options.epochs, options.learningRate);
      sum += accuracy(model, data.filter((_, i) => fold[i] === k));
    }
    return { l2, accuracy: sum / options.folds };
  });
}

export interface LabelMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Evaluation {
  accuracy: number;
  perLabel: Record<string, LabelMetrics>;
  perLanguage: Record<string, number>;
  /** confusion[actual][predicted], in label order. */
  confusion: number[][];
}

export function evaluate(model: LinearModel, rows: readonly CorpusRow[], featurizer: CharNgramFeaturizer): Evaluation {
  const c = model.labels.length;
  const confusion = Array.from({ length: c }, () => new Array<number>(c).fill(0));
  const byLanguage = new Map<string, { right: number; total: number }>();
  for (const row of rows) {
    const actual = model.labels.indexOf(row.label);
    const predicted = predict(model, sparseFeatures(row.text, featurizer));
    confusion[actual]![predicted]! += 1;
    const lang = byLanguage.get(row.lang) ?? { right: 0, total: 0 };
    byLanguage.set(row.lang, { right: lang.right + (actual === predicted ? 1 : 0), total: lang.total + 1 });
  }
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const perLabel: Record<string, LabelMetrics> = {};
  model.labels.forEach((label, j) => {
    const tp = confusion[j]![j]!;
    const support = confusion[j]!.reduce((a, b) => a + b, 0);
    const predictedAs = confusion.reduce((sum, row) => sum + row[j]!, 0);
    const precision = predictedAs > 0 ? tp / predictedAs : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[label] = { precision: round(precision), recall: round(recall), f1: round(f1), support };
  });
  const right = confusion.reduce((sum, row, j) => sum + row[j]!, 0);
  return {
    accuracy: round(right / Math.max(1, rows.length)),
    perLabel,
    perLanguage: Object.fromEntries([...byLanguage].map(([lang, r]) => [lang, round(r.right / r.total)])),
    confusion,
  };
}

export interface TrainedClassifier {
  model: LinearModel;
  l2: number;
  crossValidation: CrossValidation[];
  trainAccuracy: number;
}

/** Chooses L2 by cross-validation on `train`, then fits on all of `train`. Never sees the test split. */
export function trainClassifier(train: readonly CorpusRow[], options: TrainOptions): TrainedClassifier {
  const full: Required<TrainOptions> = { epochs: 160, learningRate: 0.1, l2Candidates: [1e-4, 1e-3, 1e-2], folds: 4, ...options };
  const data = examples(train, full.labels, full.featurizer);
  const crossValidation = crossValidate(train, data, full);
  const best = crossValidation.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
  const model = fit(data, full.labels, full.featurizer.buckets, best.l2, full.epochs, full.learningRate);
  return { model, l2: best.l2, crossValidation, trainAccuracy: accuracy(model, data) };
}
