import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writePiperVoice } from '../../test-support/model-fixtures.js';
import { openTempStore, type TempStore } from '../../test-support/temp-store.js';
import { verifyStore } from './verify-store.js';

let t: TempStore | undefined;
afterEach(() => t?.cleanup());

/** A store with staff member amy and the given versions of voice/amy, each with different bytes. */
async function amyWith(versions: string[]): Promise<TempStore> {
  t = openTempStore();
  t.store.staff.add('amy', 'Amy');
  for (const [i, version] of versions.entries()) {
    const src = writePiperVoice(path.join(t.sources, version), 'amy', { gain: i + 1 });
    await t.run((job) => t!.store.importVersion({ source: src, line: 'voice/amy', version, format: undefined, actor: 'ann', origin: 'cli' }, job));
  }
  return t;
}

const active = (t: TempStore) => t.store.versions.summary('voice/amy').activeVersion;
const versionsOf = (t: TempStore) => t.store.versions.summary('voice/amy').versions.map((v) => v.version);

describe('active version, promote and roll back', () => {
  it('follows the highest version ("latest") until an admin pins one', async () => {
    await amyWith(['1.0.0', '1.2.0', '1.10.0']);
    expect(active(t!)).toBe('1.10.0'); // semver order, not string order
    t!.store.versions.promote('voice/amy', '1.0.0');
    expect(t!.store.versions.summary('voice/amy')).toMatchObject({ activeVersion: '1.0.0', pinnedVersion: '1.0.0' });
    t!.store.versions.unpin('voice/amy');
    expect(active(t!)).toBe('1.10.0');
  });

  it('rolls back to the healthy version just below the active one, in one step', async () => {
    await amyWith(['1.0.0', '1.1.0', '1.2.0']);
    expect(t!.store.versions.rollback('voice/amy').activeVersion).toBe('1.1.0');
    expect(t!.store.versions.rollback('voice/amy').activeVersion).toBe('1.0.0');
    expect(() => t!.store.versions.rollback('voice/amy')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('never deletes the active or the pinned version', async () => {
    await amyWith(['1.0.0', '1.1.0']);
    expect(() => t!.store.versions.delete('voice/amy', '1.1.0')).toThrow(/active version/);
    t!.store.versions.promote('voice/amy', '1.0.0');
    expect(() => t!.store.versions.delete('voice/amy', '1.0.0')).toThrow(/pinned/);
    const blobsBefore = t!.blobsOnDisk().length;
    expect(t!.store.versions.delete('voice/amy', '1.1.0').freedBytes).toBeGreaterThan(0);
    expect(versionsOf(t!)).toEqual(['1.0.0']);
    expect(t!.blobsOnDisk().length).toBe(blobsBefore - 1); // the shared config blob stays
  });
});

describe('retention', () => {
  it('keeps at most N versions, removing the oldest, but never the pinned or active one', async () => {
    await amyWith(['1.0.0']);
    t!.settings.update({ 'modelStore.maxVersionsPerLine': 2 });
    t!.store.versions.promote('voice/amy', '1.0.0');
    for (const [i, version] of ['1.1.0', '1.2.0', '1.3.0'].entries()) {
      const src = writePiperVoice(path.join(t!.sources, version), 'amy', { gain: 10 + i });
      await t!.run((job) => t!.store.importVersion({ source: src, line: 'voice/amy', version, format: undefined, actor: 'ann', origin: 'cli' }, job));
    }
    expect(versionsOf(t!)).toEqual(['1.3.0', '1.0.0']);
    expect(active(t!)).toBe('1.0.0');
    // Every blob on disk is referenced by a kept version.
    const referenced = new Set(t!.store.repo.allFiles().map((f) => f.sha256));
    expect(t!.blobsOnDisk().every((d) => referenced.has(d))).toBe(true);
  });
});

describe('verify', () => {
  it('finds a flipped byte and a missing blob, marks the versions, and a marked version cannot be promoted', async () => {
    await amyWith(['1.0.0', '1.1.0']);
    const v1 = t!.store.versions.show('voice/amy', '1.0.0');
    const v2 = t!.store.versions.show('voice/amy', '1.1.0');
    const model1 = v1.files.find((f) => f.role === 'piper-model')!;
    const model2 = v2.files.find((f) => f.role === 'piper-model')!;
    const blob1 = t!.store.layout.blobPath(model1.sha256);
    fs.chmodSync(blob1, 0o644);
    const bytes = fs.readFileSync(blob1);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
    fs.writeFileSync(blob1, bytes);
    fs.rmSync(t!.store.layout.blobPath(model2.sha256));

    const report = await t!.run((job) => verifyStore(t!.store.repo, t!.store.layout, job));
    expect(report.problems.map((p) => `${p.version} ${p.path} ${p.state}`).sort()).toEqual([
      '1.0.0 amy.onnx corrupt',
      '1.1.0 amy.onnx missing',
    ]);
    expect(t!.store.versions.show('voice/amy', '1.0.0')).toMatchObject({ verifyState: 'corrupt' });
    expect(t!.store.versions.show('voice/amy', '1.1.0').files.find((f) => f.path === 'amy.onnx')!.state).toBe('missing');
    expect(() => t!.store.versions.promote('voice/amy', '1.0.0')).toThrow(expect.objectContaining({ code: 'INTEGRITY_FAILED' }));
    expect(active(t!)).toBeNull(); // no healthy version left to be "latest"
  });

  it('reports a clean store as clean, checking each shared blob once', async () => {
    await amyWith(['1.0.0', '1.1.0']);
    const report = await t!.run((job) => verifyStore(t!.store.repo, t!.store.layout, job));
    expect(report).toMatchObject({ checkedVersions: 2, checkedFiles: 4, problems: [] });
    expect(report.checkedBytes).toBe(t!.blobsOnDisk().reduce((n, d) => n + fs.statSync(t!.store.layout.blobPath(d)).size, 0));
  });
});
