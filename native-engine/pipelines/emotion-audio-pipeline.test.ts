import fs from 'node:fs';
import path from 'node:path';
import wavefile from 'wavefile';
import { afterEach, describe, expect, it } from 'vitest';
import { audioEmotionPipeline, checkAudioEmotionSignature } from './emotion-audio-pipeline.js';
import { OnnxGraphBuilder } from './onnx-graph-builder.js';
import type { EmotionResult } from './pipeline.js';
import { runOnce, tempDir, versionFromFolder } from './test-support/pipeline-harness.js';

const LABELS = ['neutral', 'happy', 'angry'];

/**
 * Wav2Vec2's signature (input_values float32 [1, N] -> logits [1, 3]); the logits are
 * [seconds at 16 kHz, 1, mean square of the waveform], so a test can see what reached the graph.
 */
function wav2vec2LikeGraph(): Uint8Array {
  const g = new OnnxGraphBuilder('wav2vec2_test');
  const x = g.input('input_values', 'float', [1, 'samples']);
  const seconds = g.op('Div', [g.op('Cast', [g.op('Shape', [x], { start: 1 })], { to: 1 }), g.scalar(16000)]);
  const power = g.op('Reshape', [g.op('ReduceMean', [g.op('Mul', [x, x])], { keepdims: 0 }), g.constant([1], 'int64')]);
  const logits = g.op('Concat', [seconds, g.constant([1]), power], { axis: 0 });
  g.output(g.op('Reshape', [logits, g.constant([1, 3], 'int64')]), 'logits', 'float', [1, 3]);
  return g.build();
}

function toneWav(seconds: number, sampleRate: number, channels = 1, amplitude = 0.3): Uint8Array {
  const frames = Math.round(seconds * sampleRate);
  const channel = () => Int16Array.from({ length: frames }, (_, i) => Math.round(32767 * amplitude * Math.sin((2 * Math.PI * 220 * i) / sampleRate)));
  const wav = new wavefile.WaveFile();
  wav.fromScratch(channels, sampleRate, '16', channels === 1 ? channel() : Array.from({ length: channels }, channel));
  return wav.toBuffer();
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function writeModel(extraFiles: Record<string, string> = {}) {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  fs.writeFileSync(path.join(temp.dir, 'model.onnx'), wav2vec2LikeGraph());
  for (const [name, content] of Object.entries(extraFiles)) fs.writeFileSync(path.join(temp.dir, name), content);
  return versionFromFolder(temp.dir, 'emotion-audio', (f) => (f.endsWith('.onnx') ? 'emotion-model' : 'tokenizer'), { labels: LABELS });
}

const softmax = (z: number[]) => z.map((v) => Math.exp(v) / z.reduce((s, w) => s + Math.exp(w), 0));

describe('the audio emotion pipeline', () => {
  it('decodes, mixes to mono, resamples to 16 kHz, normalises and applies softmax to the logits', async () => {
    const result = (await runOnce(audioEmotionPipeline, writeModel(), { kind: 'emotion-audio', audio: toneWav(2, 44100, 2) })) as EmotionResult;
    // 2 s at 16 kHz reached the graph, normalised to unit variance (mean square 1).
    const expected = softmax([2, 1, 1]);
    expect(result.scores.neutral).toBeCloseTo(expected[0]!, 3);
    expect(result.scores.happy).toBeCloseTo(expected[1]!, 3);
    expect(result.scores.angry).toBeCloseTo(expected[2]!, 3);
    expect(result.label).toBe('neutral');
  });

  it("honours the version's preprocessor_config.json (do_normalize false)", async () => {
    const version = writeModel({ 'preprocessor_config.json': JSON.stringify({ do_normalize: false, sampling_rate: 16000 }) });
    const result = (await runOnce(audioEmotionPipeline, version, { kind: 'emotion-audio', audio: toneWav(1, 16000, 1, 0.5) })) as EmotionResult;
    // A sine of amplitude 0.5 has mean square 0.125.
    const expected = softmax([1, 1, 0.125]);
    expect(result.scores.angry).toBeCloseTo(expected[2]!, 3);
  });

  it('refuses empty, undecodable, too short and too long audio', async () => {
    const version = writeModel();
    const run = (audio: Uint8Array) => runOnce(audioEmotionPipeline, version, { kind: 'emotion-audio', audio });
    await expect(run(new Uint8Array())).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'audio' });
    await expect(run(new TextEncoder().encode('not audio at all'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', field: 'audio' });
    await expect(run(toneWav(0.05, 16000))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('at least 0.1 s') });
    await expect(run(toneWav(61, 8000))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('at most 60 s') });
  });

  it('names signature mismatches', () => {
    expect(checkAudioEmotionSignature({ inputs: [{ name: 'input_values', type: 'float32', shape: [1, 1, 'N'] }], outputs: [{ name: 'logits', type: 'float32', shape: [1, 3] }] })).toEqual([
      'input `input_values` has rank 3 [1, 1, N], expected rank 2 ([1, N] waveform at 16 kHz)',
    ]);
    expect(checkAudioEmotionSignature({ inputs: [{ name: 'input_ids', type: 'int64', shape: [1, 'N'] }], outputs: [] })).toEqual([
      'missing input: a float32 [1, N] waveform (input_values)',
      'unexpected input(s) `input_ids`; an audio classifier takes the waveform (and optionally attention_mask)',
      'no float32 output with the scores per label (float32 [1, labels] logits)',
    ]);
  });
});
