import type { EngineStatusReport, MetricSample, MetricValues } from '../../api/index.js';
import type { NvidiaSmiResult } from '../hardware/nvidia-smi.js';
import { ratePerSecond, type IoCounters } from './io-counters.js';

/** The parts of systeminformation's currentLoad() and mem() the sampler reads (see fixtures/si-*.json). */
export interface LoadReading {
  currentLoad: number;
  cpus: ReadonlyArray<{ load: number }>;
}
export interface MemReading {
  total: number;
  /** total - available: what programs hold, not the page cache the kernel gives back on demand. */
  active: number;
  available: number;
  swaptotal: number;
  swapused: number;
}

export interface SampleInputs {
  at: Date;
  load: LoadReading;
  mem: MemReading;
  diskSpace: { totalBytes: number; freeBytes: number; usedPercent: number };
  io: IoCounters;
  /** The previous reading of the counters, for rates; null on the first sample. */
  previousIo: { atMs: number; counters: IoCounters } | null;
  gpu: NvidiaSmiResult;
  engine: EngineStatusReport | null;
  backup: MetricSample['backup'];
  store: MetricSample['store'];
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
const max = (values: Array<number | null>): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.max(...present) : null;
};

/** What the dashboard shows of the engine: the worst line's latency, totals for the rest. */
export function engineReadings(report: EngineStatusReport | null): MetricSample['engine'] {
  if (!report || !report.started) {
    return { started: false, p50Ms: null, p95Ms: null, perMinute: null, errorRate: null, cacheHitRate: report?.cache.hitRate ?? null, queueDepth: null, modelLoadMs: null };
  }
  const lines = report.metrics;
  // Error rate over the windows each line keeps (its last 1000 requests at most), weighted by them.
  const windows = lines.map((l) => Math.min(l.requests, 1000));
  const windowTotal = windows.reduce((a, b) => a + b, 0);
  const errorRate = windowTotal ? lines.reduce((sum, l, i) => sum + l.errorRate * windows[i]!, 0) / windowTotal : null;
  return {
    started: true,
    p50Ms: max(lines.map((l) => l.p50Ms)),
    p95Ms: max(lines.map((l) => l.p95Ms)),
    perMinute: lines.reduce((sum, l) => sum + l.perMinute, 0),
    errorRate,
    cacheHitRate: report.cache.hitRate,
    queueDepth: report.queue.waiting,
    modelLoadMs: max([...lines.map((l) => l.lastLoadMs), ...report.loaded.map((l) => l.loadMs)]),
  };
}

export function buildSample(inputs: SampleInputs): MetricSample {
  const { load, mem, diskSpace, io, previousIo, gpu } = inputs;
  const elapsed = previousIo ? inputs.at.getTime() - previousIo.atMs : 0;
  const before = previousIo?.counters;
  const used = mem.total - mem.available;
  return {
    at: inputs.at.toISOString(),
    cpu: { totalPercent: round(load.currentLoad), perCorePercent: load.cpus.map((c) => round(c.load)) },
    memory: {
      totalBytes: mem.total,
      usedBytes: used,
      usedPercent: mem.total > 0 ? round((used / mem.total) * 100) : 0,
      swapTotalBytes: mem.swaptotal,
      swapUsedBytes: mem.swapused,
    },
    disk: {
      totalBytes: diskSpace.totalBytes,
      freeBytes: diskSpace.freeBytes,
      usedPercent: round(diskSpace.usedPercent),
      readBytesPerSec: ratePerSecond(before?.diskReadBytes, io.diskReadBytes, elapsed),
      writeBytesPerSec: ratePerSecond(before?.diskWriteBytes, io.diskWriteBytes, elapsed),
    },
    network: {
      rxBytesPerSec: ratePerSecond(before?.networkRxBytes, io.networkRxBytes, elapsed),
      txBytesPerSec: ratePerSecond(before?.networkTxBytes, io.networkTxBytes, elapsed),
    },
    gpu: gpu.available
      ? {
          available: true,
          reason: null,
          gpus: gpu.gpus.map((g) => ({
            index: g.index,
            name: g.name,
            utilizationPercent: g.utilizationPercent,
            memoryUsedMiB: g.memoryUsedMiB,
            memoryTotalMiB: g.memoryTotalMiB,
            temperatureC: g.temperatureC,
            powerDrawW: g.powerDrawW,
            powerLimitW: g.powerLimitW,
            throttled: g.throttle.throttled,
            throttleReasons: g.throttle.active,
          })),
        }
      : { available: false, reason: gpu.reason, gpus: [] },
    engine: engineReadings(inputs.engine),
    backup: inputs.backup,
    store: inputs.store,
  };
}

/** The numbers kept in history and watched by alerts; GPU values are the highest of any GPU. */
export function toMetricValues(sample: MetricSample): MetricValues {
  const { gpus } = sample.gpu;
  const percentOf = (part: number | null, whole: number | null): number | null => (part !== null && whole ? (part / whole) * 100 : null);
  const { rxBytesPerSec: rx, txBytesPerSec: tx } = sample.network;
  const e = sample.engine;
  return {
    'cpu.percent': sample.cpu.totalPercent,
    'memory.percent': sample.memory.usedPercent,
    'swap.percent': sample.memory.swapTotalBytes > 0 ? round((sample.memory.swapUsedBytes / sample.memory.swapTotalBytes) * 100) : null,
    'disk.percent': sample.disk.usedPercent,
    'disk.readBytesPerSec': sample.disk.readBytesPerSec,
    'disk.writeBytesPerSec': sample.disk.writeBytesPerSec,
    'network.rxBytesPerSec': rx,
    'network.txBytesPerSec': tx,
    'network.mbps': rx !== null && tx !== null ? round(((rx + tx) * 8) / 1e6, 3) : null,
    'gpu.percent': max(gpus.map((g) => g.utilizationPercent)),
    'gpu.memoryPercent': max(gpus.map((g) => percentOf(g.memoryUsedMiB, g.memoryTotalMiB))),
    'gpu.temperatureC': max(gpus.map((g) => g.temperatureC)),
    'gpu.powerW': max(gpus.map((g) => g.powerDrawW)),
    'engine.p50Ms': e.p50Ms,
    'engine.p95Ms': e.p95Ms,
    'engine.perMinute': e.perMinute,
    'engine.errorPercent': e.errorRate === null ? null : e.errorRate * 100,
    'engine.cacheHitPercent': e.cacheHitRate === null ? null : e.cacheHitRate * 100,
    'engine.queueDepth': e.queueDepth,
    'engine.modelLoadMs': e.modelLoadMs,
  };
}
