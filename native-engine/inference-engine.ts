/**
 * The engine as the rest of the app sees it: a bounded queue in front of one engine process.
 * At most `maxConcurrent` requests run at once; up to `queueLimit` wait; beyond that a request
 * is refused at once with ENGINE_BUSY. Each request has a timeout and can be cancelled. If the
 * engine process dies, only the requests in flight fail (ENGINE_CRASHED) and a fresh one starts.
 */
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AppError, type ErrorCode, type ExecutionProvider } from '../electron/api/index.js';
import { EngineMetrics, type LineMetrics } from './engine-metrics.js';
import type { HostMessage, InferReply, WorkerMessage, WorkerSettings, WorkerStatus } from './engine-protocol.js';
import type { PipelineProgress, PipelineRequest, VersionFiles } from './pipelines/pipeline.js';
import { forkModule } from './launch-module.js';

export interface EngineSettings extends WorkerSettings {
  maxConcurrent: number;
  queueLimit: number;
  timeoutMs: number;
}

export interface InferenceLog {
  line: string;
  version: string;
  provider: ExecutionProvider | null;
  ms: number;
  success: boolean;
  code: ErrorCode | null;
  loaded: boolean;
}

export interface EngineOptions {
  settings: () => EngineSettings;
  /** One call per inference, for the JSON log line and the audit of model loads. */
  onInference?: (entry: InferenceLog) => void;
  onWorkerCrash?: (reason: string) => void;
  /**
   * What native code in the engine process prints (onnxruntime's provider probing, GPU driver
   * warnings), line by line; without it, it goes to this process's stderr.
   */
  onDiagnostic?: (line: string) => void;
}

export interface EngineStatus extends WorkerStatus {
  queue: { running: number; waiting: number; maxConcurrent: number; queueLimit: number };
  workerRestarts: number;
  metrics: LineMetrics[];
  providerOrder: ExecutionProvider[];
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: AppError) => void;
  onProgress?: (progress: PipelineProgress) => void;
}

export class InferenceEngine {
  private worker: ChildProcess | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private running = 0;
  private readonly waiting: Array<{ start: () => void; abort: (error: AppError) => void }> = [];
  private restarts = 0;
  private closed = false;
  readonly metrics = new EngineMetrics();

  constructor(private readonly options: EngineOptions) {}

  private ensureWorker(): ChildProcess {
    if (this.worker) return this.worker;
    const onDiagnostic = this.options.onDiagnostic;
    const worker = forkModule(new URL('./engine-worker.js', import.meta.url), onDiagnostic ? 'pipe' : 'inherit');
    if (onDiagnostic && worker.stderr) {
      createInterface({ input: worker.stderr }).on('line', (line) => {
        if (line.trim()) onDiagnostic(line);
      });
    }
    worker.on('message', (message: WorkerMessage) => {
      const pending = this.pending.get(message.id);
      if (!pending) return; // answered after a timeout or cancel: nobody waits for it
      if (message.type === 'progress') {
        pending.onProgress?.(message.progress);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'done') pending.resolve(message.value);
      else pending.reject(new AppError(message.code, message.message));
    });
    const crashed = (reason: string): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (this.closed) return;
      this.restarts++;
      this.options.onWorkerCrash?.(reason);
      for (const pending of this.pending.values()) {
        pending.reject(new AppError('ENGINE_CRASHED', `the inference worker stopped (${reason}); this request was lost, others continue`));
      }
      this.pending.clear();
    };
    worker.on('error', (error) => crashed(error.message));
    worker.on('exit', (code, signal) => crashed(signal ? `killed by ${signal}` : `exit code ${code}`));
    this.worker = worker;
    this.post({ type: 'configure', settings: this.workerSettings() });
    return worker;
  }

  private workerSettings(): WorkerSettings {
    const { providerOrder, cpuThreads, cacheBudgetBytes } = this.options.settings();
    return { providerOrder, cpuThreads, cacheBudgetBytes };
  }

  private post(message: HostMessage): void {
    this.ensureWorker().send(message);
  }

  private call<T>(build: (id: number) => HostMessage, onProgress?: (progress: PipelineProgress) => void): { id: number; promise: Promise<T> } {
    const id = this.nextId++;
    const promise = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, ...(onProgress ? { onProgress } : {}) });
    });
    this.post(build(id));
    return { id, promise };
  }

  /** Waits for a free slot (or refuses at once when the queue is full). */
  private async slot(signal: AbortSignal | undefined): Promise<void> {
    const { maxConcurrent, queueLimit } = this.options.settings();
    if (this.running < maxConcurrent) {
      this.running++;
      return;
    }
    if (this.waiting.length >= queueLimit) {
      throw new AppError('ENGINE_BUSY', `the engine is busy: ${this.running} running and ${this.waiting.length} waiting; try again shortly`);
    }
    await new Promise<void>((resolve, reject) => {
      const item = { start: resolve, abort: reject };
      this.waiting.push(item);
      signal?.addEventListener('abort', () => {
        const index = this.waiting.indexOf(item);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new AppError('CANCELLED', 'the request was cancelled while it waited'));
      }, { once: true });
    });
    this.running++;
  }

  private freeSlot(): void {
    this.running--;
    this.waiting.shift()?.start();
  }

  /** Runs one request through a version's pipeline, within the queue, timeout and cancellation rules. */
  async infer(
    version: VersionFiles,
    request: PipelineRequest,
    options: { signal?: AbortSignal; timeoutMs?: number; onProgress?: (progress: PipelineProgress) => void } = {},
  ): Promise<InferReply> {
    const started = performance.now();
    const timeoutMs = options.timeoutMs ?? this.options.settings().timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    let reply: InferReply | undefined;
    let failure: AppError | undefined;
    try {
      await this.slot(signal);
      const { id, promise } = this.call<InferReply>((id) => ({ type: 'infer', id, version, request }), options.onProgress);
      // The slot is held until the worker answers, even after a timeout, so the worker never
      // runs more than maxConcurrent requests; the caller is answered at once.
      const settled = promise.finally(() => this.freeSlot());
      settled.catch(() => undefined);
      reply = await new Promise<InferReply>((resolve, reject) => {
        const onAbort = (): void => {
          if (!this.closed) this.post({ type: 'cancel', id });
          reject(
            deadline.aborted ? new AppError('TIMEOUT', `no answer within ${timeoutMs} ms`) : new AppError('CANCELLED', 'the request was cancelled'),
          );
        };
        // The timeout signal fires long after an answered request; by then the engine (and the
        // settings it reads) may be closed, so the listener goes as soon as the answer is in.
        const done = (): void => signal.removeEventListener('abort', onAbort);
        settled.then(
          (value) => {
            done();
            resolve(value);
          },
          (error: unknown) => {
            done();
            reject(error);
          },
        );
        signal.addEventListener('abort', onAbort, { once: true });
      });
      return reply;
    } catch (error) {
      failure = error instanceof AppError ? error : new AppError('INTERNAL', String(error));
      if (failure.code === 'CANCELLED' && deadline.aborted) failure = new AppError('TIMEOUT', `no answer within ${timeoutMs} ms`);
      throw failure;
    } finally {
      const ms = performance.now() - started;
      this.metrics.record(version.line, ms, reply !== undefined, reply?.info.loadMs ?? null);
      this.options.onInference?.({
        line: version.line,
        version: version.version,
        provider: reply?.info.provider ?? null,
        ms,
        success: reply !== undefined,
        code: failure?.code ?? null,
        loaded: reply?.info.loadMs !== null && reply !== undefined,
      });
    }
  }

  /** Loads a version (and runs one warm-up request when given) so its first real request is fast. */
  async preload(version: VersionFiles, warmUp: PipelineRequest | null): Promise<void> {
    const { loadMs } = await this.call<{ loadMs: number }>((id) => ({ type: 'preload', id, version, warmUp })).promise;
    this.metrics.recordLoad(version.line, loadMs);
  }

  /** Opens a version's graphs and checks their signature against the format (the import hook). */
  check(version: VersionFiles): Promise<void> {
    return this.call<void>((id) => ({ type: 'check', id, version })).promise;
  }

  /** Unloads the sessions of a line except the given version (after promote, rollback, delete). */
  unloadLine(line: string, keepVersion: string | null): Promise<string[]> {
    return this.call<string[]>((id) => ({ type: 'unload', id, line, keepVersion })).promise;
  }

  async status(): Promise<EngineStatus> {
    const settings = this.options.settings();
    const worker = await this.call<WorkerStatus>((id) => ({ type: 'status', id })).promise;
    return {
      ...worker,
      queue: { running: this.running, waiting: this.waiting.length, maxConcurrent: settings.maxConcurrent, queueLimit: settings.queueLimit },
      workerRestarts: this.restarts,
      metrics: this.metrics.snapshot(),
      providerOrder: settings.providerOrder,
    };
  }

  /** Sends changed settings (provider order, threads, budget) to the worker. */
  reconfigure(): void {
    if (this.worker) this.post({ type: 'configure', settings: this.workerSettings() });
  }

  /** For tests of crash recovery: the live engine process. */
  get engineProcess(): ChildProcess | undefined {
    return this.worker;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const item of this.waiting.splice(0)) item.abort(new AppError('ENGINE_UNAVAILABLE', 'the engine is shutting down'));
    for (const pending of this.pending.values()) pending.reject(new AppError('ENGINE_UNAVAILABLE', 'the engine is shutting down'));
    this.pending.clear();
    const worker = this.worker;
    this.worker = undefined;
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill();
      await exited;
    }
  }
}
