import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import {
  NVIDIA_SMI_ARGS,
  parseNvidiaSmiCsv,
  queryNvidiaSmi,
  type CommandRunner,
  type NvidiaGpu,
  type NvidiaSmiResult,
} from '../hardware/nvidia-smi.js';

/** Starts `nvidia-smi <args>` (or a stand-in in tests and the bench); returns the child process. */
export type StreamSpawner = (args: readonly string[]) => ChildProcess;

export const spawnNvidiaSmi: StreamSpawner = (args) => spawn('nvidia-smi', [...args], { stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true });

export interface GpuStreamOptions {
  intervalMs: number;
  now: () => number;
  spawner?: StreamSpawner;
  /** The one-shot query, asked when the stream cannot run, for the reason. */
  runner?: CommandRunner;
  /** How long before a stream that stopped (or never started) is tried again. */
  retryMs?: number;
}

/**
 * GPU readings for the 1 Hz sampler from ONE long-running `nvidia-smi --query-gpu=… -lms <interval>`:
 * the same single query, printed once per interval by a process that keeps NVML open, instead
 * of a new process every second (bench/sampler.ts: a process per tick alone costs about 0.5 % of
 * a core before nvidia-smi has done any work). When the stream cannot start or stops (no binary,
 * no driver, no GPU), a one-shot query says why, and the stream is tried again after retryMs.
 */
export class GpuStream {
  private child: ChildProcess | null = null;
  private readonly latest = new Map<number, { gpu: NvidiaGpu; at: number }>();
  private unavailable: { result: NvidiaSmiResult; at: number } | null = null;
  private stopped = false;

  constructor(private readonly options: GpuStreamOptions) {}

  private start(): void {
    const args = [...NVIDIA_SMI_ARGS, `--loop-ms=${this.options.intervalMs}`];
    let child: ChildProcess;
    try {
      child = (this.options.spawner ?? spawnNvidiaSmi)(args);
    } catch {
      this.markStopped();
      return;
    }
    this.child = child;
    child.on('error', () => this.markStopped(child)); // ENOENT: no nvidia-smi
    child.on('exit', () => this.markStopped(child));
    if (!child.stdout) return;
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      for (const gpu of parseNvidiaSmiCsv(line)) this.latest.set(gpu.index, { gpu, at: this.options.now() });
    });
  }

  private markStopped(child?: ChildProcess): void {
    if (child && this.child !== child) return;
    this.child = null;
    this.latest.clear();
    this.unavailable = null; // the next read asks once why
  }

  /** The GPUs as last printed; never spawns more than one process per retry period. */
  async read(): Promise<NvidiaSmiResult> {
    if (this.stopped) return { available: false, reason: 'failed', detail: 'stopped' };
    const now = this.options.now();
    if (!this.child) {
      const retryMs = this.options.retryMs ?? 60_000;
      if (this.unavailable && now - this.unavailable.at < retryMs) return this.unavailable.result;
      // Ask once, the classic way: either GPUs are there (then stream from now on) or it says why.
      const result = await queryNvidiaSmi(this.options.runner);
      if (!result.available) {
        this.unavailable = { result, at: now };
        return result;
      }
      this.start();
      for (const gpu of result.gpus) this.latest.set(gpu.index, { gpu, at: now });
      return result;
    }
    // Readings older than a few intervals mean the driver hangs: no data rather than stale data.
    const fresh = [...this.latest.values()].filter((entry) => now - entry.at <= 5 * this.options.intervalMs);
    if (fresh.length === 0) return { available: false, reason: 'timeout', detail: 'nvidia-smi printed nothing for several seconds' };
    return { available: true, gpus: fresh.map((entry) => entry.gpu).sort((a, b) => a.index - b.index) };
  }

  stop(): void {
    this.stopped = true;
    this.child?.kill();
    this.child = null;
  }
}
