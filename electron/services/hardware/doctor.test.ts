import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-app.js';
import { formatDoctorReport } from '../../api/index.js';
import { realProbes, runDoctor, type DoctorProbes } from './doctor.js';
import { missingNvidiaSmiRunner, nvidiaSmiFixtureRunner, readNvidiaSmiFixture, type NvidiaSmiFixture } from './fixtures/nvidia-smi/fixture-runner.js';
import type { SystemSnapshot } from './system-snapshot.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const workstation = JSON.parse(fs.readFileSync(path.join(here, 'fixtures/systeminformation/workstation-nvme-hdd.json'), 'utf8')) as SystemSnapshot;
const header = fs.readFileSync(path.join(here, 'fixtures/cuda-version/driver-535-cuda-12.2.txt'), 'utf8');

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function dataDir(): string {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  return temp.dir;
}

/** A recorded workstation with a recorded GPU: nvidia-smi answers the query with the fixture and the bare call with a header. */
function workstationWith(gpu: NvidiaSmiFixture, cudaUsable: boolean): DoctorProbes {
  const query = nvidiaSmiFixtureRunner(gpu);
  return {
    snapshot: async () => workstation,
    nvidiaSmi: async (command, args, timeout) => (args.length === 0 ? { stdout: header, stderr: '', exitCode: 0 } : query(command, args, timeout)),
    providers: async () => [
      { provider: 'cuda', usable: cudaUsable, reason: cudaUsable ? null : 'CUDA execution provider not installed' },
      { provider: 'cpu', usable: true, reason: null },
    ],
    space: () => ({ sizeBytes: 982_840_557_568, freeBytes: 871_234_289_664 }),
  };
}

const input = (dir: string, staffCount = 10) => ({ dataDir: dir, staffCount, backupFolders: [], memoryFraction: 0.8, maxConcurrent: 4 });

describe('voiceops doctor on recorded machines', () => {
  it('the recommended workstation with its RTX 3070 meets the recommended tier; 10 voices at once do not fit 8 GB x 0.8', async () => {
    expect(readNvidiaSmiFixture('rtx-3070-8gb')).toMatch(/RTX 3070/);
    const report = await runDoctor(input(dataDir()), workstationWith('rtx-3070-8gb', true));
    expect(report.facts.gpus).toEqual([{ index: 0, name: 'NVIDIA GeForce RTX 3070', memoryBytes: 8192 * 1024 ** 2, driverVersion: '550.120', computeCapability: '8.6' }]);
    expect(report.facts.cudaVersion).toBe('12.2');
    expect(report.tierMet).toBe('recommended');
    expect(report.guide.status).toBe('pass');
    expect(report.fit.memory).toMatchObject({ device: 'gpu', verdict: 'needs-more' });
    expect(report.fit.storage.verdict).toBe('fits');
  });

  it('two A4000s: the largest single GPU counts (a session runs on one device)', async () => {
    const report = await runDoctor(input(dataDir()), workstationWith('two-gpus', true));
    expect(report.facts.gpus).toHaveLength(2);
    expect(report.fit.memory).toMatchObject({ verdict: 'fits', budgetBytes: 16376 * 1024 ** 2 * 0.8 });
  });

  it('a GPU without the CUDA provider: a warning with what to install', async () => {
    const report = await runDoctor(input(dataDir()), workstationWith('gtx-1060-6gb', false));
    expect(report.guide.checks.find((c) => c.id === 'cuda')).toMatchObject({ status: 'warn', action: 'cuda-provider-install' });
    expect(report.guide.status).toBe('warn');
  });

  it('no nvidia-smi: no GPU, a warning that inference runs on the CPU, and the memory fit against system memory', async () => {
    const report = await runDoctor(input(dataDir()), { ...workstationWith('no-gpu', false), nvidiaSmi: missingNvidiaSmiRunner });
    expect(report.facts.gpus).toEqual([]);
    expect(report.facts.gpuProblem).toMatch(/not installed/);
    expect(report.facts.cudaVersion).toBeNull();
    expect(report.guide.checks.find((c) => c.id === 'gpu-memory')).toMatchObject({ status: 'warn', message: expect.stringMatching(/inference will run on the CPU/) });
    expect(report.fit.memory.device).toBe('cpu');
  });

  it('a backup target on another file system takes the backups off the data disk', async () => {
    const dir = dataDir();
    const probes = workstationWith('rtx-3070-8gb', true);
    const tight = { ...probes, space: () => ({ sizeBytes: 1e12, freeBytes: 30e9 }) };
    expect((await runDoctor(input(dir), tight)).fit.storage.verdict).toBe('fits-without-backups');
    // /proc is always another file system than a temp folder.
    expect((await runDoctor({ ...input(dir), backupFolders: ['/proc'] }, tight)).fit.storage.verdict).toBe('fits');
  });

  it('on this machine, for real: a complete report, readable as text', async () => {
    const report = await runDoctor(input(dataDir(), 3), realProbes);
    expect(report.facts.cpu.physicalCores).toBeGreaterThan(0);
    expect(report.facts.providers.find((p) => p.provider === 'cpu')?.usable).toBe(true);
    expect(report.tiers.map((t) => t.tier)).toEqual(['minimum', 'recommended', 'enterprise']);
    const text = formatDoctorReport(report);
    expect(text).toMatch(/The guide's hardware check: (ok|WARN|FAIL)/);
    expect(text).toMatch(/Workload for 3 staff members/);
  }, 60_000);
});
