import fs from 'node:fs';
import path from 'node:path';
import wavefile from 'wavefile';
import { afterEach, describe, expect, it } from 'vitest';
import type { PipelineProgress, SpeechRequest, SpeechResult, VersionFiles } from '../pipeline.js';
import { openSessions, signatures, tempDir, versionFromFolder } from '../test-support/pipeline-harness.js';
import { SAMPLES_PER_TOKEN, STUB_FILES, writeStubExport, type StubDecoderOptions } from '../test-support/gpt-sovits-graphs.js';
import { NO_EOS_BEFORE } from './sampling.js';
import { gptSovitsPipeline, type GptSovitsState } from './gpt-sovits-pipeline.js';
import { applyPeakRule, withTrailingZeros } from './reference.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function stubVoice(options: StubDecoderOptions, metadata: Record<string, unknown> = { referenceTexts: { 'ref.wav': '您好，很高興為您服務。' }, referenceLanguage: 'zh' }): VersionFiles {
  const temp = tempDir('voiceops-gsv-');
  cleanups.push(temp.cleanup);
  writeStubExport(temp.dir, options);
  return versionFromFolder(temp.dir, 'gpt-sovits-v2', (file) => STUB_FILES[file] ?? 'unknown', metadata);
}

/** Opens the voice like the engine (sessions, signature check, prepare) and returns a speak function on one state. */
async function loaded(version: VersionFiles) {
  const sessions = await openSessions(version, gptSovitsPipeline.sessionRoles);
  cleanups.push(() => void Promise.all(Object.values(sessions).map((s) => s.session.release())));
  expect(gptSovitsPipeline.checkSignature(signatures(sessions))).toEqual([]);
  const state = await gptSovitsPipeline.prepare(version);
  const speak = async (request: Omit<SpeechRequest, 'kind'>, options: { signal?: AbortSignal; progress?: PipelineProgress[] } = {}) =>
    (await gptSovitsPipeline.run(sessions, state, { kind: 'speech', ...request }, options.signal ?? new AbortController().signal, (p) => options.progress?.push(p))) as SpeechResult;
  return { state, speak };
}

function pcmOf(result: SpeechResult): Int16Array {
  const wav = new wavefile.WaveFile(result.wav);
  expect((wav.fmt as { sampleRate: number }).sampleRate).toBe(32000);
  return wav.getSamples(false, Int16Array) as unknown as Int16Array;
}

describe('the GPT-SoVITS v2 pipeline on stub graphs', () => {
  it('speaks a Chinese sentence as Tp x 1280 samples at 32 kHz (upstream layout, graph sampling)', async () => {
    const { speak, state } = await loaded(stubVoice({ eosAt: 5 }));
    const progress: PipelineProgress[] = [];
    const result = await speak({ text: '今天天氣很好。', language: 'zh' }, { progress });
    // First-step token + 5 step runs (the 5th is EOS, dropped): Tp = 5 tokens.
    expect(result).toMatchObject({ sampleRate: 32000, samples: 5 * SAMPLES_PER_TOKEN, sampling: { where: 'graph', seed: null } });
    expect(pcmOf(result)).toHaveLength(5 * SAMPLES_PER_TOKEN);
    expect(progress.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress[0]).toMatchObject({ sentence: 1, sentences: 1, maxSteps: 1500 });
    // The reference (SSL features, 32 kHz clip, reference phones) is made once per loaded version.
    const prepared = state.prepared;
    expect(prepared).not.toBeNull();
    await speak({ text: 'Hello there.', language: 'en' });
    expect(state.prepared).toBe(prepared);
    const ref = await prepared!;
    expect(ref.sslContent.dims).toEqual([1, 768, Math.floor((4 * 16000 + 0.3 * 16000) / 320)]);
    expect(ref.refAudio.dims).toEqual([1, 4 * 32000]);
    expect(ref.refSeq.dims[1]).toBeGreaterThan(10);
  });

  it('synthesises long text sentence by sentence, joined by 0.3 s of silence', async () => {
    const { speak } = await loaded(stubVoice({ eosAt: 3, caches: 'per-layer' }));
    const progress: PipelineProgress[] = [];
    const result = await speak({ text: '您好。Thank you for calling! 請稍候。' }, { progress });
    expect(result.samples).toBe(3 * 3 * SAMPLES_PER_TOKEN + 2 * 0.3 * 32000);
    expect(new Set(progress.map((p) => p.sentence))).toEqual(new Set([1, 2, 3]));
  });

  it('honours the seed with host sampling: same seed, same audio; another seed, other audio', async () => {
    const { speak } = await loaded(stubVoice({ eosAt: 20, sampling: 'host' }));
    const request = { text: '今天天氣很好。', language: 'zh' as const, topK: 20, topP: 0.95, temperature: 1, repetitionPenalty: 1.35 };
    const a = await speak({ ...request, seed: 42 });
    const b = await speak({ ...request, seed: 42 });
    const c = await speak({ ...request, seed: 43 });
    expect(a.sampling).toEqual({ where: 'host', seed: 42 });
    expect(a.samples).toBe(20 * SAMPLES_PER_TOKEN);
    expect(Buffer.from(b.wav).equals(Buffer.from(a.wav))).toBe(true);
    expect(Buffer.from(c.wav).equals(Buffer.from(a.wav))).toBe(false);
    // Without a seed one is drawn and reported, so a good take can be made again.
    const drawn = await speak(request);
    expect(drawn.sampling?.seed).toEqual(expect.any(Number));
    expect(Buffer.from((await speak({ ...request, seed: drawn.sampling!.seed! })).wav).equals(Buffer.from(drawn.wav))).toBe(true);
  });

  it('keeps at least 11 tokens with host sampling even when EOS comes at once', async () => {
    const { speak } = await loaded(stubVoice({ eosAt: 1, sampling: 'host' }));
    expect((await speak({ text: 'Good morning.', language: 'en', seed: 1 })).samples).toBe(NO_EOS_BEFORE * SAMPLES_PER_TOKEN);
  });

  it('is cancelled between decode steps', async () => {
    const { speak } = await loaded(stubVoice({ eosAt: 1_000_000 }));
    const controller = new AbortController();
    const progress: PipelineProgress[] = [];
    const pushing = { push: (p: PipelineProgress) => { progress.push(p); if (p.step === 10) controller.abort(); } } as unknown as PipelineProgress[];
    await expect(speak({ text: '您好。' }, { signal: controller.signal, progress: pushing })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(progress.at(-1)?.step).toBe(10);
  });

  it('respects max_sec from the manifest (50 tokens a second)', async () => {
    const version = stubVoice({ eosAt: 1_000_000 }, { referenceTexts: { 'ref.wav': '您好。' }, maxSeconds: 1 });
    const { speak } = await loaded(version);
    expect((await speak({ text: '您好。' })).samples).toBe(50 * SAMPLES_PER_TOKEN);
  });

  it('refuses bad options and a voice without reference text, with stable codes', async () => {
    const { speak } = await loaded(stubVoice({ sampling: 'host' }));
    await expect(speak({ text: '您好', topK: 0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'topK' });
    await expect(speak({ text: '您好', temperature: 0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'temperature' });
    await expect(speak({ text: '您好', seed: 1.5 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'seed' });
    await expect(speak({ text: '您好', language: 'fr' as 'zh' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'language' });
    await expect(speak({ text: '您好', lengthScale: 1.2 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'lengthScale' });
    await expect(speak({ text: '   ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'text' });
    const { speak: noText } = await loaded(stubVoice({}, {}));
    await expect(noText({ text: '您好' })).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringMatching(/no reference text for ref\.wav/) });
  });
});

describe('reference audio preparation', () => {
  it('divides a peak over 1 by min(2, peak) and leaves quieter audio alone', () => {
    expect([...applyPeakRule(Float32Array.of(0.5, -0.9))]).toEqual([0.5, -0.8999999761581421]);
    expect([...applyPeakRule(Float32Array.of(1.5, -0.75))]).toEqual([1, -0.5]);
    expect([...applyPeakRule(Float32Array.of(4, -2))]).toEqual([2, -1]);
  });

  it('appends 0.3 s of zeros for SSL', () => {
    const padded = withTrailingZeros(Float32Array.of(1, 1), 0.3, 16000);
    expect(padded).toHaveLength(2 + 4800);
    expect(padded.subarray(2).every((v) => v === 0)).toBe(true);
  });

  it('decodes a stereo 44.1 kHz clip to one 32 kHz channel for vits and 16 kHz (+ 0.3 s) frames for SSL', async () => {
    const temp = tempDir('voiceops-gsv-');
    cleanups.push(temp.cleanup);
    writeStubExport(temp.dir, {});
    const wav = new wavefile.WaveFile();
    const frames = 44100 * 3;
    const left = Int16Array.from({ length: frames }, (_, i) => Math.round(8000 * Math.sin(i / 10)));
    wav.fromScratch(2, 44100, '16', [left, left]);
    fs.writeFileSync(path.join(temp.dir, 'ref.wav'), wav.toBuffer());
    const version = versionFromFolder(temp.dir, 'gpt-sovits-v2', (file) => STUB_FILES[file] ?? 'unknown', { referenceTexts: { 'ref.wav': 'Hello.' } });
    const { speak, state } = await loaded(version);
    await speak({ text: 'Hi there.' });
    const ref = await (state as GptSovitsState).prepared!;
    expect(ref.refAudio.dims).toEqual([1, 3 * 32000]);
    expect(ref.sslContent.dims[2]).toBe(Math.floor((3 * 16000 + 4800) / 320));
  });
});
