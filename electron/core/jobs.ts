import { randomUUID } from 'node:crypto';
import { AppError, type AppErrorData, type JobProgress } from '../api/index.js';
import type { EventBus } from './event-bus.js';

/** What a job handler gets: a cancellation signal and a way to report progress. */
export interface JobControl {
  readonly id: string;
  readonly signal: AbortSignal;
  progress(update: { phase?: string; done?: number; total?: number | null; unit?: JobProgress['unit'] }): void;
  /** Throws CANCELLED-style AppError when the job was cancelled; call between steps. */
  throwIfCancelled(): void;
}

const EMIT_INTERVAL_MS = 200;
const KEEP_FINISHED = 50;

interface JobRecord {
  progress: JobProgress;
  controller: AbortController;
  lastEmit: number;
  startedMs: number;
}

/**
 * In-process registry of long jobs. Progress goes out as 'job.progress' events (throttled);
 * rate and ETA are computed here so every front door shows the same numbers.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, JobRecord>();

  constructor(
    private readonly bus: EventBus,
    private readonly now: () => number = () => Date.now(),
  ) {}

  list(): JobProgress[] {
    return [...this.jobs.values()].map((job) => job.progress).reverse();
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.progress.state !== 'running') return false;
    job.controller.abort();
    return true;
  }

  /** Runs work as a job; resolves with its result, rejects with its error (after the final event). */
  async run<T>(procedure: string, startedBy: string, requestedId: string | undefined, work: (job: JobControl) => Promise<T>): Promise<T> {
    const id = requestedId && !this.jobs.has(requestedId) ? requestedId : randomUUID();
    const controller = new AbortController();
    const startedMs = this.now();
    const record: JobRecord = {
      controller,
      lastEmit: 0,
      startedMs,
      progress: {
        jobId: id,
        procedure,
        startedBy,
        state: 'running',
        phase: 'starting',
        done: 0,
        total: null,
        unit: 'bytes',
        rate: null,
        etaSeconds: null,
        startedAt: new Date(startedMs).toISOString(),
        finishedAt: null,
        error: null,
      },
    };
    this.jobs.set(id, record);
    this.trim();
    this.emit(record, true);

    const control: JobControl = {
      id,
      signal: controller.signal,
      progress: (update) => {
        Object.assign(record.progress, Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined)));
        this.updateRate(record);
        this.emit(record, false);
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new AppError('CANCELLED', 'the job was cancelled');
      },
    };
    try {
      const result = await work(control);
      this.finish(record, 'succeeded', null);
      return result;
    } catch (error) {
      const data: AppErrorData =
        error instanceof AppError ? error.toData() : { code: 'INTERNAL', message: 'the job failed unexpectedly; see the log' };
      this.finish(record, controller.signal.aborted ? 'cancelled' : 'failed', data);
      throw error;
    }
  }

  private updateRate(record: JobRecord): void {
    const elapsed = (this.now() - record.startedMs) / 1000;
    const { done, total } = record.progress;
    if (elapsed < 0.25 || done <= 0) return;
    const rate = done / elapsed;
    record.progress.rate = rate;
    record.progress.etaSeconds = total !== null && total >= done ? Math.round((total - done) / rate) : null;
  }

  private finish(record: JobRecord, state: JobProgress['state'], error: AppErrorData | null): void {
    record.progress.state = state;
    record.progress.finishedAt = new Date(this.now()).toISOString();
    record.progress.etaSeconds = state === 'succeeded' ? 0 : null;
    record.progress.error = error && { code: error.code, message: error.message };
    this.emit(record, true);
  }

  private emit(record: JobRecord, force: boolean): void {
    const now = this.now();
    if (!force && now - record.lastEmit < EMIT_INTERVAL_MS) return;
    record.lastEmit = now;
    this.bus.emit('job.progress', { ...record.progress });
  }

  private trim(): void {
    const finished = [...this.jobs.values()].filter((job) => job.progress.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      this.jobs.delete(job.progress.jobId);
    }
  }
}
