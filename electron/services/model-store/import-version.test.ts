import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeEmotionModel, writeGptSovitsVoice, writePiperVoice, writePretrained } from '../../test-support/model-fixtures.js';
import { openTempStore, type TempStore } from '../../test-support/temp-store.js';
import { sha256File } from '../../test-support/hash.js';

let t: TempStore | undefined;
afterEach(() => t?.cleanup());

function importFrom(t: TempStore, source: string, line: string, version: string, format?: 'piper' | 'gpt-sovits-v2' | 'pretrained' | 'emotion-text') {
  return t.run((job) => t.store.importVersion({ source, line, version, format, actor: 'ann', origin: 'cli' }, job));
}

describe('importing a version', () => {
  it('stores each file as a blob named by its SHA-256 and registers the version with its manifest', async () => {
    t = openTempStore();
    t.store.staff.add('amy', 'Amy Chen');
    const src = writePiperVoice(path.join(t.sources, 'amy'), 'amy', { metadata: { training: { epochs: 12 }, metrics: { mos: 4.1 } } });
    const { manifest } = await importFrom(t, src, 'voice/amy', '1.0.0');

    expect(manifest.format).toBe('piper');
    expect(manifest.files.map((f) => [f.path, f.role])).toEqual([
      ['amy.onnx', 'piper-model'],
      ['amy.onnx.json', 'piper-config'],
      ['voiceops.json', 'metadata'],
    ]);
    for (const file of manifest.files) {
      expect(file.sha256).toBe(sha256File(path.join(src, file.path)));
      expect(fs.readFileSync(t.store.layout.blobPath(file.sha256))).toEqual(fs.readFileSync(path.join(src, file.path)));
    }
    expect(manifest.metadata).toMatchObject({ training: { epochs: 12 }, metrics: { mos: 4.1 } });
    expect(manifest.importedBy).toBe('ann');
    const [line] = t.store.versions.list('voice/amy');
    expect(line).toMatchObject({ activeVersion: '1.0.0', versions: [{ version: '1.0.0', active: true, verifyState: 'ok' }] });
    expect(t.tmpFiles()).toEqual([]);
  });

  it('stores a file shared by several staff members and versions once', async () => {
    t = openTempStore();
    t.store.staff.add('amy', 'Amy');
    t.store.staff.add('ben', 'Ben');
    const a = writePiperVoice(path.join(t.sources, 'a'), 'voice');
    const b = writePiperVoice(path.join(t.sources, 'b'), 'voice');
    await importFrom(t, a, 'voice/amy', '1.0.0');
    await importFrom(t, b, 'voice/ben', '1.0.0');
    await importFrom(t, a, 'voice/amy', '1.1.0');
    expect(t.blobsOnDisk()).toHaveLength(2);
    const report = t.store.versions.list().flatMap((l) => l.versions);
    expect(report).toHaveLength(3);
  });

  it('refuses a duplicate version, whatever its content', async () => {
    t = openTempStore();
    t.store.staff.add('amy', 'Amy');
    await importFrom(t, writePiperVoice(path.join(t.sources, 'a'), 'voice'), 'voice/amy', '1.0.0');
    const other = writePiperVoice(path.join(t.sources, 'b'), 'voice', { gain: 2 });
    await expect(importFrom(t, other, 'voice/amy', '1.0.0')).rejects.toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect(t.blobsOnDisk()).toHaveLength(2);
  });

  it.each([
    ['a Piper model without its config', (dir: string) => fs.rmSync(path.join(dir, 'voice.onnx.json')), /needs exactly 1 piper-config/],
    ['a broken ONNX file', (dir: string) => fs.writeFileSync(path.join(dir, 'voice.onnx'), 'not a model'), /does not start like an ONNX model/],
    ['an unknown kind of file', (dir: string) => fs.writeFileSync(path.join(dir, 'setup.exe'), 'MZ'), /setup\.exe: not part of a piper model/],
    ['a config that is not a Piper config', (dir: string) => fs.writeFileSync(path.join(dir, 'voice.onnx.json'), '{"x":1}'), /not a Piper voice config/],
  ])('refuses %s before copying anything', async (_label, damage, message) => {
    t = openTempStore();
    t.store.staff.add('amy', 'Amy');
    const src = writePiperVoice(path.join(t.sources, 'a'), 'voice');
    damage(src);
    await expect(importFrom(t, src, 'voice/amy', '1.0.0')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message });
    expect(t.blobsOnDisk()).toEqual([]);
    expect(t.store.versions.list()).toEqual([]);
  });

  it('refuses a file over the size limit (a setting)', async () => {
    t = openTempStore();
    t.settings.update({ 'modelStore.maxFileBytes': 2048 });
    const src = writePretrained(path.join(t.sources, 'p'), 4096);
    await expect(importFrom(t, src, 'pretrained/base', '1.0.0')).rejects.toMatchObject({ message: /s1v2-base\.ckpt: 4096 bytes, over the 2048-byte limit/ });
    expect(t.blobsOnDisk()).toEqual([]);
  });

  it('refuses a format on the wrong line and a voice for an unknown or retired staff member', async () => {
    t = openTempStore();
    const src = writePiperVoice(path.join(t.sources, 'a'), 'voice');
    await expect(importFrom(t, src, 'voice/nobody', '1.0.0')).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'line' });
    t.store.staff.add('amy', 'Amy');
    t.store.staff.retire('amy');
    await expect(importFrom(t, src, 'voice/amy', '1.0.0')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(importFrom(t, src, 'pretrained/x', '1.0.0', 'piper')).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
  });

  it('refuses an import that would fill the disk past 90 %, with the numbers, and writes nothing', async () => {
    const gb = 1e9;
    t = openTempStore({ diskSpace: () => ({ totalBytes: 10 * gb, freeBytes: gb + 1000, usedPercent: 90 }) });
    t.store.staff.add('amy', 'Amy');
    const src = writePiperVoice(path.join(t.sources, 'a'), 'voice');
    await expect(importFrom(t, src, 'voice/amy', '1.0.0')).rejects.toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringMatching(/1\.00 GB free of 10\.00 GB; it would be 90\.0 % full, over the 90 % limit/),
    });
    expect(t.blobsOnDisk()).toEqual([]);
  });

  it('checks GPT-SoVITS reference clips: a clip outside 3-10 s refuses, clipping and a missing text warn', async () => {
    t = openTempStore();
    t.store.staff.add('amy', 'Amy');
    const short = writeGptSovitsVoice(path.join(t.sources, 'short'), 'amy', [{ seconds: 2, text: '你好' }]);
    await expect(importFrom(t, short, 'voice/amy', '1.0.0')).rejects.toMatchObject({ message: /clip01\.wav: 2\.0 s long; a reference clip must be 3 to 10 s/ });

    const loud = writeGptSovitsVoice(path.join(t.sources, 'loud'), 'amy', [{ seconds: 4, text: '你好' }, { seconds: 5, amplitude: 1.5 }]);
    const { manifest } = await importFrom(t, loud, 'voice/amy', '1.0.0');
    expect(manifest.format).toBe('gpt-sovits-v2');
    expect(manifest.warnings.map((w) => `${w.file} ${w.code}`).sort()).toEqual(['ref/clip02.wav CLIPPING', 'ref/clip02.wav NO_REFERENCE_TEXT']);
    expect(manifest.metadata.referenceTexts).toEqual({ 'ref/clip01.wav': '你好' });
    expect(manifest.files.filter((f) => f.role === 'reference-audio')).toHaveLength(2);
  });

  it('takes emotion labels from labels.json and refuses an emotion model without them', async () => {
    t = openTempStore();
    const src = writeEmotionModel(path.join(t.sources, 'e'));
    const { manifest } = await importFrom(t, src, 'emotion/basic', '1.0.0');
    expect(manifest.format).toBe('emotion-text');
    expect(manifest.metadata.labels).toEqual(['neutral', 'satisfied', 'frustrated', 'angry']);
    fs.rmSync(path.join(src, 'labels.json'));
    await expect(importFrom(t, src, 'emotion/basic', '1.1.0')).rejects.toMatchObject({ message: /needs its labels/ });
  });

  it('refuses links in an import folder instead of following them', async () => {
    t = openTempStore();
    t.store.staff.add('amy', 'Amy');
    const src = writePiperVoice(path.join(t.sources, 'a'), 'voice');
    fs.symlinkSync('/etc/passwd', path.join(src, 'notes.md'));
    await expect(importFrom(t, src, 'voice/amy', '1.0.0')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: /notes\.md is a link/ });
  });

  it('a cancelled import leaves no version, no blob and no temporary file', async () => {
    t = openTempStore();
    const src = writePretrained(path.join(t.sources, 'p'), 96 * 1024 * 1024);
    const started = importFrom(t, src, 'pretrained/base', '1.0.0');
    // Cancel once the copy has begun (the worker reports every 32 MB).
    while (!(t.jobs.list()[0]!.done > 0)) await new Promise((r) => setTimeout(r, 2));
    expect(t.jobs.cancel(t.jobs.list()[0]!.jobId)).toBe(true);
    await expect(started).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(t.store.versions.list()).toEqual([]);
    expect(t.blobsOnDisk()).toEqual([]);
    expect(t.tmpFiles()).toEqual([]);
    expect(t.jobs.list()[0]).toMatchObject({ state: 'cancelled' });
  });
});
