import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textEmotionPipeline } from '../../../native-engine/pipelines/emotion-text-pipeline.js';
import type { EmotionResult } from '../../../native-engine/pipelines/pipeline.js';
import { openSessions } from '../../../native-engine/pipelines/test-support/pipeline-harness.js';
import { EMOTION_LABELS, readCorpus, splitCorpus, type CorpusRow } from './emotion-corpus.js';
import { trainClassifier } from './emotion-trainer.js';
import { CORPUS_FILE, SAMPLE_FEATURIZER, TRAINING_SEED, findSamplePackAssets, writeEmotionModel } from './sample-pack-files.js';

const assets = findSamplePackAssets();
const rows = readCorpus(path.join(assets, CORPUS_FILE));
const trigrams = (text: string) => {
  const s = ` ${text.toLowerCase()} `;
  return new Set(Array.from({ length: s.length - 2 }, (_, i) => s.slice(i, i + 3)));
};

describe('the sample emotion corpus', () => {
  it('has at least 300 sentences, balanced over zh-TW and English and over the four labels', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['en', 'zh-TW']) expect(rows.filter((r) => r.lang === lang).length / rows.length).toBeGreaterThan(0.4);
    for (const label of EMOTION_LABELS) expect(rows.filter((r) => r.label === label).length / rows.length).toBeGreaterThan(0.2);
    expect(rows.filter((r) => r.lang === 'zh-TW').every((r) => /\p{Script=Han}/u.test(r.text))).toBe(true);
  });

  it('has no duplicates or near-duplicates (character-trigram Jaccard similarity under 0.5)', () => {
    const grams = rows.map((r) => trigrams(r.text));
    let worst = 0;
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const a = grams[i]!;
        const b = grams[j]!;
        const shared = [...a].filter((g) => b.has(g)).length;
        worst = Math.max(worst, shared / (a.size + b.size - shared));
      }
    }
    expect(worst).toBeLessThan(0.5);
  });

  it('splits into disjoint, fixed train and test sets with every label and language in both', () => {
    const { train, test } = splitCorpus(rows, TRAINING_SEED);
    expect(train.length + test.length).toBe(rows.length);
    const trainTexts = new Set(train.map((r) => r.text.normalize('NFKC').toLowerCase()));
    expect(test.filter((r) => trainTexts.has(r.text.normalize('NFKC').toLowerCase()))).toEqual([]);
    for (const label of EMOTION_LABELS) {
      for (const lang of ['en', 'zh-TW']) {
        expect(test.some((r) => r.label === label && r.lang === lang)).toBe(true);
        expect(train.some((r) => r.label === label && r.lang === lang)).toBe(true);
      }
    }
    expect(splitCorpus(rows, TRAINING_SEED)).toEqual({ train, test });
  });
});

describe('the sample emotion trainer', () => {
  it('is deterministic: the same rows and seed give the same weights', () => {
    const small = rows.slice(0, 60);
    const options = { featurizer: SAMPLE_FEATURIZER, labels: EMOTION_LABELS, seed: 7, epochs: 15, l2Candidates: [1e-3], folds: 2 };
    expect(trainClassifier(small, options).model.weights).toEqual(trainClassifier(small, options).model.weights);
  });

  describe('the exported model', () => {
    let dir: string;
    let built: ReturnType<typeof writeEmotionModel>;
    let metadata: { labels: string[]; training: Record<string, unknown>; metrics: Record<string, unknown>; sample: boolean };
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voiceops-emotion-'));
      built = writeEmotionModel(assets, dir);
      metadata = JSON.parse(fs.readFileSync(path.join(dir, 'voiceops.json'), 'utf8')) as typeof metadata;
    }, 60_000);
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('records honest held-out metrics, clearly better than chance (0.25)', () => {
      const { train, test } = splitCorpus(rows, TRAINING_SEED);
      expect(built).toEqual({ heldOutAccuracy: metadata.metrics.heldOutAccuracy, trainSize: train.length, testSize: test.length });
      expect(built.heldOutAccuracy).toBeGreaterThan(0.6);
      expect(metadata).toMatchObject({ sample: true, labels: [...EMOTION_LABELS], training: { featurizer: SAMPLE_FEATURIZER, seed: TRAINING_SEED } });
      expect(Object.keys(metadata.metrics.perLabel as object)).toEqual([...EMOTION_LABELS]);
      // A model that had seen the test sentences would score as on its train set.
      expect(metadata.metrics.trainAccuracy as number).toBeGreaterThan(built.heldOutAccuracy);
    });

    it('runs in onnxruntime through the emotion-text pipeline with the recorded accuracy on the test split', async () => {
      const version = {
        line: 'emotion/basic',
        version: '1.0.0',
        format: 'emotion-text' as const,
        metadata: metadata as unknown as Record<string, unknown>,
        files: [{ path: 'model.onnx', role: 'emotion-model', absolutePath: path.join(dir, 'model.onnx') }],
      };
      const sessions = await openSessions(version, textEmotionPipeline.sessionRoles);
      const state = await textEmotionPipeline.prepare(version);
      const { test } = splitCorpus(rows, TRAINING_SEED);
      const signal = new AbortController().signal;
      const predict = async (row: CorpusRow) => ((await textEmotionPipeline.run(sessions, state, { kind: 'emotion-text', text: row.text }, signal)) as EmotionResult).label;
      let right = 0;
      for (const row of test) if ((await predict(row)) === row.label) right++;
      expect(Math.round((right / test.length) * 1000) / 1000).toBe(built.heldOutAccuracy);
      await sessions['emotion-model']!.session.release();
    });
  });
});
