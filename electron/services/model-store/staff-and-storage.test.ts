import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeGptSovitsVoice, writePiperVoice, writePretrained } from '../../test-support/model-fixtures.js';
import { openTempStore, type TempStore } from '../../test-support/temp-store.js';
import { resolveClientPath } from './import-source.js';
import { BRIEF_BYTES_PER_STAFF_MEMBER, storageReport } from './storage-report.js';

let t: TempStore | undefined;
afterEach(() => t?.cleanup());

const importInto = (t: TempStore, source: string, line: string, version: string) =>
  t.run((job) => t.store.importVersion({ source, line, version, format: undefined, actor: 'ann', origin: 'cli' }, job));

describe('staff members', () => {
  it('are added, renamed and retired; a retired member keeps their voices until purged', async () => {
    t = openTempStore();
    t.store.staff.add('amy', 'Amy');
    expect(() => t!.store.staff.add('amy', 'Other')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    t.store.staff.rename('amy', 'Amy Chen');
    await importInto(t, writeGptSovitsVoice(path.join(t.sources, 'v'), 'amy', [{ seconds: 4, text: '您好' }]), 'voice/amy', '1.0.0');
    t.store.staff.retire('amy');
    expect(t.store.staff.list(false)).toEqual([]);
    expect(t.store.staff.list(true)).toMatchObject([{ code: 'amy', name: 'Amy Chen', versionCount: 1, activeVersion: '1.0.0' }]);
    expect(t.blobsOnDisk().length).toBeGreaterThan(0);
  });

  it('purge removes every version and reference clip for good, only after retiring and confirming', async () => {
    t = openTempStore();
    t.store.staff.add('amy', 'Amy');
    t.store.staff.add('ben', 'Ben');
    await importInto(t, writeGptSovitsVoice(path.join(t.sources, 'a'), 'amy', [{ seconds: 4, text: '您好' }]), 'voice/amy', '1.0.0');
    await importInto(t, writePiperVoice(path.join(t.sources, 'b'), 'ben'), 'voice/ben', '1.0.0');
    const benBlobs = t.blobsOnDisk().length;
    expect(() => t!.store.staff.purge('amy', 'amy')).toThrow(/retire "amy" before purging/);
    t.store.staff.retire('amy');
    expect(() => t!.store.staff.purge('amy', 'AMY')).toThrow(expect.objectContaining({ field: 'confirm' }));
    const result = t.store.staff.purge('amy', 'amy');
    expect(result.removedVersions).toBe(1);
    expect(result.freedBytes).toBeGreaterThan(0);
    expect(t.store.staff.list(true).map((s) => s.code)).toEqual(['ben']);
    expect(t.store.versions.list().map((l) => l.line)).toEqual(['voice/ben']);
    expect(t.blobsOnDisk().length).toBeLessThan(benBlobs);
    const referenced = new Set(t.store.repo.allFiles().map((f) => f.sha256));
    expect(t.blobsOnDisk().every((d) => referenced.has(d))).toBe(true);
  });
});

describe('storage report', () => {
  it('splits the space into the brief categories, counts shared files once and estimates a new member', async () => {
    t = openTempStore();
    t.store.staff.add('amy', 'Amy');
    t.store.staff.add('ben', 'Ben');
    const pretrained = writePretrained(path.join(t.sources, 'p'), 10_000);
    await importInto(t, pretrained, 'pretrained/base', '1.0.0');
    const voice = writeGptSovitsVoice(path.join(t.sources, 'v'), 'x', [{ seconds: 4, text: '您好' }]);
    await importInto(t, voice, 'voice/amy', '1.0.0');
    await importInto(t, voice, 'voice/ben', '1.0.0'); // identical files: stored once

    const space = { totalBytes: 100e9, freeBytes: 40e9, usedPercent: 60 };
    const report = storageReport(t.store.repo, t.store.layout, space);
    const bytes = Object.fromEntries(report.categories.map((c) => [c.key, c.bytes]));
    const refClip = fs.statSync(path.join(voice, 'ref', 'clip01.wav')).size + fs.statSync(path.join(voice, 'ref', 'clip01.txt')).size;
    expect(bytes['referenceAudio']).toBe(refClip);
    expect(bytes['pretrained']).toBeGreaterThan(10_000);
    expect(bytes['emotion']).toBe(0);
    expect(report.storedBytes).toBe(t.blobsOnDisk().reduce((n, d) => n + fs.statSync(t!.store.layout.blobPath(d)).size, 0));
    expect(report.dedupSavedBytes).toBe(report.staff.find((s) => s.code === 'ben')!.modelBytes + refClip);
    expect(report.disk).toEqual(space);
    expect(report.newStaffMemberEstimateBasis).toBe('measured');
  });

  it('falls back to the brief figure for a new staff member when no voice is stored yet', () => {
    t = openTempStore();
    const report = storageReport(t.store.repo, t.store.layout, { totalBytes: 1, freeBytes: 1, usedPercent: 0 });
    expect(report).toMatchObject({ newStaffMemberEstimateBytes: BRIEF_BYTES_PER_STAFF_MEMBER, newStaffMemberEstimateBasis: 'brief' });
  });
});

describe('paths named by a client', () => {
  it('from the console: only names inside the incoming folder, never "..", absolute paths or links out', () => {
    t = openTempStore();
    const incoming = t.store.layout.incoming;
    fs.mkdirSync(path.join(incoming, 'amy-v1'));
    expect(resolveClientPath('amy-v1', incoming, false)).toBe(fs.realpathSync(path.join(incoming, 'amy-v1')));
    for (const bad of ['../data', '/etc/passwd', 'amy-v1/../../x', '.hidden', 'C:\\Windows', '']) {
      expect(() => resolveClientPath(bad, incoming, false), bad).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'path' }));
    }
    fs.symlinkSync('/etc', path.join(incoming, 'escape'));
    expect(() => resolveClientPath('escape', incoming, false)).toThrow(/leads outside the incoming folder/);
    expect(() => resolveClientPath('missing', incoming, false)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('from the CLI or the desktop window: any path of the local user', () => {
    t = openTempStore();
    expect(resolveClientPath('/srv/models/amy', t.store.layout.incoming, true)).toBe('/srv/models/amy');
  });
});
