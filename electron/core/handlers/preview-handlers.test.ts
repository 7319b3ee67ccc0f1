import fs from 'node:fs';
import path from 'node:path';
import decodeAudio from 'audio-decode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf, ProcedureName, Result } from '../../api/index.js';
import { writeGptSovitsVoice, writePiperVoice } from '../../test-support/model-fixtures.js';
import { callerAs, openTempApp, type TempApp } from '../../test-support/temp-app.js';
import { SENTENCE_GAP_SECONDS } from '../../services/preview/preview-files.js';
import type { CallContext } from '../dispatch.js';

const admin = callerAs('admin', 'ann');
const sue = callerAs('supervisor', 'sue');
const tom = callerAs('supervisor', 'tom');

let temp: TempApp;

async function call<N extends ProcedureName>(name: N, input: unknown, ctx: CallContext): Promise<Result<OutputOf<N>>> {
  return (await temp.app.call(name, input, ctx)) as Result<OutputOf<N>>;
}

async function ok<N extends ProcedureName>(name: N, input: unknown, ctx: CallContext): Promise<OutputOf<N>> {
  const result = await call(name, input, ctx);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function importVersion(staff: string, version: string, dir: string): Promise<void> {
  await ok('models.import', { path: dir, line: `voice/${staff}`, version }, { ...admin, frontDoor: 'cli' });
}

/** A whole preview as the page makes it: start, then each sentence in order. */
async function preview(ctx: CallContext, input: Record<string, unknown>) {
  const started = await ok('previews.start', input, ctx);
  const parts = [];
  for (let index = 0; index < started.sentences.length; index++) parts.push(await ok('previews.synthesize', { id: started.preview.id, index }, ctx));
  return { started, parts, final: parts.at(-1)!.preview };
}

beforeAll(async () => {
  temp = await openTempApp();
  await ok('staff.add', { code: 'amy', name: 'Amy Chen' }, admin);
  await ok('staff.add', { code: 'ben', name: 'Ben Lin' }, admin);
  await ok('staff.add', { code: 'gus', name: 'Gus Wu' }, admin);
  await importVersion('amy', '1.0.0', writePiperVoice(path.join(temp.dir, 'src', 'amy-1'), 'amy', { phonemeType: 'text' }));
  await importVersion('amy', '1.1.0', writePiperVoice(path.join(temp.dir, 'src', 'amy-2'), 'amy', { phonemeType: 'text', gain: 2 }));
  await importVersion('gus', '1.0.0', writeGptSovitsVoice(path.join(temp.dir, 'src', 'gus'), 'gus', [{ seconds: 4, text: '您好，很高興為您服務。' }]));
}, 60_000);
afterAll(async () => {
  await temp.app.engine.close();
  temp.cleanup();
});

describe('previews: hearing a voice version', () => {
  it('speaks each sentence in order through the engine, then keeps the whole clip, records and audits it', async () => {
    const { started, parts, final } = await preview(sue, { staff: 'amy', version: '1.0.0', text: 'ab ab. ba ab ba!', lengthScale: 1.5, noiseScale: 0.3 });
    expect(started.sentences).toEqual(['ab ab.', 'ba ab ba!']);
    expect(started.preview).toMatchObject({ state: 'synthesizing', staff: 'amy', version: '1.0.0', format: 'piper', sentenceCount: 2, emotion: null, createdBy: 'sue' });
    expect(parts.map((p) => [p.index, p.of, p.provider])).toEqual([[0, 2, 'cpu'], [1, 2, 'cpu']]);
    expect(parts[0]!.preview.state).toBe('synthesizing');
    expect(final).toMatchObject({ state: 'ready', params: { lengthScale: 1.5, noiseScale: 0.3 }, provider: 'cpu', sample: false });
    const partSeconds = parts.reduce((sum, p) => sum + p.durationSeconds, 0);
    expect(final.durationSeconds!).toBeCloseTo(partSeconds + SENTENCE_GAP_SECONDS, 2);
    expect(final.synthesisMs).toBeGreaterThanOrEqual(0);
    expect(final.realTimeFactor).not.toBeNull();

    // The clip on disk is a real WAV of the recorded length, and previews.get returns it again.
    const file = path.join(temp.dir, 'voice_output', `${final.id}.wav`);
    const decoded = (await decodeAudio(fs.readFileSync(file))) as { sampleRate: number; channelData: Float32Array[] };
    expect(decoded.channelData[0]!.length / decoded.sampleRate).toBeCloseTo(final.durationSeconds!, 3);
    const replay = await ok('previews.get', { id: final.id }, sue);
    expect(Buffer.from(replay.wavBase64, 'base64').equals(fs.readFileSync(file))).toBe(true);
    expect(fs.readdirSync(path.join(temp.dir, 'voice_output')).filter((n) => n.startsWith(final.id))).toEqual([`${final.id}.wav`]);

    const audit = temp.app.audit.recent(50).map((e) => `${e.action} ${e.target} ${e.actor} ${e.role} ${e.success}`);
    expect(audit).toContain('previews.start staff=amy version=1.0.0 sue supervisor true');
  });

  it('speaks a GPT-SoVITS voice at 32 kHz; an upstream export samples in its graphs, so the seed is reported as not honoured', async () => {
    const { started, parts, final } = await preview(sue, { staff: 'gus', version: '1.0.0', text: '您好。Thank you!', seed: 7, topK: 10, language: 'auto' });
    expect(started.sentences).toHaveLength(2);
    expect(parts.map((p) => p.sampling)).toEqual([{ where: 'graph', seed: null }, { where: 'graph', seed: null }]);
    expect(final).toMatchObject({ state: 'ready', sampleRate: 32000, format: 'gpt-sovits-v2', params: { seed: 7, topK: 10, language: 'auto' } });
    // The stub decoder stops after 4 steps: 4 tokens x 1280 samples per sentence.
    expect(parts[0]!.durationSeconds).toBeCloseTo((4 * 1280) / 32000, 3);
    expect(await call('previews.start', { staff: 'gus', version: '1.0.0', text: '您好', lengthScale: 1.2 }, sue)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'lengthScale' } });
  });

  it('a one-sentence preview is ready after one call; the history shows your own, admins may see everyone', async () => {
    const mine = await preview(sue, { staff: 'amy', version: '1.1.0', text: 'ab ba' });
    expect(mine.parts).toHaveLength(1);
    expect(mine.final.state).toBe('ready');
    const theirs = await preview(tom, { staff: 'amy', version: '1.1.0', text: 'ba' });

    const sueList = await ok('previews.list', {}, sue);
    expect(sueList[0]!.id).toBe(mine.final.id);
    expect(sueList.every((p) => p.createdBy === 'sue' && p.state === 'ready')).toBe(true);
    expect(await call('previews.list', { scope: 'all' }, sue)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const everyone = await ok('previews.list', { scope: 'all' }, admin);
    expect(everyone.map((p) => p.id)).toEqual(expect.arrayContaining([mine.final.id, theirs.final.id]));

    // Someone else's clip is not found for a supervisor; an admin may replay it.
    expect(await call('previews.get', { id: theirs.final.id }, sue)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await ok('previews.get', { id: theirs.final.id }, admin)).preview.createdBy).toBe('tom');
  });

  it('takes sentences only in order, once, and only from whoever started the preview', async () => {
    const started = await ok('previews.start', { staff: 'amy', version: '1.0.0', text: 'ab. ba.' }, sue);
    const id = started.preview.id;
    expect(await call('previews.synthesize', { id, index: 1 }, sue)).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'index' } });
    expect(await call('previews.synthesize', { id, index: 0 }, tom)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const [a, b] = await Promise.all([call('previews.synthesize', { id, index: 0 }, sue), call('previews.synthesize', { id, index: 0 }, sue)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    await ok('previews.synthesize', { id, index: 1 }, sue);
    expect(await call('previews.synthesize', { id, index: 2 }, sue)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('previews.get', { id: '../../voiceops' }, sue)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'id' } });
  });
});

describe('previews: bad input is refused before the engine is asked', () => {
  it('refuses empty and over-long text in the contract (500 characters, counted as characters)', async () => {
    expect(await call('previews.start', { staff: 'amy', version: '1.0.0', text: '   ' }, sue)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'text' } });
    expect(await call('previews.start', { staff: 'amy', version: '1.0.0', text: 'a'.repeat(501) }, sue)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'text' } });
    expect((await call('previews.start', { staff: 'amy', version: '1.0.0', text: 'ab '.repeat(166) + 'ab' }, sue)).ok).toBe(true);
    expect(await call('previews.start', { staff: 'amy', version: '1.0.0', text: '?! ...' }, sue)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'text' } });
  });

  it('names the problem: unknown staff, a staff member without versions, an unknown version, a format without a pipeline, only checkpoints', async () => {
    const before = (await temp.app.engine.status()).metrics.reduce((sum, m) => sum + m.requests, 0);
    expect(await call('previews.start', { staff: 'zed', version: '1.0.0', text: 'ab' }, sue)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'staff' } });
    const ben = await call('previews.start', { staff: 'ben', version: '1.0.0', text: 'ab' }, sue);
    expect(ben).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'staff' } });
    expect(!ben.ok && ben.error.message).toMatch(/no voice version yet/);
    expect(await call('previews.start', { staff: 'amy', version: '9.9.9', text: 'ab' }, sue)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'version' } });
    // A version of PyTorch checkpoints only cannot be imported today; the preview still says why if one exists.
    const row = temp.app.store.repo.findVersion('voice/amy', '1.0.0')!;
    const manifest = { ...JSON.parse(row.manifest), version: '0.9.0', files: [{ path: 's2G.pth', role: 'checkpoint', size: 10, sha256: 'a'.repeat(64) }] };
    temp.app.store.repo.insertVersion({ line: 'voice/amy', version: '0.9.0', format: 'gpt-sovits-v2', manifest: JSON.stringify(manifest), totalBytes: 10, importedAt: row.importedAt, importedBy: 'ann', files: [] });
    const pth = await call('previews.start', { staff: 'amy', version: '0.9.0', text: 'ab' }, sue);
    expect(pth).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_FORMAT' } });
    expect(!pth.ok && pth.error.message).toMatch(/only PyTorch checkpoints/);
    // A version on a voice line in a format no speech pipeline runs (only a damaged registry has one).
    const odd = { ...JSON.parse(row.manifest), version: '0.8.0', format: 'emotion-text' };
    temp.app.store.repo.insertVersion({ line: 'voice/amy', version: '0.8.0', format: 'emotion-text', manifest: JSON.stringify(odd), totalBytes: 10, importedAt: row.importedAt, importedBy: 'ann', files: [] });
    const noPipeline = await call('previews.start', { staff: 'amy', version: '0.8.0', text: 'ab' }, sue);
    expect(noPipeline).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_FORMAT', field: 'version' } });
    expect(!noPipeline.ok && noPipeline.error.message).toMatch(/not a voice the engine can speak with/);
    expect(await call('previews.start', { staff: 'amy', version: '1.0.0', text: 'ab', language: 'zh' }, sue)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'language' } });

    expect(await call('previews.start', { staff: 'amy', version: '1.0.0', text: 'ab', topK: 5 }, sue)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'topK' } });
    expect(await call('previews.start', { staff: 'amy', version: '1.0.0', text: 'ab', lengthScale: 9 }, sue)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'lengthScale' } });
    const after = (await temp.app.engine.status()).metrics.reduce((sum, m) => sum + m.requests, 0);
    expect(after).toBe(before);
    const failed = temp.app.audit.recent(50).find((e) => e.action === 'previews.start' && e.target === 'staff=amy version=0.8.0');
    expect(failed).toMatchObject({ success: false, detail: 'UNSUPPORTED_FORMAT', actor: 'sue' });
  });

  it('lists the versions with what the screen needs: previewable or why not, sampling controls, reference clips', async () => {
    const amy = await ok('previews.voices', { staff: 'amy' }, sue);
    expect(amy).toMatchObject({ staff: 'amy', name: 'Amy Chen', activeVersion: '1.1.0' });
    expect(amy.versions.map((v) => [v.version, v.active, v.blocked, v.supportsSampling])).toEqual([
      ['1.1.0', true, null, false],
      ['1.0.0', false, null, false],
      ['0.9.0', false, 'checkpoints-only', true],
      ['0.8.0', false, 'no-pipeline', false],
    ]);
    const gus = await ok('previews.voices', { staff: 'gus' }, sue);
    expect(gus.versions[0]).toMatchObject({ format: 'gpt-sovits-v2', blocked: null, supportsSampling: true, references: [{ path: 'ref/clip01.wav', text: '您好，很高興為您服務。' }] });
    expect((await ok('previews.voices', { staff: 'ben' }, sue)).versions).toEqual([]);
  });
});

describe('reference audio', () => {
  it("returns a clip of the version's manifest with its text, and nothing a path could reach", async () => {
    const clip = await ok('previews.referenceAudio', { staff: 'gus', version: '1.0.0', path: 'ref/clip01.wav' }, sue);
    expect(clip).toMatchObject({ path: 'ref/clip01.wav', text: '您好，很高興為您服務。', mimeType: 'audio/wav' });
    const source = fs.readFileSync(path.join(temp.dir, 'src', 'gus', 'ref', 'clip01.wav'));
    expect(Buffer.from(clip.audioBase64, 'base64').equals(source)).toBe(true);
    for (const bad of ['../../voiceops.db', '/etc/passwd', 'ref/clip01.txt', 'gus_vits.onnx', 'ref/../ref/clip01.wav']) {
      expect(await call('previews.referenceAudio', { staff: 'gus', version: '1.0.0', path: bad }, sue)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'path' } });
    }
    const audit = temp.app.audit.recent(50).filter((e) => e.action === 'previews.referenceAudio');
    expect(audit.some((e) => e.success && e.target === 'staff=gus version=1.0.0 path=ref/clip01.wav' && e.actor === 'sue')).toBe(true);
    expect(audit.some((e) => !e.success)).toBe(true);
  });
});

describe('ratings', () => {
  it('stores 1-5 ratings per version (optionally for a preview) and summarises them per version', async () => {
    const { final } = await preview(sue, { staff: 'amy', version: '1.0.0', text: 'ab' });
    const first = await ok('ratings.add', { staff: 'amy', version: '1.0.0', score: 4, comment: '  clear  ', previewId: final.id }, sue);
    expect(first.summary).toEqual({ average: 4, count: 1 });
    const second = await ok('ratings.add', { staff: 'amy', version: '1.0.0', score: 3, blind: true }, tom);
    expect(second.summary).toEqual({ average: 3.5, count: 2 });
    await ok('ratings.add', { staff: 'amy', version: '1.1.0', score: 5 }, sue);

    expect(await call('ratings.add', { staff: 'amy', version: '1.0.0', score: 6 }, sue)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'score' } });
    expect(await call('ratings.add', { staff: 'amy', version: '1.1.0', score: 2, previewId: final.id }, sue)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'previewId' } });
    expect(await call('ratings.add', { staff: 'amy', version: '3.0.0', score: 2 }, sue)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'version' } });

    const summary = await ok('ratings.summary', { line: 'voice/amy' }, sue);
    expect(summary.map((s) => [s.version, s.average, s.count])).toEqual([['1.0.0', 3.5, 2], ['1.1.0', 5, 1]]);
    const voices = await ok('previews.voices', { staff: 'amy' }, sue);
    expect(voices.versions.find((v) => v.version === '1.0.0')!.rating).toEqual({ average: 3.5, count: 2 });
    expect(temp.app.audit.recent(50).some((e) => e.action === 'ratings.add' && e.target === 'staff=amy version=1.0.0' && e.actor === 'tom')).toBe(true);

    // Ratings belong to the stored version: deleting it takes them along.
    await ok('models.delete', { line: 'voice/amy', version: '1.0.0' }, admin);
    expect((await ok('ratings.summary', {}, sue)).map((s) => s.version)).toEqual(['1.1.0']);
  });

  it('leaves model changes to admins: a supervisor may preview and rate but not delete or promote', async () => {
    expect(await call('models.delete', { line: 'voice/amy', version: '1.1.0' }, sue)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('models.promote', { line: 'voice/amy', version: '1.1.0' }, sue)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
