import type { Worker } from 'node:worker_threads';
import { AppError } from '../../api/index.js';
import { startWorker } from '../../../native-engine/launch-module.js';
import type { AudioFacts } from './audio-lint.js';
import type { LintFinding } from '../../api/index.js';
import type { WorkerRequest, WorkerResponse, WorkerResult, WorkerTask } from './store-worker-protocol.js';

type Pending = {
  resolve: (result: WorkerResult) => void;
  reject: (error: Error) => void;
  onProgress: ((bytes: number) => void) | undefined;
};

/** Maps file-system errors of the worker onto our stable codes. */
function workerError(code: string, message: string): AppError {
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('DISK_FULL', `the disk is full: ${message}`);
  if (code === 'ENOENT') return new AppError('NOT_FOUND', message);
  return new AppError('INTERNAL', `store worker: ${message}`);
}

/**
 * One worker thread per long operation. Cancelling terminates the thread at once (a half
 * written temporary file is removed by the caller), which is why there is no cooperative
 * cancellation inside the worker.
 */
export class StoreWorker {
  private worker: Worker | undefined;
  private nextTaskId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly signal?: AbortSignal) {
    signal?.addEventListener('abort', () => this.close(new AppError('CANCELLED', 'the job was cancelled')), { once: true });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(new URL('./store-worker.js', import.meta.url));
    worker.on('message', (message: WorkerResponse) => {
      const task = this.pending.get(message.taskId);
      if (!task) return;
      if (message.kind === 'progress') task.onProgress?.(message.bytes);
      else {
        this.pending.delete(message.taskId);
        if (message.kind === 'done') task.resolve(message.result);
        else task.reject(workerError(message.code, message.message));
      }
    });
    worker.on('error', (error) => this.close(error));
    worker.on('exit', () => this.close(new AppError('INTERNAL', 'the store worker stopped')));
    this.worker = worker;
    return worker;
  }

  private run(request: WorkerTask, onProgress?: (bytes: number) => void): Promise<WorkerResult> {
    if (this.signal?.aborted) return Promise.reject(new AppError('CANCELLED', 'the job was cancelled'));
    const taskId = this.nextTaskId++;
    return new Promise((resolve, reject) => {
      this.pending.set(taskId, { resolve, reject, onProgress });
      this.ensure().postMessage({ ...request, taskId } as WorkerRequest);
    });
  }

  async copyAndHash(source: string, target: string, onProgress?: (bytes: number) => void): Promise<{ sha256: string; size: number }> {
    const result = await this.run({ op: 'copy-hash', source, target }, onProgress);
    if (result.op !== 'copy-hash') throw new Error('worker answered the wrong task');
    return result;
  }

  /** A verified copy between local folders the store trusts (see the worker): copied by the kernel, hashed alongside. */
  async copyVerified(source: string, target: string, options: { durable: boolean; onProgress?: (bytes: number) => void }): Promise<{ sha256: string; size: number }> {
    const result = await this.run({ op: 'copy-verify', source, target, durable: options.durable }, options.onProgress);
    if (result.op !== 'copy-verify') throw new Error('worker answered the wrong task');
    return result;
  }

  async hash(file: string, onProgress?: (bytes: number) => void): Promise<{ sha256: string; size: number }> {
    const result = await this.run({ op: 'hash', file }, onProgress);
    if (result.op !== 'hash') throw new Error('worker answered the wrong task');
    return result;
  }

  async lintAudio(file: string, label: string): Promise<{ facts: AudioFacts | null; findings: LintFinding[] }> {
    const result = await this.run({ op: 'lint-audio', file, label });
    if (result.op !== 'lint-audio') throw new Error('worker answered the wrong task');
    return result;
  }

  close(reason: Error = new AppError('INTERNAL', 'the store worker was closed')): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const task of this.pending.values()) task.reject(reason);
    this.pending.clear();
    if (worker) void worker.terminate();
  }
}
