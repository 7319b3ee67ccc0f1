import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../electron/test-support/temp-app.js';
import { piperGraph, writeOnnx, writePiperVoice, writeSlowPiperVoice } from '../electron/test-support/model-fixtures.js';
import { InferenceEngine, type EngineSettings } from './inference-engine.js';
import type { VersionFiles } from './pipelines/pipeline.js';

const open: Array<{ close(): Promise<void> | void }> = [];
let cleanup: (() => void) | undefined;
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
  cleanup?.();
});

function engine(overrides: Partial<EngineSettings> = {}) {
  const settings: EngineSettings = { providerOrder: ['cpu'], cpuThreads: 1, cacheBudgetBytes: 1024 ** 3, maxConcurrent: 4, queueLimit: 8, timeoutMs: 60_000, ...overrides };
  const e = new InferenceEngine({ settings: () => settings });
  open.push(e);
  return e;
}

function piperVersion(dir: string, name: string, version = '1.0.0', line = 'voice/amy'): VersionFiles {
  return {
    line,
    version,
    format: 'piper',
    metadata: {},
    files: [
      { path: `${name}.onnx`, role: 'piper-model', absolutePath: path.join(dir, `${name}.onnx`) },
      { path: `${name}.onnx.json`, role: 'piper-config', absolutePath: path.join(dir, `${name}.onnx.json`) },
    ],
  };
}

function fixtures() {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  const fast = writePiperVoice(path.join(temp.dir, 'fast'), 'fast', { phonemeType: 'text' });
  const slow = writeSlowPiperVoice(path.join(temp.dir, 'slow'), 'slow');
  return { dir: temp.dir, fast: piperVersion(fast, 'fast'), slow: piperVersion(slow, 'slow', '1.0.0', 'voice/slow') };
}

const speak = (text: string) => ({ kind: 'speech' as const, text });
/** Every call of the slow graph is about 54 GFLOP of matrix work: far longer than the waits below. */
const SLOW_TEXT = 'ab ab';

describe('InferenceEngine (real worker thread, real onnxruntime-node)', () => {
  it('runs a request off the main thread and caches the loaded model', async () => {
    const { fast } = fixtures();
    const e = engine();
    const first = await e.infer(fast, speak('ab ab'));
    expect(first.result.kind).toBe('speech');
    expect(first.info).toMatchObject({ provider: 'cpu', cacheHit: false });
    expect(first.info.loadMs).toBeGreaterThanOrEqual(0);
    const second = await e.infer(fast, speak('abba'));
    expect(second.info).toMatchObject({ cacheHit: true, loadMs: null });
    const status = await e.status();
    expect(status.cache).toMatchObject({ entries: 1, hits: 1, misses: 1 });
    expect(status.metrics).toEqual([expect.objectContaining({ line: 'voice/amy', requests: 2, errors: 0 })]);
    expect(status.metrics[0]!.p50Ms).toBeGreaterThan(0);
  });

  it('answers ENGINE_BUSY at once when the queue is full, and serves the rest', async () => {
    const { slow } = fixtures();
    const e = engine({ maxConcurrent: 1, queueLimit: 1 });
    const running = e.infer(slow, speak(SLOW_TEXT));
    const waiting = e.infer(slow, speak(SLOW_TEXT));
    await expect(e.infer(slow, speak('ab'))).rejects.toMatchObject({ code: 'ENGINE_BUSY' });
    expect((await e.status()).queue).toMatchObject({ running: 1, waiting: 1 });
    await expect(running).resolves.toBeTruthy();
    await expect(waiting).resolves.toBeTruthy();
  });

  it('times a request out and keeps serving', async () => {
    const { slow, fast } = fixtures();
    const e = engine();
    await e.infer(slow, speak('ab')); // loaded, so the timeout hits the inference itself
    await expect(e.infer(slow, speak(SLOW_TEXT), { timeoutMs: 20 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    await expect(e.infer(fast, speak('ab'))).resolves.toBeTruthy();
    const metrics = (await e.status()).metrics.find((m) => m.line === 'voice/slow')!;
    expect(metrics.errors).toBe(1);
  });

  it('cancels a running request and a waiting one', async () => {
    const { slow } = fixtures();
    const e = engine({ maxConcurrent: 1 });
    const a = new AbortController();
    const b = new AbortController();
    const running = e.infer(slow, speak(SLOW_TEXT), { signal: a.signal });
    const waiting = e.infer(slow, speak(SLOW_TEXT), { signal: b.signal });
    b.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
    a.abort();
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('survives an engine crash: the request in flight fails clearly, the next one runs in a fresh engine process', async () => {
    const { slow, fast } = fixtures();
    const e = engine();
    await e.infer(fast, speak('ab'));
    const inFlight = e.infer(slow, speak(SLOW_TEXT));
    await new Promise((r) => setTimeout(r, 100));
    e.engineProcess!.kill('SIGKILL'); // the engine dies as it would on a native crash
    await expect(inFlight).rejects.toMatchObject({ code: 'ENGINE_CRASHED' });
    await expect(e.infer(fast, speak('ab'))).resolves.toMatchObject({ info: { cacheHit: false } });
    expect((await e.status()).workerRestarts).toBe(1);
  });

  it('evicts models to stay within the memory budget', async () => {
    const { fast, slow } = fixtures();
    const size = (v: VersionFiles) => fs.statSync(v.files[0]!.absolutePath).size;
    // Room for either model alone, not for both.
    const e = engine({ cacheBudgetBytes: Math.max(size(fast), size(slow)) + 10 });
    await e.infer(fast, speak('ab'));
    await e.infer(slow, speak('ab'));
    const status = await e.status();
    expect(status.cache.evictions).toBe(1);
    expect(status.loaded.map((l) => l.line)).toEqual(['voice/slow']);
  });

  it('unloads the old version of a line when another becomes active', async () => {
    const { fast } = fixtures();
    const e = engine();
    await e.infer(fast, speak('ab'));
    await e.infer({ ...fast, version: '1.1.0' }, speak('ab'));
    expect(await e.unloadLine('voice/amy', '1.1.0')).toHaveLength(1);
    expect((await e.status()).loaded.map((l) => l.version)).toEqual(['1.1.0']);
  });

  it('refuses a graph whose signature is not its format, naming the mismatch', async () => {
    const { dir } = fixtures();
    const bad = writePiperVoice(path.join(dir, 'bad'), 'bad');
    const graph = piperGraph();
    writeOnnx(path.join(bad, 'bad.onnx'), { ...graph, inputs: graph.inputs.filter((i) => i.name !== 'scales'), nodes: [{ op: 'Cast', inputs: ['input'], outputs: ['f'], attributes: { to: 1 } }, { op: 'Unsqueeze', inputs: ['f', 'axes'], outputs: ['output'] }], initializers: [{ name: 'axes', type: 'int64', dims: [2], values: [0, 1] }] });
    const e = engine();
    await expect(e.check(piperVersion(bad, 'bad'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringMatching(/scales/) });
  });

  it('refuses a format without a pipeline and a corrupt graph, and keeps serving', async () => {
    const { fast, dir } = fixtures();
    const e = engine();
    await expect(e.infer({ ...fast, format: 'pretrained' }, speak('ab'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    const corrupt = path.join(dir, 'corrupt.onnx');
    fs.writeFileSync(corrupt, Buffer.from([8, 7, 0, 1, 2, 3, 4, 5]));
    const broken = { ...fast, line: 'voice/broken', files: [{ ...fast.files[0]!, absolutePath: corrupt }, fast.files[1]!] };
    await expect(e.infer(broken, speak('ab'))).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });
    await expect(e.infer(fast, speak('ab'))).resolves.toBeTruthy();
  });
});
