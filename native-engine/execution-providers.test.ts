import { describe, expect, it } from 'vitest';
import { buildOnnxModel } from '../electron/test-support/onnx-builder.js';
import { piperGraph } from '../electron/test-support/model-fixtures.js';
import { explainProviderFailure, ProviderSelector } from './execution-providers.js';

describe('execution provider selection (real onnxruntime-node, no GPU here)', () => {
  it('falls back provider by provider to the CPU and says why each one was not used', async () => {
    const selector = new ProviderSelector();
    const opened = await selector.open(buildOnnxModel(piperGraph()), { order: ['cuda', 'webgpu', 'dml', 'cpu'], cpuThreads: 1 });
    expect(opened.provider).toBe('cpu');
    expect(opened.fallbacks.map((f) => f.provider)).toEqual(['cuda', 'webgpu', 'dml']);
    expect(opened.fallbacks.find((f) => f.provider === 'cuda')!.reason).toMatch(/CUDA execution provider not installed/);
    expect(opened.fallbacks.find((f) => f.provider === 'dml')!.reason).toMatch(/only on Windows/);
    for (const f of opened.fallbacks) expect(f.reason.length).toBeGreaterThan(10);
    await opened.session.release();

    // Providers that are not installed are not tried again for the next model.
    const second = await selector.open(buildOnnxModel(piperGraph()), { order: ['cuda', 'cpu'], cpuThreads: 1 });
    expect(second.fallbacks).toEqual([opened.fallbacks[0]]);
    expect(selector.report(['cuda', 'webgpu', 'dml', 'cpu'])).toEqual([
      { provider: 'cuda', state: 'unavailable', reason: opened.fallbacks[0]!.reason },
      { provider: 'webgpu', state: 'unavailable', reason: opened.fallbacks[1]!.reason },
      { provider: 'dml', state: 'unavailable', reason: opened.fallbacks[2]!.reason },
      { provider: 'cpu', state: 'in use', reason: null },
    ]);
    await second.session.release();
  });

  it('always ends with the CPU even when the order leaves it out', async () => {
    const opened = await new ProviderSelector().open(buildOnnxModel(piperGraph()), { order: ['cuda'], cpuThreads: 1 });
    expect(opened.provider).toBe('cpu');
    await opened.session.release();
  });

  it('refuses a corrupt graph with onnxruntime\'s reason, on every provider', async () => {
    await expect(new ProviderSelector().open(new Uint8Array([8, 7, 1, 2, 3]), { order: ['cpu'], cpuThreads: 1 })).rejects.toThrow();
  });

  it('names the reasons a person can act on', () => {
    expect(explainProviderFailure('webgpu', 'Failed to get a WebGPU adapter: No supported adapters')).toMatch(/Failed to get a WebGPU adapter/);
    expect(explainProviderFailure('dml', 'backend not found', 'linux')).toBe('DirectML exists only on Windows');
  });
});
