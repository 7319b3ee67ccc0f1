import { describe, expect, it } from 'vitest';
import { probeExecutionProviders } from './provider-probe.js';

describe('execution providers actually usable', () => {
  it('runs a model with each provider in a child process: the CPU works here, the others say why not', async () => {
    const probes = await probeExecutionProviders();
    expect(probes.map((p) => p.provider)).toEqual(['cuda', 'webgpu', 'dml', 'cpu']);
    expect(probes.find((p) => p.provider === 'cpu')).toEqual({ provider: 'cpu', usable: true, reason: null });
    for (const p of probes.filter((probe) => !probe.usable)) expect(p.reason).toBeTruthy();
    if (process.platform !== 'win32') expect(probes.find((p) => p.provider === 'dml')).toMatchObject({ usable: false, reason: 'DirectML exists only on Windows' });
  }, 90_000);

  it('a probe that cannot finish in time reports that, and does not hang', async () => {
    const probes = await probeExecutionProviders(1);
    expect(probes).toEqual([{ provider: 'cpu', usable: false, reason: expect.stringMatching(/did not finish within/) }]);
  });
});
