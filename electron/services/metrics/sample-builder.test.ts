import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EngineStatusReport } from '../../api/index.js';
import { queryNvidiaSmi } from '../hardware/nvidia-smi.js';
import { nvidiaSmiFixtureRunner } from '../hardware/fixtures/nvidia-smi/fixture-runner.js';
import { parseDiskstats, parseNetDev, ratePerSecond } from './io-counters.js';
import { buildSample, engineReadings, toMetricValues, type LoadReading, type MemReading, type SampleInputs } from './sample-builder.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const read = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');
/** systeminformation's currentLoad() and mem() as recorded on the development machine (4 cores, no swap). */
const load = JSON.parse(read('si-current-load.json')) as LoadReading;
const mem = JSON.parse(read('si-mem.json')) as MemReading;

const idleEngine = (started: boolean): EngineStatusReport => ({
  runtime: { available: true, version: '1.30.0', error: null },
  providerOrder: ['cpu'],
  providers: [{ provider: 'cpu', state: started ? 'in use' : 'not tried yet', reason: null }],
  queue: { running: 1, waiting: 3, maxConcurrent: 4, queueLimit: 32 },
  cache: { budgetBytes: 1e9, bytes: 0, entries: 2, hits: 9, misses: 1, evictions: 0, hitRate: started ? 0.9 : null },
  loaded: started ? [{ line: 'voice/A01', version: '1.0.0', bytes: 1, loadMs: 4200, uses: 3, lastUsed: 0, provider: 'cpu' }] : [],
  metrics: started
    ? [
        { line: 'voice/A01', requests: 300, errors: 3, errorRate: 0.01, p50Ms: 400, p95Ms: 900, p99Ms: 1000, perMinute: 12, lastLoadMs: 4200 },
        { line: 'emotion/text', requests: 100, errors: 5, errorRate: 0.05, p50Ms: 30, p95Ms: 2500, p99Ms: 3000, perMinute: 8, lastLoadMs: 800 },
      ]
    : [],
  workerRestarts: 0,
  started,
  preloads: [],
});

function inputs(overrides: Partial<SampleInputs> = {}): SampleInputs {
  const disk1 = parseDiskstats(read('proc-diskstats-1.txt'));
  const net1 = parseNetDev(read('proc-net-dev-1.txt'));
  const disk2 = parseDiskstats(read('proc-diskstats-2.txt'));
  const net2 = parseNetDev(read('proc-net-dev-2.txt'));
  return {
    at: new Date(Date.UTC(2026, 0, 5, 0, 0, 2)),
    load,
    mem,
    diskSpace: { totalBytes: 100e9, freeBytes: 8e9, usedPercent: 92 },
    io: { diskReadBytes: disk2.readBytes, diskWriteBytes: disk2.writeBytes, networkRxBytes: net2.rxBytes, networkTxBytes: net2.txBytes },
    previousIo: {
      atMs: Date.UTC(2026, 0, 5, 0, 0, 0),
      counters: { diskReadBytes: disk1.readBytes, diskWriteBytes: disk1.writeBytes, networkRxBytes: net1.rxBytes, networkTxBytes: net1.txBytes },
    },
    gpu: { available: false, reason: 'not-installed', detail: 'nvidia-smi is not installed or not on PATH' },
    engine: idleEngine(false),
    backup: { targets: 0, lastBackupAt: null, nextRunAt: null, lastVerifyOk: null },
    store: { versions: 0, lastFullVerificationAt: null, failedVersions: 0 },
    ...overrides,
  };
}

describe('reading recorded outputs', () => {
  it('sums whole disks in /proc/diskstats, not loops, zram or partitions', () => {
    // vda: sectors read 134089074 -> 136377490 and written 105692640 -> 106058192 between the two captures.
    expect(parseDiskstats(read('proc-diskstats-1.txt'))).toEqual({ readBytes: 134089074 * 512, writeBytes: 105692640 * 512 });
    const withPartitions = ' 259 0 nvme0n1 10 0 100 0 20 0 200 0 0 0 0\n 259 1 nvme0n1p1 10 0 100 0 20 0 200 0 0 0 0\n 253 0 dm-0 1 0 999 0 1 0 999 0 0 0 0\n';
    expect(parseDiskstats(withPartitions)).toEqual({ readBytes: 100 * 512, writeBytes: 200 * 512 });
  });

  it('sums every interface but loopback in /proc/net/dev', () => {
    expect(parseNetDev(read('proc-net-dev-2.txt'))).toEqual({ rxBytes: 3171092094, txBytes: 13275212 });
  });

  it('builds a sample from systeminformation readings as recorded', () => {
    const sample = buildSample(inputs());
    expect(sample.cpu.totalPercent).toBe(73.9);
    expect(sample.cpu.perCorePercent).toHaveLength(load.cpus.length);
    // Used memory is what programs hold (total - available), not the page cache.
    expect(sample.memory).toEqual({
      totalBytes: 25276502016,
      usedBytes: 25276502016 - 24590217216,
      usedPercent: 2.7,
      swapTotalBytes: 0,
      swapUsedBytes: 0,
    });
    // Two seconds between the captures: half the counter difference per second.
    expect(sample.disk.readBytesPerSec).toBe(((136377490 - 134089074) * 512) / 2);
    expect(sample.disk.writeBytesPerSec).toBe(((106058192 - 105692640) * 512) / 2);
    expect(sample.network).toEqual({ rxBytesPerSec: 0, txBytesPerSec: 0 });
    expect(sample.gpu).toEqual({ available: false, reason: 'not-installed', gpus: [] });
    expect(sample.engine).toMatchObject({ started: false, p50Ms: null, queueDepth: null });
  });

  it('has no rates on the first reading or after a counter went back', () => {
    const first = buildSample(inputs({ previousIo: null }));
    expect([first.disk.readBytesPerSec, first.network.rxBytesPerSec]).toEqual([null, null]);
    expect(ratePerSecond(500, 100, 1000)).toBeNull();
    expect(ratePerSecond(100, 600, 500)).toBe(1000);
  });

  it('takes per-GPU values from nvidia-smi and watches the busiest GPU', async () => {
    const gpu = await queryNvidiaSmi(nvidiaSmiFixtureRunner('two-gpus'));
    const sample = buildSample(inputs({ gpu }));
    expect(sample.gpu.gpus.map((g) => [g.index, g.utilizationPercent, g.throttled])).toEqual([
      [0, 96, true],
      [1, 0, false],
    ]);
    const values = toMetricValues(sample);
    expect(values['gpu.percent']).toBe(96);
    expect(values['gpu.temperatureC']).toBe(83);
    expect(values['gpu.memoryPercent']).toBeCloseTo((13950 / 16376) * 100, 5);
    expect(toMetricValues(buildSample(inputs()))['gpu.percent']).toBeNull();
  });

  it('sums the engine lines: worst latency, total throughput, error rate weighted by requests', () => {
    expect(engineReadings(idleEngine(true))).toEqual({
      started: true,
      p50Ms: 400,
      p95Ms: 2500,
      perMinute: 20,
      errorRate: (0.01 * 300 + 0.05 * 100) / 400,
      cacheHitRate: 0.9,
      queueDepth: 3,
      modelLoadMs: 4200,
    });
    const values = toMetricValues(buildSample(inputs({ engine: idleEngine(true) })));
    expect(values['engine.errorPercent']).toBeCloseTo(2, 10);
    expect(values['engine.cacheHitPercent']).toBe(90);
    expect(values['disk.percent']).toBe(92);
  });
});
