import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCudaVersion, queryCudaVersion } from './cuda-version.js';
import { missingNvidiaSmiRunner, nvidiaSmiFixtureRunner } from './fixtures/nvidia-smi/fixture-runner.js';

const fixture = (name: string) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/cuda-version', name), 'utf8');

describe('the CUDA version of the driver', () => {
  it.each([
    ['driver-535-cuda-12.2.txt', '12.2'],
    ['driver-470-cuda-11.4.txt', '11.4'],
    ['driver-550-query.txt', '12.4'],
    ['driver-without-cuda.txt', null],
  ])('%s: %s', (file, version) => {
    expect(parseCudaVersion(fixture(file))).toBe(version);
  });

  it('is null without nvidia-smi or when it fails (no GPU, broken driver), never an exception', async () => {
    expect(await queryCudaVersion(missingNvidiaSmiRunner)).toBeNull();
    expect(await queryCudaVersion(nvidiaSmiFixtureRunner('no-gpu'))).toBeNull();
    expect(await queryCudaVersion(nvidiaSmiFixtureRunner('driver-failure'))).toBeNull();
    expect(await queryCudaVersion(async () => Promise.reject(new Error('boom')))).toBeNull();
  });

  it('runs plain nvidia-smi once', async () => {
    const calls: Array<{ command: string; args: readonly string[] }> = [];
    const runner = async (command: string, args: readonly string[]) => {
      calls.push({ command, args });
      return { stdout: fixture('driver-535-cuda-12.2.txt'), stderr: '', exitCode: 0 };
    };
    expect(await queryCudaVersion(runner)).toBe('12.2');
    expect(calls).toEqual([{ command: 'nvidia-smi', args: [] }]);
  });
});
