import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../test-support/captured-cli.js';
import { makeTempDir } from '../test-support/temp-app.js';
import { writePiperVoice } from '../test-support/model-fixtures.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const cli = (...argv: string[]) => runCliCaptured(argv);

describe('voiceops staff / models / storage (the exact names other tools script against)', () => {
  it('adds staff, imports, lists, promotes, verifies, exports and re-imports a bundle', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const a = ['--data-dir', path.join(temp.dir, 'a')];
    const b = ['--data-dir', path.join(temp.dir, 'b')];
    const v1 = writePiperVoice(path.join(temp.dir, 'v1'), 'amy', { gain: 1 });
    const v2 = writePiperVoice(path.join(temp.dir, 'v2'), 'amy', { gain: 2 });

    expect((await cli('staff', 'add', 'amy', '--name', 'Amy Chen', ...a)).code).toBe(0);
    expect((await cli('staff', 'list', '--json', ...a)).json()).toMatchObject([{ code: 'amy', name: 'Amy Chen' }]);
    expect((await cli('models', 'import', v1, '--line', 'voice/amy', '--version', '1.0.0', ...a)).code).toBe(0);
    const second = await cli('models', 'import', v2, '--line', 'voice/amy', '--version', '1.1.0', '--format', 'piper', '--json', ...a);
    expect(second.json()).toMatchObject({ version: '1.1.0', active: true, format: 'piper' });

    const listed = (await cli('models', 'list', '--line', 'voice/amy', '--json', ...a)).json() as Array<{ activeVersion: string }>;
    expect(listed[0]!.activeVersion).toBe('1.1.0');
    expect((await cli('models', 'promote', 'voice/amy', '1.0.0', ...a)).code).toBe(0);
    expect(((await cli('models', 'list', '--json', ...a)).json() as Array<{ activeVersion: string }>)[0]!.activeVersion).toBe('1.0.0');

    const clean = await cli('models', 'verify', '--json', ...a);
    expect(clean.code).toBe(0);
    expect(clean.json()).toMatchObject({ checkedVersions: 2, problems: [] });

    const bundle = path.join(temp.dir, 'amy.voiceops-bundle');
    const exported = await cli('models', 'export', 'voice/amy', '--out', bundle, '--json', ...a);
    expect(exported.code).toBe(0);
    expect(exported.json()).toMatchObject({ file: bundle, versions: ['1.1.0', '1.0.0'] });
    const imported = await cli('models', 'import-bundle', bundle, '--json', ...b);
    expect(imported.json()).toMatchObject({ imported: [{ line: 'voice/amy', version: '1.1.0' }, { line: 'voice/amy', version: '1.0.0' }] });

    const storage = (await cli('storage', '--json', ...b)).json() as { storedBytes: number; staff: Array<{ code: string }> };
    expect(storage.storedBytes).toBeGreaterThan(0);
    expect(storage.staff.map((s) => s.code)).toEqual(['amy']);
  });

  it('models verify exits 1 when a stored file is corrupt, after printing the report', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const a = ['--data-dir', path.join(temp.dir, 'a')];
    await cli('staff', 'add', 'amy', '--name', 'Amy', ...a);
    await cli('models', 'import', writePiperVoice(path.join(temp.dir, 'v1'), 'amy'), '--line', 'voice/amy', '--version', '1.0.0', ...a);
    const blobs = path.join(temp.dir, 'a', 'blobs', 'sha256');
    const victim = fs.readdirSync(blobs).map((fan) => path.join(blobs, fan, fs.readdirSync(path.join(blobs, fan))[0]!))[0]!;
    fs.chmodSync(victim, 0o644);
    fs.appendFileSync(victim, 'x');

    const result = await cli('models', 'verify', '--json', ...a);
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ problems: [{ line: 'voice/amy', version: '1.0.0', state: 'corrupt' }] });
    expect(result.err).toBe('voiceops: INTEGRITY_FAILED: 1 stored file(s) corrupt or missing');
  });

  it.each([
    [['staff', 'add', 'a/b', '--name', 'x'], /VALIDATION_FAILED: code: /],
    [['models', 'import', '/nonexistent', '--line', 'voice/x', '--version', '1.0.0'], /NOT_FOUND/],
    [['models', 'import', '/tmp', '--line', 'voice/../etc', '--version', '1.0.0'], /VALIDATION_FAILED: line: /],
    [['models', 'import', '/tmp', '--line', 'emotion/basic', '--version', 'v1'], /VALIDATION_FAILED: version: must be a semantic version/],
    [['models', 'promote', 'voice/nobody', '1.0.0'], /NOT_FOUND: no model line voice\/nobody/],
  ])('%j fails with one line', async (argv, line) => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const result = await cli(...argv, '--data-dir', temp.dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(line);
    expect(result.err.split('\n')).toHaveLength(1);
  });
});
