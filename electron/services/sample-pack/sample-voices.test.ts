import fs from 'node:fs';
import path from 'node:path';
import decodeAudio from 'audio-decode';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { piperPipeline } from '../../../native-engine/pipelines/piper-pipeline.js';
import type { SpeechResult } from '../../../native-engine/pipelines/pipeline.js';
import { runOnce, tempDir, versionFromFolder } from '../../../native-engine/pipelines/test-support/pipeline-harness.js';
import { findSamplePackAssets, readSampleVoices, writeSampleVoice } from './sample-pack-files.js';
import { buildSampleVoiceGraph } from './sample-voice-graph.js';
import { soundTable } from './sample-voice-symbols.js';

const voices = readSampleVoices(findSamplePackAssets());
const EN = 'Hello, thank you for calling. How can I help you today?';
const ZH = '您好，請問有什麼可以幫您的嗎？';

/** Median pitch of the loud frames, by normalised autocorrelation (smallest lag near the best peak, against octave errors). */
function medianPitch(samples: Float32Array, sampleRate: number): number {
  const frame = 2048;
  const rms = (start: number) => Math.sqrt(samples.subarray(start, start + frame).reduce((s, v) => s + v * v, 0) / frame);
  const starts = Array.from({ length: Math.floor((samples.length - frame) / 1024) }, (_, i) => i * 1024);
  const loudest = Math.max(...starts.map(rms));
  const pitches: number[] = [];
  for (const start of starts.filter((s) => rms(s) > 0.4 * loudest)) {
    const x = samples.subarray(start, start + frame);
    const r = (lag: number) => {
      let num = 0;
      let den = 1e-9;
      for (let i = 0; i + lag < frame; i++) {
        num += x[i]! * x[i + lag]!;
        den += x[i]! * x[i]!;
      }
      return num / den;
    };
    const lags = Array.from({ length: Math.floor(sampleRate / 60) - Math.floor(sampleRate / 400) }, (_, i) => i + Math.floor(sampleRate / 400));
    const scores = lags.map(r);
    const best = Math.max(...scores);
    const index = scores.findIndex((s, i) => s >= 0.9 * best && s >= (scores[i - 1] ?? -1) && s >= (scores[i + 1] ?? -1));
    pitches.push(sampleRate / lags[index]!);
  }
  pitches.sort((a, b) => a - b);
  return pitches[Math.floor(pitches.length / 2)]!;
}

interface Heard {
  seconds: number;
  rms: number;
  pitch: number;
  wav: Uint8Array;
}

const temp = tempDir('voiceops-sample-voices-');
const heard = new Map<string, Heard>();

async function hear(code: string, version: string, text: string): Promise<Heard> {
  const key = `${code}@${version}:${text}`;
  const known = heard.get(key);
  if (known) return known;
  const dir = path.join(temp.dir, `${code}-${version}`);
  if (!fs.existsSync(dir)) writeSampleVoice(voices, code, version, dir);
  const files = versionFromFolder(dir, 'piper', (f) => (f.endsWith('.onnx.json') ? 'piper-config' : f.endsWith('.onnx') ? 'piper-model' : 'metadata'));
  const result = (await runOnce(piperPipeline, files, { kind: 'speech', text })) as SpeechResult;
  const decoded = await decodeAudio(result.wav);
  const samples = decoded.channelData[0]!;
  const rms = Math.sqrt(samples.reduce((s, v) => s + v * v, 0) / samples.length);
  const out = { seconds: result.durationSeconds, rms, pitch: medianPitch(samples, decoded.sampleRate), wav: result.wav };
  heard.set(key, out);
  return out;
}

afterAll(() => temp.cleanup());

describe('the sample voices', () => {
  beforeAll(async () => {
    for (const member of voices.members) for (const { version } of member.versions) await hear(member.code, version, EN);
  }, 60_000);

  it('are three members, one with two versions, all labelled as not cloned voices', () => {
    expect(voices.members.map((m) => m.code)).toEqual(['sample-mei', 'sample-james', 'sample-ling']);
    expect(voices.members.map((m) => m.versions.length)).toEqual([2, 1, 1]);
    for (const member of voices.members) expect(member.name).toMatch(/^Sample — .* \(not a cloned voice\)$/);
  });

  it('speak English and zh-TW as non-silent audio of plausible length', async () => {
    for (const member of voices.members) {
      for (const text of [EN, ZH]) {
        const { seconds, rms } = await hear(member.code, member.versions[0]!.version, text);
        expect(rms).toBeGreaterThan(0.05);
        // About 0.03 to 0.12 s per spoken character (pinyin has about 3.5 letters per character).
        const units = text === EN ? text.length : Array.from(text).length * 3.5;
        expect(seconds).toBeGreaterThan(units * 0.03);
        expect(seconds).toBeLessThan(units * 0.12);
      }
    }
  });

  it('differ measurably in pitch and pace', async () => {
    const mei = await hear('sample-mei', '1.0.0', EN);
    const james = await hear('sample-james', '1.0.0', EN);
    const ling = await hear('sample-ling', '1.0.0', EN);
    expect(james.pitch).toBeGreaterThan(85);
    expect(james.pitch).toBeLessThan(140);
    expect(mei.pitch).toBeGreaterThan(170);
    expect(mei.pitch).toBeLessThan(250);
    expect(ling.pitch).toBeGreaterThan(mei.pitch * 1.08);
    expect(ling.pitch).toBeLessThan(320);
    expect(ling.seconds).toBeLessThan(mei.seconds);
    expect(mei.seconds).toBeLessThan(james.seconds);
  });

  it("gives Mei's two versions different sound, and the same input the same bytes", async () => {
    const first = await hear('sample-mei', '1.0.0', EN);
    const second = await hear('sample-mei', '1.1.0', EN);
    expect(second.pitch).toBeLessThan(first.pitch);
    expect(second.seconds).toBeGreaterThan(first.seconds);
    heard.clear();
    expect(Buffer.from((await hear('sample-mei', '1.0.0', EN)).wav).equals(Buffer.from(first.wav))).toBe(true);
  });

  it('builds a multi-speaker graph with a sid input whose speakers differ in pitch', async () => {
    const params = { ...voices.members[0]!.versions[0]!.params, sampleRate: 22050, speakers: [{ pitch: 1, formant: 1 }, { pitch: 0.5, formant: 0.9 }] };
    const session = await InferenceSession.create(buildSampleVoiceGraph(params, soundTable()));
    expect(session.inputNames).toEqual(['input', 'input_lengths', 'scales', 'sid']);
    const ids = [1, 0, 12, 0, 23, 0, 19, 0, 12, 0, 2]; // ^ a l i a $ in the sample symbols
    const run = async (sid: number) => {
      const out = await session.run({
        input: new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
        input_lengths: new Tensor('int64', BigInt64Array.of(BigInt(ids.length)), [1]),
        scales: new Tensor('float32', Float32Array.of(0.667, 1, 0.8), [3]),
        sid: new Tensor('int64', BigInt64Array.of(BigInt(sid)), [1]),
      });
      return out.output!.data as Float32Array;
    };
    const [a, b] = [await run(0), await run(1)];
    expect(a.length).toBe(b.length);
    expect(medianPitch(b, 22050) / medianPitch(a, 22050)).toBeCloseTo(0.5, 1);
    await session.release();
  });
});
