import os from 'node:os';
import type { JobControl } from '../../core/jobs.js';
import { StoreWorker } from '../model-store/store-worker-client.js';

/**
 * Several verified copies at once, one store worker each. A verified copy is bound by SHA-256
 * (about 1.5 GB/s per core with SHA extensions), not by the disk, so hashing two or more files
 * side by side is what lets a first backup or a full restore keep pace with `cp -r`.
 * Two at least, four at most: more only adds seeks on a spinning disk.
 */
export const COPY_CONCURRENCY = Math.max(2, Math.min(4, os.availableParallelism() - 1));

export interface CopyItem {
  size: number;
}

/**
 * Runs `copyOne` for every item, at most `concurrency` at a time, reporting the bytes done across
 * all of them as one progress figure. The first failure (or a cancel) stops the rest: its
 * workers are terminated, and the caller removes the temporary files as it would for one copy.
 * `callerWorker`, a worker the caller has started already, takes the first slot (a thread start
 * is about 50 ms); after a success the caller keeps using it, after a failure it is stopped too.
 */
export async function runCopies<T extends CopyItem>(
  items: readonly T[],
  job: JobControl,
  copyOne: (worker: StoreWorker, item: T, index: number, onBytes: (bytes: number) => void) => Promise<void>,
  onProgress: (done: number) => void,
  { concurrency = COPY_CONCURRENCY, callerWorker }: { concurrency?: number; callerWorker?: StoreWorker } = {},
): Promise<void> {
  const slots = Math.min(concurrency, items.length);
  const started = Array.from({ length: callerWorker && slots > 0 ? slots - 1 : slots }, () => new StoreWorker(job.signal));
  const workers = callerWorker && slots > 0 ? [callerWorker, ...started] : started;
  const inFlight = new Map<number, number>();
  let finished = 0;
  let next = 0;
  let failed = false;
  const report = (): void => onProgress(finished + [...inFlight.values()].reduce((n, b) => n + b, 0));
  const slot = async (worker: StoreWorker): Promise<void> => {
    while (!failed && next < items.length) {
      job.throwIfCancelled();
      const index = next++;
      const item = items[index]!;
      inFlight.set(index, 0);
      await copyOne(worker, item, index, (bytes) => {
        inFlight.set(index, bytes);
        report();
      });
      inFlight.delete(index);
      finished += item.size;
      report();
    }
  };
  try {
    await Promise.all(
      workers.map((worker) =>
        slot(worker).catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
  } finally {
    // After a failure no copy may go on behind the caller's cleanup: the caller's worker stops too.
    for (const worker of failed ? workers : started) worker.close();
  }
}
