import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-app.js';
import { toneWav } from '../../test-support/wav.js';
import { lintReferenceClip, measureAudio } from './audio-lint.js';
import { StoreWorker } from './store-worker-client.js';

const fixtures = fileURLToPath(new URL('../../../assets/fixtures/audio/', import.meta.url));
let cleanup: (() => void) | undefined;
let worker: StoreWorker | undefined;
afterEach(() => {
  worker?.close();
  cleanup?.();
});

function tone(seconds: number, sampleRate: number, amplitude = 0.5, channels = 1) {
  const n = Math.round(seconds * sampleRate);
  const data = Array.from({ length: channels }, () => new Float32Array(n));
  for (const ch of data) for (let i = 0; i < n; i++) ch[i] = amplitude * Math.sin((2 * Math.PI * 220 * i) / sampleRate);
  return { sampleRate, channelData: data };
}

describe('reference clip checks', () => {
  it('accept a clean 3-10 s mono clip without findings', () => {
    expect(lintReferenceClip('a.wav', measureAudio(tone(5, 32000)))).toEqual([]);
  });

  it.each([
    ['too short', tone(2.5, 32000), 'error', 'DURATION'],
    ['too long', tone(11, 16000), 'error', 'DURATION'],
    ['silent', tone(5, 32000, 0), 'error', 'SILENT'],
    ['clipped', tone(5, 32000, 1.4), 'warning', 'CLIPPING'],
    ['low sample rate', tone(5, 8000), 'warning', 'LOW_SAMPLE_RATE'],
    ['stereo', tone(5, 32000, 0.5, 2), 'warning', 'STEREO'],
    ['quiet', tone(5, 32000, 0.012), 'warning', 'QUIET'],
  ])('flag a clip that is %s', (_label, audio, level, code) => {
    expect(lintReferenceClip('a.wav', measureAudio(audio))).toContainEqual(expect.objectContaining({ level, code }));
  });

  it('measure leading and trailing silence', () => {
    const audio = tone(5, 16000);
    const padded = new Float32Array(audio.channelData[0]!.length + 16000 * 3);
    padded.set(audio.channelData[0]!, 16000 * 2);
    const facts = measureAudio({ sampleRate: 16000, channelData: [padded] });
    expect(facts.leadingSilenceSeconds).toBeCloseTo(2, 1);
    expect(facts.trailingSilenceSeconds).toBeCloseTo(1, 1);
    expect(lintReferenceClip('a.wav', facts).map((f) => f.code)).toEqual(['LEADING_SILENCE']);
  });
});

describe('decoding every accepted format in the worker thread', () => {
  it.each(['tone-4s.mp3', 'tone-4s.flac', 'tone-4s.m4a'])('%s', async (name) => {
    worker = new StoreWorker();
    const { facts, findings } = await worker.lintAudio(path.join(fixtures, name), name);
    expect(facts!.durationSeconds).toBeGreaterThan(3.9);
    expect(facts!.durationSeconds).toBeLessThan(4.2);
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
  });

  it('a WAV, and a file that is not audio at all', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    fs.writeFileSync(path.join(temp.dir, 'ok.wav'), toneWav({ seconds: 4, sampleRate: 16000 }));
    fs.writeFileSync(path.join(temp.dir, 'bad.wav'), 'RIFF nonsense');
    worker = new StoreWorker();
    expect((await worker.lintAudio(path.join(temp.dir, 'ok.wav'), 'ok.wav')).facts!.sampleRate).toBe(16000);
    const bad = await worker.lintAudio(path.join(temp.dir, 'bad.wav'), 'bad.wav');
    expect(bad.findings).toEqual([expect.objectContaining({ level: 'error', code: 'UNDECODABLE' })]);
  });
});
