import fs from 'node:fs';
import path from 'node:path';
import decodeAudio from 'audio-decode';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliOnTempDataFolder } from '../test-support/captured-cli.js';
import { writeGptSovitsVoice, writePiperVoice } from '../test-support/model-fixtures.js';

const { cli, temp } = cliOnTempDataFolder();

beforeAll(async () => {
  const installed = await cli('sample-pack', 'install', '--json');
  expect(installed.code).toBe(0);
}, 120_000);

describe('voiceops sample-pack / tts / emotion / engine status', () => {
  it('installs the sample pack on a fresh data folder, honestly measured and labelled "sample", and only once', async () => {
    const staff = (await cli('staff', 'list', '--json')).json<Array<{ code: string; name: string; versionCount: number }>>();
    expect(staff.map((s) => s.code).sort()).toEqual(['sample-james', 'sample-ling', 'sample-mei']);
    expect(staff.every((s) => /sample/i.test(s.name))).toBe(true);
    expect(staff.every((s) => (s as { sample?: boolean }).sample === true)).toBe(true);
    expect(staff.find((s) => s.code === 'sample-mei')!.versionCount).toBe(2);
    const emotion = (await cli('models', 'show', 'emotion/basic', '1.0.0', '--json')).json<{ sample: boolean; metadata: { metrics?: { heldOutAccuracy?: number } } }>();
    expect(emotion.sample).toBe(true);
    const again = await cli('sample-pack', 'install', '--json');
    expect(again.json<{ installed: string[]; skipped: string[] }>()).toMatchObject({ installed: [] });
  });

  it.each(['sample-mei', 'sample-james', 'sample-ling'])('tts writes a non-silent WAV for %s', async (staff) => {
    const out = path.join(temp.dir, `${staff}.wav`);
    const result = await cli('tts', '--staff', staff, '--text', '您好，請問有什麼可以幫您？ Thank you for calling.', '--out', out, '--json');
    expect(result.code).toBe(0);
    const report = result.json<{ file: string; durationSeconds: number; realTimeFactor: number; provider: string; sample: boolean }>();
    expect(report).toMatchObject({ file: out, provider: 'cpu', sample: true });
    expect(report.realTimeFactor).toBeGreaterThan(0);
    const audio = (await decodeAudio(fs.readFileSync(out))) as { sampleRate: number; channelData: Float32Array[] };
    const samples = audio.channelData[0]!;
    expect(samples.length / audio.sampleRate).toBeCloseTo(report.durationSeconds, 1);
    const rms = Math.sqrt(samples.reduce((sum, v) => sum + v * v, 0) / samples.length);
    expect(rms).toBeGreaterThan(0.01);
  });

  it('reads the emotion of a sentence with the trained sample model', async () => {
    const result = await cli('emotion', '--text', 'This is the third time I call and nobody fixed it, I am furious!', '--json');
    const answer = result.json<{ label: string; scores: Record<string, number>; version: string; latencyMs: number; provider: string }>();
    expect(Object.keys(answer.scores).sort()).toEqual(['angry', 'frustrated', 'neutral', 'satisfied']);
    expect(['angry', 'frustrated']).toContain(answer.label);
    expect(answer).toMatchObject({ version: '1.0.0', provider: 'cpu' });
  });

  it('engine status names the provider in use and why the others are not used', async () => {
    const status = (await cli('engine', 'status', '--json')).json<{ providerOrder: string[]; runtime: { available: boolean } }>();
    expect(status.runtime.available).toBe(true);
    expect(status.providerOrder).toEqual(['cuda', 'webgpu', 'dml', 'cpu']);
  });

  it.each([
    [['emotion', '--text', ''], /VALIDATION_FAILED: text: type some text/],
    [['emotion', '--text', 'x'.repeat(2001)], /VALIDATION_FAILED: text: at most 2000 characters/],
    [['tts', '--staff', 'nobody', '--text', 'hi', '--out', '/tmp/x.wav'], /NOT_FOUND: no staff member "nobody"/],
    [['tts', '--staff', 'sample-mei', '--version', '9.9.9', '--text', 'hi', '--out', '/tmp/x.wav'], /NOT_FOUND: voice\/sample-mei has no version 9\.9\.9/],
    [['tts', '--staff', 'sample-mei', '--text', 'hi'], /USAGE: .*--out/],
  ])('%j fails with a clear code', async (argv, message) => {
    const result = await cli(...argv);
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(message);
  });

  it('speaks with a GPT-SoVITS voice through the engine process at 32 kHz; with host sampling the same seed gives the same audio', async () => {
    await cli('staff', 'add', 'gsv', '--name', 'GPT-SoVITS member');
    const gsv = writeGptSovitsVoice(path.join(temp.dir, 'gsv'), 'gsv', [{ seconds: 4, text: '您好' }]);
    expect((await cli('models', 'import', gsv, '--line', 'voice/gsv', '--version', '1.0.0')).code).toBe(0);
    const out = path.join(temp.dir, 'gsv.wav');
    const tts = await cli('tts', '--staff', 'gsv', '--text', '您好，今天天氣很好。', '--language', 'zh', '--out', out, '--json');
    expect(tts.code).toBe(0);
    // Upstream layout: the graphs sample, so no seed is reported (the preview says it cannot be honoured).
    expect(tts.json<{ sampling: unknown; sampleRate: number }>()).toMatchObject({ sampling: { where: 'graph', seed: null }, sampleRate: 32000 });
    const decoded = (await decodeAudio(fs.readFileSync(out))) as { sampleRate: number; channelData: Float32Array[] };
    expect(decoded.sampleRate).toBe(32000);
    expect(decoded.channelData[0]!.length).toBe(4 * 1280); // the stub decoder stops after 4 tokens

    const host = writeGptSovitsVoice(path.join(temp.dir, 'gsv-host'), 'gsv', [{ seconds: 4, text: '您好' }], { sampling: 'host', eosAt: 20 });
    expect((await cli('models', 'import', host, '--line', 'voice/gsv', '--version', '1.1.0')).code).toBe(0);
    const speak = async (seed: string, file: string) => {
      const result = await cli('tts', '--staff', 'gsv', '--version', '1.1.0', '--text', 'Thank you for calling.', '--seed', seed, '--top-k', '20', '--out', path.join(temp.dir, file), '--json');
      expect(result.code).toBe(0);
      expect(result.json<{ sampling: unknown }>().sampling).toEqual({ where: 'host', seed: Number(seed) });
      return fs.readFileSync(path.join(temp.dir, file));
    };
    const [a, b, c] = [await speak('11', 'a.wav'), await speak('11', 'b.wav'), await speak('12', 'c.wav')];
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
    expect((await cli('tts', '--staff', 'gsv', '--text', 'hi', '--length-scale', '1.2', '--out', path.join(temp.dir, 'x.wav'))).err).toMatch(/VALIDATION_FAILED: .*no lengthScale control/);
    expect((await cli('tts', '--staff', 'sample-mei', '--text', 'hi', '--seed', '5', '--out', path.join(temp.dir, 'x.wav'))).err).toMatch(/VALIDATION_FAILED: a Piper voice has no seed control/);
  }, 60_000);

  it('refuses a GPT-SoVITS export with a wrong graph and a Piper export with the wrong signature, naming the mismatch', async () => {
    await cli('staff', 'add', 'gbad', '--name', 'Wrong GPT-SoVITS export');
    const gsv = writeGptSovitsVoice(path.join(temp.dir, 'gbad'), 'gsv', [{ seconds: 4, text: '您好' }]);
    fs.copyFileSync(path.join(gsv, 'gsv_vits.onnx'), path.join(gsv, 'gsv_t2s_sdec.onnx')); // vits where the step decoder belongs
    const refused = await cli('models', 'import', gsv, '--line', 'voice/gbad', '--version', '1.0.0');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/UNSUPPORTED_FORMAT: .*not a valid gpt-sovits-v2 export: .*t2s-sdec: missing input `iy`/);
    expect((await cli('models', 'list', '--line', 'voice/gbad', '--json')).err).toMatch(/NOT_FOUND/);

    await cli('staff', 'add', 'wrong', '--name', 'Wrong export');
    const bad = writePiperVoice(path.join(temp.dir, 'bad'), 'bad');
    fs.copyFileSync(path.join(gsv, 'gsv_vits.onnx'), path.join(bad, 'bad.onnx')); // a GPT-SoVITS graph under a Piper name
    const imported = await cli('models', 'import', bad, '--line', 'voice/wrong', '--version', '1.0.0');
    expect(imported.code).toBe(1);
    expect(imported.err).toMatch(/UNSUPPORTED_FORMAT: .*not a valid piper export: .*(input|scales)/);
    expect((await cli('models', 'list', '--line', 'voice/wrong', '--json')).err).toMatch(/NOT_FOUND/);
  });
});

describe('voiceops settings set', () => {
  it('changes the provider order (JSON) and refuses a value the setting does not take', async () => {
    const set = await cli('settings', 'set', 'engine.providerOrder', '["webgpu","cpu"]', '--json');
    expect(set.json<Record<string, unknown>>()['engine.providerOrder']).toEqual(['webgpu', 'cpu']);
    const status = (await cli('engine', 'status', '--json')).json<{ providerOrder: string[] }>();
    expect(status.providerOrder).toEqual(['webgpu', 'cpu']);
    const bad = await cli('settings', 'set', 'engine.providerOrder', '["tpu"]');
    expect(bad.err).toMatch(/VALIDATION_FAILED: value: /);
    const unknown = await cli('settings', 'set', 'engine.colour', 'blue');
    expect(unknown.err).toMatch(/VALIDATION_FAILED: key: /);
    await cli('settings', 'set', 'engine.providerOrder', '["cuda","webgpu","dml","cpu"]');
  });
});
