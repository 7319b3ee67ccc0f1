import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  execFileRunner,
  interpretNvidiaSmi,
  NVIDIA_SMI_ARGS,
  parseThrottleReasons,
  queryNvidiaSmi,
} from './nvidia-smi.js';
import { missingNvidiaSmiRunner, nvidiaSmiFixtureRunner } from './fixtures/nvidia-smi/fixture-runner.js';

describe('nvidia-smi query', () => {
  it('asks for every field in one call, without a shell', async () => {
    const calls: Array<{ command: string; args: readonly string[] }> = [];
    await queryNvidiaSmi(nvidiaSmiFixtureRunner('rtx-3070-8gb', calls));
    expect(calls).toEqual([{ command: 'nvidia-smi', args: NVIDIA_SMI_ARGS }]);
    expect(NVIDIA_SMI_ARGS).toEqual([
      '--query-gpu=index,name,uuid,memory.total,memory.used,utilization.gpu,temperature.gpu,power.draw,power.limit,clocks_throttle_reasons.active,driver_version,compute_cap',
      '--format=csv,noheader,nounits',
    ]);
  });

  it('parses a GTX 1060 6 GB (minimum tier)', async () => {
    const result = await queryNvidiaSmi(nvidiaSmiFixtureRunner('gtx-1060-6gb'));
    expect(result).toEqual({
      available: true,
      gpus: [
        {
          index: 0,
          name: 'NVIDIA GeForce GTX 1060 6GB',
          uuid: 'GPU-3f0c8b1e-9a6d-4c7b-8e2a-5d1f0e6a7b42',
          memoryTotalMiB: 6144,
          memoryUsedMiB: 347,
          utilizationPercent: 2,
          temperatureC: 38,
          powerDrawW: 7.84,
          powerLimitW: 120,
          throttle: { mask: '0x0000000000000001', active: ['GpuIdle'], throttled: false },
          driverVersion: '535.183.01',
          computeCapability: '6.1',
        },
      ],
    });
  });

  it('parses an RTX 3070 8 GB under a power cap', async () => {
    const result = await queryNvidiaSmi(nvidiaSmiFixtureRunner('rtx-3070-8gb'));
    if (!result.available) throw new Error(result.detail);
    const [gpu] = result.gpus;
    expect(gpu?.name).toBe('NVIDIA GeForce RTX 3070');
    expect(gpu?.memoryTotalMiB).toBe(8192);
    expect(gpu?.utilizationPercent).toBe(87);
    expect(gpu?.throttle).toEqual({ mask: '0x0000000000000004', active: ['SwPowerCap'], throttled: true });
    expect(gpu?.computeCapability).toBe('8.6');
  });

  it('parses an RTX A4000 16 GB', async () => {
    const result = await queryNvidiaSmi(nvidiaSmiFixtureRunner('rtx-a4000-16gb'));
    if (!result.available) throw new Error(result.detail);
    expect(result.gpus).toHaveLength(1);
    expect(result.gpus[0]).toMatchObject({ name: 'NVIDIA RTX A4000', memoryTotalMiB: 16376, memoryUsedMiB: 11208, powerLimitW: 140 });
    expect(result.gpus[0]?.throttle).toEqual({ mask: '0x0000000000000000', active: [], throttled: false });
  });

  it('parses two GPUs, each with its own values', async () => {
    const result = await queryNvidiaSmi(nvidiaSmiFixtureRunner('two-gpus'));
    if (!result.available) throw new Error(result.detail);
    expect(result.gpus.map((gpu) => [gpu.index, gpu.utilizationPercent, gpu.temperatureC, gpu.throttle.throttled])).toEqual([
      [0, 96, 83, true],
      [1, 0, 34, false],
    ]);
    expect(result.gpus[0]?.throttle.active).toEqual(['SwPowerCap', 'SwThermalSlowdown']);
    expect(new Set(result.gpus.map((gpu) => gpu.uuid)).size).toBe(2);
  });

  it('turns [N/A] and [Not Supported] into null, keeping the rest', async () => {
    const result = await queryNvidiaSmi(nvidiaSmiFixtureRunner('gtx-1060-maxq-not-supported'));
    if (!result.available) throw new Error(result.detail);
    expect(result.gpus[0]).toMatchObject({
      memoryTotalMiB: 6144,
      temperatureC: 45,
      powerDrawW: null,
      powerLimitW: null,
      throttle: { mask: null, active: [], throttled: false },
      driverVersion: '470.256.02',
    });
  });

  it('reports no GPU when the driver finds no device', async () => {
    expect(await queryNvidiaSmi(nvidiaSmiFixtureRunner('no-gpu'))).toEqual({
      available: false,
      reason: 'no-devices',
      detail: 'nvidia-smi found no NVIDIA GPU',
    });
  });

  it('reports a driver that cannot be reached, with its message', async () => {
    const result = await queryNvidiaSmi(nvidiaSmiFixtureRunner('driver-failure'));
    expect(result).toMatchObject({ available: false, reason: 'driver-failure' });
    if (!result.available) expect(result.detail).toMatch(/couldn't communicate with the NVIDIA driver/);
  });

  it('reports a missing binary, a timeout, a crash and garbage without throwing', async () => {
    expect(await queryNvidiaSmi(missingNvidiaSmiRunner)).toMatchObject({ available: false, reason: 'not-installed' });
    expect(interpretNvidiaSmi({ stdout: '', stderr: '', exitCode: null, errorCode: 'ETIMEDOUT' })).toMatchObject({ reason: 'timeout' });
    expect(interpretNvidiaSmi({ stdout: '', stderr: 'Segmentation fault\n', exitCode: 139 })).toEqual({
      available: false,
      reason: 'failed',
      detail: 'nvidia-smi exited with 139: Segmentation fault',
    });
    expect(interpretNvidiaSmi({ stdout: 'Field "compute_cap" is not a valid field to query.\n', stderr: '', exitCode: 0 })).toMatchObject({
      reason: 'unparseable',
    });
    expect(await queryNvidiaSmi(async () => Promise.reject(new Error('spawn EPERM')))).toEqual({
      available: false,
      reason: 'failed',
      detail: 'spawn EPERM',
    });
  });

  it('skips warning lines between records', () => {
    const line = '0, NVIDIA RTX A4000, GPU-x, 16376, 1, 0, 34, 9.61, 140.00, 0x0000000000000001, 550.120, 8.6';
    const result = interpretNvidiaSmi({ stdout: `Unable to determine the device handle for GPU1: 0000:02:00.0: Unknown Error\n${line}\n`, stderr: '', exitCode: 0 });
    expect(result).toMatchObject({ available: true, gpus: [{ index: 0, uuid: 'GPU-x' }] });
  });

  it('decodes throttle masks and ignores malformed ones', () => {
    expect(parseThrottleReasons('0x0000000000000048')).toEqual({ mask: '0x0000000000000048', active: ['HwSlowdown', 'HwThermalSlowdown'], throttled: true });
    expect(parseThrottleReasons('0x0000000000000003').throttled).toBe(false);
    expect(parseThrottleReasons('busy')).toEqual({ mask: null, active: [], throttled: false });
  });

  it('the real runner reports a missing binary as ENOENT and runs a real program without a shell', async () => {
    const missing = await execFileRunner(path.join(os.tmpdir(), 'no-such-nvidia-smi-here'), [], 1000);
    expect(missing.errorCode).toBe('ENOENT');
    // A stand-in script that prints a recorded output and exits like nvidia-smi without a driver.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-smi-'));
    const script = path.join(dir, 'smi.mjs');
    fs.writeFileSync(script, "process.stdout.write(\"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\\n\"); process.exit(9);");
    const failed = await execFileRunner(process.execPath, [script, '$(echo not-a-shell)'], 10_000);
    expect(failed.exitCode).toBe(9);
    expect(interpretNvidiaSmi(failed)).toMatchObject({ reason: 'driver-failure' });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
