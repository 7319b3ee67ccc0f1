import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeGptSovitsVoice, writePiperVoice } from '../../test-support/model-fixtures.js';
import { callerAs, openTempApp, type TempApp } from '../../test-support/temp-app.js';
import { PIPELINES } from '../../../native-engine/pipelines/index.js';

let temp: TempApp | undefined;
afterEach(async () => {
  await temp?.app.engine.close();
  temp?.cleanup();
});

async function appWithAmy(versions: string[]) {
  temp = await openTempApp();
  const admin = callerAs('admin');
  await temp.app.call('staff.add', { code: 'amy', name: 'Amy' }, admin);
  for (const [i, version] of versions.entries()) {
    const src = writePiperVoice(path.join(temp.dir, `src-${version}`), 'amy', { gain: i + 1, phonemeType: 'text' });
    const result = await temp.app.call('models.import', { path: src, line: 'voice/amy', version }, { ...admin, frontDoor: 'cli' });
    expect(result.ok).toBe(true);
  }
  return temp.app;
}

describe('engine service', () => {
  it('preloads the active version of each line with a warm-up run, and reports it ready', async () => {
    const app = await appWithAmy(['1.0.0', '1.1.0']);
    // The import checks opened the graphs on the CPU; that is not serving: nothing shows "in use" yet.
    expect((await app.engine.status()).providers.find((p) => p.provider === 'cpu')!.state).toBe('not tried yet');
    const states = await app.engine.preloadActive((f) => PIPELINES[f] !== undefined, true);
    expect(states).toEqual([{ line: 'voice/amy', version: '1.1.0', state: 'ready', error: null }]);
    const status = await app.engine.status();
    expect(status.loaded.map((l) => `${l.line}@${l.version}`)).toEqual(['voice/amy@1.1.0']);
    expect(status.loaded[0]!.uses).toBe(0); // preload and warm-up are not uses (the idle rule counts uses)
    expect(status.metrics.find((m) => m.line === 'voice/amy')!.lastLoadMs).not.toBeNull();
    expect(status.providers.find((p) => p.provider === 'cpu')!.state).toBe('in use');
    const result = await app.call('tts.synthesize', { staff: 'amy', text: 'ab ab' }, callerAs('supervisor'));
    expect(result).toMatchObject({ ok: true, value: { version: '1.1.0', sample: false } });
    expect((await app.engine.status()).cache.hits).toBeGreaterThanOrEqual(1);
  });

  it('preloads a GPT-SoVITS voice with a warm-up sentence (its reference features are made then)', async () => {
    const app = await appWithAmy([]);
    await app.call('staff.add', { code: 'gus', name: 'Gus' }, callerAs('admin'));
    const src = writeGptSovitsVoice(path.join(temp!.dir, 'src-gus'), 'gus', [{ seconds: 4, text: '您好，很高興為您服務。' }]);
    expect((await app.call('models.import', { path: src, line: 'voice/gus', version: '1.0.0' }, { ...callerAs('admin'), frontDoor: 'cli' })).ok).toBe(true);
    const states = await app.engine.preloadActive((f) => PIPELINES[f] !== undefined, true);
    expect(states).toEqual([{ line: 'voice/gus', version: '1.0.0', state: 'ready', error: null }]);
    const result = await app.call('tts.synthesize', { staff: 'gus', text: '您好。' }, callerAs('supervisor'));
    expect(result).toMatchObject({ ok: true, value: { version: '1.0.0', sampleRate: 32000, sampling: { where: 'graph', seed: null } } });
    expect((await app.engine.status()).cache).toMatchObject({ hits: 1, misses: 0 });
  });

  it('unloads the old session when another version is promoted, and every run is audited', async () => {
    const app = await appWithAmy(['1.0.0', '1.1.0']);
    await app.call('tts.synthesize', { staff: 'amy', text: 'ab' }, callerAs('supervisor'));
    const promoted = await app.call('models.promote', { line: 'voice/amy', version: '1.0.0' }, callerAs('admin'));
    expect(promoted.ok).toBe(true);
    expect((await app.engine.status()).loaded).toEqual([]);
    await app.call('tts.synthesize', { staff: 'amy', text: 'ab' }, callerAs('supervisor'));
    expect((await app.engine.status()).loaded.map((l) => l.version)).toEqual(['1.0.0']);
    const audit = app.audit.recent(20).map((e) => `${e.action} ${e.target} ${e.actor}`);
    expect(audit).toContain('tts.synthesize line=voice/amy version=1.0.0 test-supervisor');
    expect(audit).toContain('tts.synthesize line=voice/amy version=1.1.0 test-supervisor');
    expect(audit).toContain('models.load line=voice/amy version=1.0.0 engine');
  });

  it('refuses to run a version with a corrupt file', async () => {
    const app = await appWithAmy(['1.0.0']);
    const id = app.store.repo.findVersion('voice/amy', '1.0.0')!.id;
    app.store.repo.setVersionState(id, 'corrupt', new Date().toISOString());
    const result = await app.call('tts.synthesize', { staff: 'amy', text: 'ab' }, callerAs('supervisor'));
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } }); // no healthy active version
    const pinned = await app.call('tts.synthesize', { staff: 'amy', version: '1.0.0', text: 'ab' }, callerAs('supervisor'));
    expect(pinned).toMatchObject({ ok: false, error: { code: 'INTEGRITY_FAILED' } });
  });
});
