import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import tar, { type Header } from 'tar-stream';

/** What tar-stream's pack.entry() accepts: a name and any other header fields. */
type TarHeader = Partial<Header> & Pick<Header, 'name'>;
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-app.js';
import { writePiperVoice, writePretrained } from '../../test-support/model-fixtures.js';
import { openTempStore, type TempStore } from '../../test-support/temp-store.js';
import { exportBundle } from './bundle-export.js';
import { importBundle } from './bundle-import.js';

const open: Array<{ cleanup(): void }> = [];
afterEach(() => open.splice(0).forEach((o) => o.cleanup()));

function store(): TempStore {
  const t = openTempStore();
  open.push(t);
  return t;
}

async function amyWithTwoVersions(): Promise<TempStore> {
  const t = store();
  t.store.staff.add('amy', 'Amy Chen');
  for (const [i, version] of ['1.0.0', '1.1.0'].entries()) {
    const src = writePiperVoice(path.join(t.sources, version), 'amy', { gain: i + 1 });
    await t.run((job) => t.store.importVersion({ source: src, line: 'voice/amy', version, format: undefined, actor: 'ann', origin: 'cli' }, job));
  }
  return t;
}

async function writeTar(file: string, entries: Array<{ header: TarHeader; body?: Buffer }>): Promise<void> {
  const pack = tar.pack();
  const done = pipeline(pack, fs.createWriteStream(file));
  for (const { header, body } of entries) {
    if (body) pack.entry(header, body);
    else pack.entry(header);
  }
  pack.finalize();
  await done;
}

describe('bundles', () => {
  it('move a whole staff member between two data folders, byte for byte, verified', async () => {
    const a = await amyWithTwoVersions();
    const file = path.join(a.sources, 'amy.voiceops-bundle');
    const exported = await a.run((job) => exportBundle(a.store, 'voice/amy', undefined, file, job));
    expect(exported.versions).toEqual(['1.1.0', '1.0.0']);
    expect(fs.statSync(file).size).toBe(exported.bytes);
    expect(fs.existsSync(`${file}.part`)).toBe(false);

    const b = store();
    const result = await b.run((job) => importBundle(b.store, file, 'it-b', 'cli', job));
    expect(result).toEqual({ imported: [{ line: 'voice/amy', version: '1.1.0' }, { line: 'voice/amy', version: '1.0.0' }], skipped: [] });
    expect(b.store.staff.list(false)).toMatchObject([{ code: 'amy', name: 'Amy Chen', versionCount: 2, activeVersion: '1.1.0' }]);
    expect(b.blobsOnDisk()).toEqual(a.blobsOnDisk());
    for (const version of ['1.0.0', '1.1.0']) {
      expect(b.store.versions.show('voice/amy', version).files).toEqual(a.store.versions.show('voice/amy', version).files);
    }
    expect(b.store.versions.show('voice/amy', '1.0.0').importedBy).toBe('it-b');

    // Importing the same bundle again changes nothing.
    const again = await b.run((job) => importBundle(b.store, file, 'it-b', 'cli', job));
    expect(again).toEqual({ imported: [], skipped: ['voice/amy@1.1.0', 'voice/amy@1.0.0'] });
  });

  it('export one version only, and refuse to export a version with a corrupt file', async () => {
    const a = await amyWithTwoVersions();
    const one = await a.run((job) => exportBundle(a.store, 'voice/amy', '1.0.0', path.join(a.sources, 'one.bundle'), job));
    expect(one.versions).toEqual(['1.0.0']);
    a.store.repo.setVersionState(a.store.repo.findVersion('voice/amy', '1.1.0')!.id, 'corrupt', new Date().toISOString());
    await expect(a.run((job) => exportBundle(a.store, 'voice/amy', '1.1.0', path.join(a.sources, 'bad.bundle'), job))).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });
    expect(fs.existsSync(path.join(a.sources, 'bad.bundle'))).toBe(false);
  });

  it('refuse a bundle whose blob was altered, and keep nothing of it', async () => {
    const a = store();
    const src = writePretrained(path.join(a.sources, 'p'), 4096);
    await a.run((job) => a.store.importVersion({ source: src, line: 'pretrained/base', version: '1.0.0', format: undefined, actor: 'ann', origin: 'cli' }, job));
    const file = path.join(a.sources, 'p.bundle');
    await a.run((job) => exportBundle(a.store, 'pretrained/base', '1.0.0', file, job));
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(Buffer.alloc(64, 7)); // inside the checkpoint's bytes
    bytes[at] = 8;
    fs.writeFileSync(file, bytes);

    const b = store();
    await expect(b.run((job) => importBundle(b.store, file, 'it', 'cli', job))).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });
    expect(b.store.versions.list()).toEqual([]);
    expect(b.blobsOnDisk()).toEqual([]);
    expect(b.tmpFiles()).toEqual([]);
  });

  const index = Buffer.from(
    JSON.stringify({
      kind: 'voiceops-bundle',
      schema: 1,
      createdAt: '2026-11-26T00:00:00Z',
      appVersion: '0.1.0',
      staff: null,
      versions: [{ schema: 1, line: 'pretrained/base', version: '1.0.0', format: 'pretrained', files: [{ path: 'a.bin', role: 'pretrained', size: 3, sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' }] }],
    }),
  );

  it.each<[string, Array<{ header: TarHeader; body?: Buffer }>, RegExp]>([
    ['a "../" path', [{ header: { name: 'voiceops-bundle.json' }, body: index }, { header: { name: '../escape.txt' }, body: Buffer.from('abc') }], /unexpected entry "\.\.\/escape\.txt"/],
    ['an absolute path', [{ header: { name: 'voiceops-bundle.json' }, body: index }, { header: { name: '/tmp/voiceops-abs.txt' }, body: Buffer.from('abc') }], /unexpected entry "\/tmp\/voiceops-abs\.txt"/],
    ['a symbolic link', [{ header: { name: 'voiceops-bundle.json' }, body: index }, { header: { name: 'blobs/x', type: 'symlink', linkname: '/etc/passwd' } }], /is a symlink/],
    ['a hard link', [{ header: { name: 'voiceops-bundle.json' }, body: index }, { header: { name: 'blobs/x', type: 'link', linkname: '/etc/passwd' } }], /is a link/],
    ['a traversal hidden behind blobs/', [{ header: { name: 'voiceops-bundle.json' }, body: index }, { header: { name: 'blobs/../../x' }, body: Buffer.from('abc') }], /unexpected entry/],
    ['a path traversal inside the index', [{ header: { name: 'voiceops-bundle.json' }, body: Buffer.from(index.toString().replace('a.bin', '../../a.bin')) }], /bad index/],
    ['a line name that is a path', [{ header: { name: 'voiceops-bundle.json' }, body: Buffer.from(index.toString().replace('pretrained/base', 'pretrained/../../etc')) }], /bad model line/],
  ])('refuse %s and write nothing', async (_label, entries, message) => {
    const temp = makeTempDir();
    open.push(temp);
    const file = path.join(temp.dir, 'evil.bundle');
    await writeTar(file, entries);
    const b = store();
    await expect(b.run((job) => importBundle(b.store, file, 'it', 'cli', job))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message });
    expect(b.store.versions.list()).toEqual([]);
    expect(b.blobsOnDisk()).toEqual([]);
    expect(b.tmpFiles()).toEqual([]);
    expect(fs.existsSync('/tmp/voiceops-abs.txt')).toBe(false);
    expect(fs.existsSync(path.join(b.dir, '..', 'escape.txt'))).toBe(false);
  });

  it('refuse a bundle whose version exists here with different files', async () => {
    const a = await amyWithTwoVersions();
    const file = path.join(a.sources, 'amy.bundle');
    await a.run((job) => exportBundle(a.store, 'voice/amy', '1.0.0', file, job));
    const b = store();
    b.store.staff.add('amy', 'Amy');
    const other = writePiperVoice(path.join(b.sources, 'x'), 'amy', { gain: 9 });
    await b.run((job) => b.store.importVersion({ source: other, line: 'voice/amy', version: '1.0.0', format: undefined, actor: 'x', origin: 'cli' }, job));
    await expect(b.run((job) => importBundle(b.store, file, 'it', 'cli', job))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(b.store.versions.summary('voice/amy').versions).toHaveLength(1);
  });
});
