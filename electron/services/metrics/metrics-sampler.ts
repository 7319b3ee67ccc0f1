import si from 'systeminformation';
import type { EngineStatusReport, MetricSample } from '../../api/index.js';
import type { EventBus } from '../../core/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { AlertService } from '../alerts/alert-service.js';
import { queryNvidiaSmi, type NvidiaSmiResult } from '../hardware/nvidia-smi.js';
import { diskSpace, type DiskSpace } from '../model-store/disk-space.js';
import { GpuStream } from './gpu-stream.js';
import { readIoCounters, type IoCounters } from './io-counters.js';
import type { MetricsHistory } from './metrics-history.js';
import { buildSample, toMetricValues, type LoadReading, type MemReading } from './sample-builder.js';

/** Where readings come from; each can be replaced (tests, the bench). */
export interface SystemReaders {
  load: () => Promise<LoadReading>;
  mem: () => Promise<MemReading>;
  io: () => Promise<IoCounters>;
  disk: (dir: string) => DiskSpace;
  gpu: () => Promise<NvidiaSmiResult>;
}

export const systemInformationReaders: SystemReaders = {
  // currentLoad() and mem() read os.cpus() and /proc/meminfo: no process is spawned.
  load: () => si.currentLoad(),
  mem: () => si.mem(),
  io: readIoCounters,
  disk: diskSpace,
  gpu: () => queryNvidiaSmi(),
};

export interface MetricsSamplerOptions {
  dataDir: string;
  engineStatus: () => Promise<EngineStatusReport>;
  appState: () => Pick<MetricSample, 'backup' | 'store'>;
  logger: Logger;
  readers?: Partial<SystemReaders>;
  now?: () => number;
  intervalMs?: number;
}

/** While nvidia-smi is missing or finds nothing, it is asked again only this often. */
const GPU_RETRY_MS = 60_000;
/** Backup and verification state come from the database and change rarely. */
const APP_STATE_EVERY_MS = 15_000;
const ENGINE_STATUS_TIMEOUT_MS = 900;
const COMPACT_EVERY_MS = 60_000;

/**
 * The 1 Hz sampler. Only the process that owns the data folder starts it (owner-duties.ts); it
 * reads the machine, the GPUs (one nvidia-smi query printing once per interval, asked again only
 * once a minute while it says there is no GPU), the engine (never starting it) and the app's
 * state, then writes history,
 * runs the alert rules and pushes a metrics.sample event. Ticks never overlap.
 */
export class MetricsSampler {
  private readonly readers: SystemReaders;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private previousIo: { atMs: number; counters: IoCounters } | null = null;
  private latestSample: MetricSample | null = null;
  private gpu: { result: NvidiaSmiResult; atMs: number } | null = null;
  private appState: { value: Pick<MetricSample, 'backup' | 'store'>; atMs: number } | null = null;
  private engine: EngineStatusReport | null = null;
  private enginePending = false;
  /** One-shot nvidia-smi by default; the streaming one while the sampler runs (see start()). */
  private gpuRead: () => Promise<NvidiaSmiResult>;

  constructor(private readonly options: MetricsSamplerOptions) {
    this.readers = { ...systemInformationReaders, ...options.readers };
    this.now = options.now ?? (() => Date.now());
    this.intervalMs = options.intervalMs ?? 1000;
    this.gpuRead = this.readers.gpu;
  }

  latest(): MetricSample | null {
    return this.latestSample;
  }

  private async readGpu(nowMs: number): Promise<NvidiaSmiResult> {
    const last = this.gpu;
    // "No nvidia-smi / no driver / no GPU" does not change from one second to the next.
    const settled = last && !last.result.available && ['not-installed', 'no-devices', 'driver-failure'].includes(last.result.reason);
    if (settled && nowMs - last.atMs < GPU_RETRY_MS) return last.result;
    const result = await this.gpuRead();
    const before = last?.result;
    // Logged when it changes, never every second.
    if (!result.available && (!before || before.available || before.reason !== result.reason)) {
      this.options.logger.info({ gpu: result.reason, detail: result.detail }, 'no GPU data from nvidia-smi');
    } else if (result.available && before && !before.available) {
      this.options.logger.info({ gpus: result.gpus.length }, 'nvidia-smi answers again');
    }
    this.gpu = { result, atMs: nowMs };
    return result;
  }

  /** The engine's status if it answers quickly; a busy engine keeps the previous reading. */
  private async readEngine(): Promise<EngineStatusReport | null> {
    if (this.enginePending) return this.engine;
    this.enginePending = true;
    let timer: NodeJS.Timeout | undefined;
    const status = this.options.engineStatus().then(
      (report) => {
        this.engine = report;
        return report;
      },
      () => null,
    );
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), ENGINE_STATUS_TIMEOUT_MS);
    });
    void status.finally(() => {
      this.enginePending = false;
      clearTimeout(timer);
    });
    return (await Promise.race([status, timeout])) ?? this.engine;
  }

  private readAppState(nowMs: number): Pick<MetricSample, 'backup' | 'store'> {
    if (!this.appState || nowMs - this.appState.atMs >= APP_STATE_EVERY_MS) {
      this.appState = { value: this.options.appState(), atMs: nowMs };
    }
    return this.appState.value;
  }

  /** One reading of everything; rates are against the previous reading. */
  async read(): Promise<MetricSample> {
    const nowMs = this.now();
    const [load, mem, io, gpu, engine] = await Promise.all([
      this.readers.load(),
      this.readers.mem(),
      this.readers.io(),
      this.readGpu(nowMs),
      this.readEngine(),
    ]);
    const state = this.readAppState(nowMs);
    const sample = buildSample({
      at: new Date(nowMs),
      load,
      mem,
      diskSpace: this.readers.disk(this.options.dataDir),
      io,
      previousIo: this.previousIo,
      gpu,
      engine,
      backup: state.backup,
      store: state.store,
    });
    this.previousIo = { atMs: nowMs, counters: io };
    this.latestSample = sample;
    return sample;
  }

  /**
   * For a process that does not run the sampler (a one-shot CLI command): two readings a short
   * moment apart, so CPU load and rates cover that moment rather than the time since boot.
   */
  async current(): Promise<MetricSample> {
    const latest = this.latestSample;
    if (latest && this.now() - Date.parse(latest.at) <= 3 * this.intervalMs) return latest;
    await this.read();
    await new Promise((resolve) => setTimeout(resolve, 500));
    return this.read();
  }

  /**
   * Starts sampling every interval with history, alerts and events (the owner process only).
   * Returns stop().
   */
  start(sinks: { history: MetricsHistory; alerts: AlertService; bus: EventBus }): () => void {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    // Running for good: one nvidia-smi that prints every interval instead of one process per tick.
    const stream = this.options.readers?.gpu ? null : new GpuStream({ intervalMs: this.intervalMs, now: this.now });
    if (stream) this.gpuRead = () => stream.read();
    let lastCompact = 0;
    let lastFailure = '';
    const tick = async (): Promise<void> => {
      const startedAt = Date.now();
      try {
        const sample = await this.read();
        if (stopped) return;
        const atMs = Date.parse(sample.at);
        const values = toMetricValues(sample);
        sinks.history.record(values, atMs);
        sinks.alerts.evaluate(values, atMs);
        sinks.bus.emit('metrics.sample', { sample, values });
        if (atMs - lastCompact >= COMPACT_EVERY_MS) {
          lastCompact = atMs;
          sinks.history.compact(atMs);
          sinks.alerts.trimLog(atMs);
        }
        lastFailure = '';
      } catch (error) {
        // Once per distinct failure, not once a second.
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastFailure) this.options.logger.warn({ err: error }, 'metrics sample failed');
        lastFailure = message;
      } finally {
        // The next tick is scheduled when this one ends: slow readings cannot pile up.
        if (!stopped) timer = setTimeout(() => void tick(), Math.max(0, this.intervalMs - (Date.now() - startedAt)));
      }
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.stop();
      this.gpuRead = this.readers.gpu;
    };
  }
}
