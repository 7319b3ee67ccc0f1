import fs from 'node:fs';
import path from 'node:path';
import decodeAudio from 'audio-decode';
import { afterEach, describe, expect, it } from 'vitest';
import { OnnxGraphBuilder } from './onnx-graph-builder.js';
import type { SpeechRequest, SpeechResult } from './pipeline.js';
import { checkPiperSignature, piperPipeline } from './piper-pipeline.js';
import { openSessions, runOnce, signatures, tempDir, versionFromFolder } from './test-support/pipeline-harness.js';

const LESSAC = JSON.parse(fs.readFileSync('/work/shared/fixtures/piper/en_US-lessac-medium.onnx.json', 'utf8')) as Record<string, unknown>;
const SAMPLES_PER_ID = 100;

/**
 * Piper's signature; each id becomes round(100 x length_scale) samples of a sine whose
 * frequency grows with sid (when there is one) and whose amplitude is the id.
 */
function piperTestGraph(options: { sid?: boolean; badOutput?: boolean } = {}): Uint8Array {
  const g = new OnnxGraphBuilder('piper_test');
  const input = g.input('input', 'int64', [1, 'phonemes']);
  g.input('input_lengths', 'int64', [1]);
  const scales = g.input('scales', 'float', [3]);
  const sid = options.sid ? g.input('sid', 'int64', [1]) : undefined;
  const ids = g.op('Cast', [g.op('Reshape', [input, g.constant([-1], 'int64')])], { to: 1 });
  const perId = g.op('Cast', [g.op('Round', [g.op('Mul', [g.op('Gather', [scales, g.scalar(1, 'int64')], { axis: 0 }), g.scalar(SAMPLES_PER_ID)])])], { to: 7 });
  const shape = g.op('Concat', [g.op('Shape', [ids]), g.op('Unsqueeze', [perId, g.constant([0], 'int64')])], { axis: 0 });
  const amplitude = g.op('Reshape', [g.op('Expand', [g.op('Unsqueeze', [ids, g.constant([1], 'int64')]), shape]), g.constant([-1], 'int64')]);
  const t = g.op('Cast', [g.op('Range', [g.scalar(0, 'int64'), g.op('Squeeze', [g.op('Shape', [amplitude]), g.constant([0], 'int64')]), g.scalar(1, 'int64')])], { to: 1 });
  const speed = sid ? g.op('Add', [g.op('Cast', [sid], { to: 1 }), g.scalar(1)]) : g.scalar(1);
  const wave = g.op('Mul', [amplitude, g.op('Sin', [g.op('Mul', [g.op('Mul', [t, g.scalar(0.1)]), speed])])]);
  const shapeOut = options.badOutput ? [2, -1] : [1, 1, 1, -1];
  g.output(g.op('Reshape', [wave, g.constant(shapeOut, 'int64')]), 'output', 'float', options.badOutput ? [2, 'samples'] : [1, 1, 1, 'samples']);
  return g.build();
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function writeVoice(options: { sid?: boolean; badOutput?: boolean; config?: Record<string, unknown> } = {}) {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  fs.writeFileSync(path.join(temp.dir, 'voice.onnx'), piperTestGraph(options));
  const config = { ...LESSAC, ...(options.sid ? { num_speakers: 2, speaker_id_map: { amy: 0, ben: 1 } } : {}), ...options.config };
  fs.writeFileSync(path.join(temp.dir, 'voice.onnx.json'), JSON.stringify(config));
  return versionFromFolder(temp.dir, 'piper', (f) => (f.endsWith('.onnx.json') ? 'piper-config' : 'piper-model'));
}

const speak = (text: string, extra: Partial<SpeechRequest> = {}): SpeechRequest => ({ kind: 'speech', text, ...extra });

async function samplesOf(result: SpeechResult): Promise<Float32Array> {
  const decoded = await decodeAudio(result.wav);
  expect(decoded.sampleRate).toBe(result.sampleRate);
  return decoded.channelData[0]!;
}

describe('the Piper pipeline', () => {
  it('speaks through a graph without sid and returns a WAV a standard decoder reads at the voice rate', async () => {
    const version = writeVoice();
    const result = (await runOnce(piperPipeline, version, speak('Hello, world.'))) as SpeechResult;
    // 33 ids (see espeak-phonemes.test.ts) x 100 samples x length_scale 1.2 from the lessac config.
    expect(result.sampleRate).toBe(22050);
    expect(result.samples).toBe(33 * 120);
    const samples = await samplesOf(result);
    expect(samples).toHaveLength(33 * 120);
    expect(Math.max(...samples.map(Math.abs))).toBeGreaterThan(0.99); // peak-normalised
    expect(result.durationSeconds).toBeCloseTo(3960 / 22050, 6);
  });

  it('runs each sentence on its own and joins them with 0.2 s of silence; request scales override the config', async () => {
    const version = writeVoice();
    const result = (await runOnce(piperPipeline, version, speak('Hi. Hi.', { lengthScale: 1 }))) as SpeechResult;
    const one = (await runOnce(piperPipeline, version, speak('Hi.', { lengthScale: 1 }))) as SpeechResult;
    expect(result.samples).toBe(2 * one.samples + Math.round(0.2 * 22050));
    const slow = (await runOnce(piperPipeline, version, speak('Hi.', { lengthScale: 2 }))) as SpeechResult;
    expect(slow.samples).toBe(2 * one.samples);
  });

  it('feeds sid only to a graph that has it, from the request speakerId (default 0)', async () => {
    const version = writeVoice({ sid: true });
    const sessions = await openSessions(version, piperPipeline.sessionRoles);
    expect(piperPipeline.checkSignature(signatures(sessions))).toEqual([]);
    const state = await piperPipeline.prepare(version);
    const run = (speakerId?: number) =>
      piperPipeline.run(sessions, state, speak('Hello.', speakerId === undefined ? {} : { speakerId }), new AbortController().signal) as Promise<SpeechResult>;
    const [byDefault, first, second] = await Promise.all([run(), run(0), run(1)]);
    expect(Buffer.from(byDefault.wav).equals(Buffer.from(first.wav))).toBe(true);
    expect(Buffer.from(second.wav).equals(Buffer.from(first.wav))).toBe(false);
    expect(second.samples).toBe(first.samples);
    await expect(run(2)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'speakerId' });
    for (const open of Object.values(sessions)) await open.session.release();
  });

  it('speaks a text voice (phoneme_type text) from its characters', async () => {
    const map = { _: [0], '^': [1], $: [2], ' ': [3], h: [4], i: [5], '!': [6] };
    const version = writeVoice({ config: { phoneme_type: 'text', phoneme_id_map: map, inference: { noise_scale: 0.667, length_scale: 1, noise_w: 0.8 } } });
    const result = (await runOnce(piperPipeline, version, speak('HI hi!'))) as SpeechResult;
    // ^ _ h _ i _ ' ' _ h _ i _ ! _ $ = 15 ids
    expect(result.samples).toBe(15 * SAMPLES_PER_ID);
  });

  it('refuses bad requests with clear codes', async () => {
    const version = writeVoice();
    await expect(runOnce(piperPipeline, version, speak('   '))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: 'the text is empty' });
    await expect(runOnce(piperPipeline, version, speak('a'.repeat(2001)))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('at most 2000') });
    await expect(runOnce(piperPipeline, version, speak('Hello', { speakerId: 1 }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'speakerId' });
    await expect(runOnce(piperPipeline, version, speak('Hello', { lengthScale: 0 }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'lengthScale' });
    await expect(runOnce(piperPipeline, version, { kind: 'emotion-text', text: 'hi' })).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    const textVoice = writeVoice({ config: { phoneme_type: 'text', phoneme_id_map: { _: [0], '^': [1], $: [2], a: [3] } } });
    await expect(runOnce(piperPipeline, textVoice, speak('😀 xyz'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('no symbol for') });
  });

  it('accepts 2000 characters, cutting a long unpunctuated sentence into bounded graph calls', async () => {
    const version = writeVoice();
    const text = 'ok '.repeat(666) + 'ok';
    const result = (await runOnce(piperPipeline, version, speak(text))) as SpeechResult;
    expect(result.samples).toBeGreaterThan(0);
  });

  it('refuses an espeak voice this build cannot phonemise, and a graph whose output is not [1, 1, 1, T]', async () => {
    await expect(piperPipeline.prepare(writeVoice({ config: { espeak: { voice: 'de' } } }))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringContaining('"de"') });
    await expect(runOnce(piperPipeline, writeVoice({ badOutput: true }), speak('Hello.'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringContaining('[1, 1, 1, T]') });
  });

  it('stops when the request is cancelled', async () => {
    const version = writeVoice();
    const sessions = await openSessions(version, piperPipeline.sessionRoles);
    const controller = new AbortController();
    controller.abort();
    await expect(piperPipeline.run(sessions, await piperPipeline.prepare(version), speak('Hello.'), controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('Piper signature checks', () => {
  const good = {
    inputs: [
      { name: 'input', type: 'int64', shape: [1, 'N'] },
      { name: 'input_lengths', type: 'int64', shape: [1] },
      { name: 'scales', type: 'float32', shape: [3] },
    ],
    outputs: [{ name: 'output', type: 'float32', shape: [1, 1, 1, 'T'] }],
  };

  it('passes a right export, with or without sid', () => {
    expect(checkPiperSignature(good)).toEqual([]);
    expect(checkPiperSignature({ ...good, inputs: [...good.inputs, { name: 'sid', type: 'int64', shape: [1] }] })).toEqual([]);
  });

  it('names each mismatch: missing scales, wrong type, wrong rank, unexpected input', () => {
    const bad = {
      inputs: [
        { name: 'input', type: 'float32', shape: ['N'] },
        { name: 'input_lengths', type: 'int64', shape: [1] },
        { name: 'speaker', type: 'int64', shape: [1] },
      ],
      outputs: [{ name: 'output', type: 'int64', shape: [1, 'T'] }],
    };
    expect(checkPiperSignature(bad)).toEqual([
      'input `input` is float32, expected int64 ([1, N] phoneme ids)',
      'input `input` has rank 1 [N], expected rank 2 ([1, N] phoneme ids)',
      'missing input `scales` (float32 [3] noise_scale, length_scale, noise_w)',
      'unexpected input `speaker` (a Piper graph takes input, input_lengths, scales and, with several speakers, sid)',
      'output `output` is int64, expected float32 audio',
    ]);
    expect(checkPiperSignature(undefined)).toEqual(['no piper-model graph']);
  });

  it('reads the signature of a real session', async () => {
    const version = writeVoice({ sid: true });
    const sessions = await openSessions(version, ['piper-model']);
    const signature = signatures(sessions)['piper-model']!;
    expect(signature.inputs.map((i) => [i.name, i.type, i.shape.length])).toEqual([
      ['input', 'int64', 2],
      ['input_lengths', 'int64', 1],
      ['scales', 'float32', 1],
      ['sid', 'int64', 1],
    ]);
  });
});
