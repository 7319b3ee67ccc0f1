/**
 * Writes the sample pack's import folders from its sources in assets/sample-pack: the trained
 * text emotion classifier and one Piper-layout folder per sample voice version. Everything is
 * built at install time (training takes about two seconds), so the shipped sources stay
 * text, the models always match the code that runs them, and no binary is committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CharNgramFeaturizer } from '../../../native-engine/text/char-ngram-features.js';
import { buildClassifierGraph } from './emotion-classifier-graph.js';
import { EMOTION_LABELS, readCorpus, splitCorpus } from './emotion-corpus.js';
import { evaluate, trainClassifier } from './emotion-trainer.js';
import { buildSampleVoiceGraph } from './sample-voice-graph.js';
import { NUM_SYMBOLS, samplePhonemeIdMap, soundTable } from './sample-voice-symbols.js';

export const CORPUS_FILE = 'emotion-corpus.tsv';
export const VOICES_FILE = 'sample-voices.json';
/** Fixed, so the split and the model are the same on every install. */
export const TRAINING_SEED = 20240611;
export const SAMPLE_FEATURIZER: CharNgramFeaturizer = { kind: 'hashed-char-ngrams', n: [1, 2, 3], buckets: 4096, lowercase: true, sublinearTf: true, norm: 'l2' };

/** assets/sample-pack, found from this module whether it runs from source or from out/. */
export function findSamplePackAssets(start = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'assets', 'sample-pack');
    if (fs.existsSync(path.join(candidate, CORPUS_FILE))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`assets/sample-pack not found above ${start}`);
  }
}

const voiceParams = z
  .object({
    f0: z.number().min(50).max(500),
    formantScale: z.number().min(0.7).max(1.4),
    pace: z.number().min(0.5).max(2),
    tilt: z.number().min(0).max(3),
    breathiness: z.number().min(0).max(1),
    vibratoHz: z.number().min(0).max(10),
    vibratoDepth: z.number().min(0).max(0.1),
    declination: z.number().min(0).max(0.6),
    harmonics: z.number().int().min(4).max(64),
  })
  .strict();
const voicesSchema = z.object({
  sampleRate: z.number().int().min(8000).max(48000),
  members: z.array(
    z.object({
      code: z.string().regex(/^sample-[a-z]+$/),
      name: z.string().min(1),
      versions: z.array(z.object({ version: z.string(), note: z.string(), params: voiceParams })).min(1),
    }),
  ),
});
export type SampleVoices = z.infer<typeof voicesSchema>;

export function readSampleVoices(assets: string): SampleVoices {
  return voicesSchema.parse(JSON.parse(fs.readFileSync(path.join(assets, VOICES_FILE), 'utf8')));
}

export interface EmotionModelBuild {
  heldOutAccuracy: number;
  trainSize: number;
  testSize: number;
}

/** Trains on the train split, measures on the test split, writes model.onnx + voiceops.json into `dir`. */
export function writeEmotionModel(assets: string, dir: string): EmotionModelBuild {
  const rows = readCorpus(path.join(assets, CORPUS_FILE));
  const { train, test } = splitCorpus(rows, TRAINING_SEED);
  const trained = trainClassifier(train, { featurizer: SAMPLE_FEATURIZER, labels: EMOTION_LABELS, seed: TRAINING_SEED });
  const heldOut = evaluate(trained.model, test, SAMPLE_FEATURIZER);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'model.onnx'), buildClassifierGraph(trained.model));
  const metadata = {
    sample: true,
    labels: [...EMOTION_LABELS],
    note: 'Sample text emotion classifier (hashed character n-grams + logistic regression), trained at install time on the sample pack corpus (zh-TW and English). A demonstration model, not the production emotion model.',
    // The store's metadata schema has no `featurizer` key yet; the pipeline reads it from here.
    training: {
      featurizer: SAMPLE_FEATURIZER,
      algorithm: 'multinomial logistic regression, L2, full-batch Adam',
      l2: trained.l2,
      crossValidation: trained.crossValidation,
      seed: TRAINING_SEED,
      corpus: `assets/sample-pack/${CORPUS_FILE}`,
      split: 'stratified by label and language; 20 % of each group held out by seeded hash',
    },
    metrics: {
      heldOutAccuracy: heldOut.accuracy,
      trainAccuracy: Math.round(trained.trainAccuracy * 1000) / 1000,
      trainSize: train.length,
      testSize: test.length,
      chanceAccuracy: Math.round((1 / EMOTION_LABELS.length) * 1000) / 1000,
      perLabel: heldOut.perLabel,
      perLanguage: heldOut.perLanguage,
      confusion: { labels: [...EMOTION_LABELS], rowsActualColumnsPredicted: heldOut.confusion },
    },
  };
  fs.writeFileSync(path.join(dir, 'voiceops.json'), JSON.stringify(metadata, null, 2));
  return { heldOutAccuracy: heldOut.accuracy, trainSize: train.length, testSize: test.length };
}

/** The Piper config of a sample voice: a `text` voice over the sample symbols. */
export function samplePiperConfig(code: string, sampleRate: number): object {
  return {
    audio: { sample_rate: sampleRate, quality: 'low' },
    espeak: { voice: 'en-us' },
    language: { code: 'en_US', name_english: 'English, and zh-TW through tone-numbered pinyin' },
    inference: { noise_scale: 0.667, length_scale: 1, noise_w: 0.8 },
    phoneme_type: 'text',
    phoneme_map: {},
    phoneme_id_map: samplePhonemeIdMap(),
    num_symbols: NUM_SYMBOLS,
    num_speakers: 1,
    speaker_id_map: {},
    piper_version: '1.0.0',
    dataset: `voiceops-sample-${code}`,
  };
}

/** One voice version's import folder: <code>.onnx, <code>.onnx.json, voiceops.json. */
export function writeSampleVoice(voices: SampleVoices, code: string, version: string, dir: string): void {
  const member = voices.members.find((m) => m.code === code);
  const entry = member?.versions.find((v) => v.version === version);
  if (!member || !entry) throw new Error(`no sample voice ${code} ${version}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${code}.onnx`), buildSampleVoiceGraph({ sampleRate: voices.sampleRate, ...entry.params }, soundTable()));
  fs.writeFileSync(path.join(dir, `${code}.onnx.json`), JSON.stringify(samplePiperConfig(code, voices.sampleRate), null, 2));
  const metadata = {
    sample: true,
    note: `${member.name}: a synthetic sample voice (formant synthesiser in ONNX operators), not a cloned voice of anyone. ${entry.note}`,
    training: { kind: 'synthetic', synthesiser: 'voiceops formant synthesiser', params: entry.params },
  };
  fs.writeFileSync(path.join(dir, 'voiceops.json'), JSON.stringify(metadata, null, 2));
}
