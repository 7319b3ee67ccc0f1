import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobControl } from '../../core/jobs.js';
import { StoreWorker } from '../model-store/store-worker-client.js';
import { runCopies } from './parallel-copies.js';

let root: string | undefined;
afterEach(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function job(controller = new AbortController()): JobControl {
  return {
    id: 'test',
    signal: controller.signal,
    progress: () => undefined,
    throwIfCancelled: () => {
      if (controller.signal.aborted) throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
    },
  };
}

function sources(count: number, bytes: number): Array<{ file: string; size: number; sha256: string }> {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'voiceops-copies-'));
  fs.mkdirSync(path.join(root, 'out'));
  return Array.from({ length: count }, (_, i) => {
    const data = randomBytes(bytes + i);
    const file = path.join(root!, `source-${i}`);
    fs.writeFileSync(file, data, { mode: 0o444 });
    return { file, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  });
}

describe('runCopies (verified copies side by side, real worker threads)', () => {
  it('copies every file with its hash, at most `concurrency` at a time, progress rising to the total', async () => {
    const items = sources(5, 3 * 1024 * 1024);
    const total = items.reduce((n, i) => n + i.size, 0);
    const seen: number[] = [];
    let running = 0;
    let mostAtOnce = 0;
    await runCopies(
      items,
      job(),
      async (worker, item, index) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        const target = path.join(root!, 'out', String(index));
        const copied = await worker.copyVerified(item.file, target, { durable: true });
        running--;
        expect(copied).toMatchObject({ sha256: item.sha256, size: item.size });
        // The copy is ours to rename (not the read-only mode of the source) and holds the same bytes.
        expect(fs.statSync(target).mode & 0o777).toBe(0o600);
        expect(fs.readFileSync(target).equals(fs.readFileSync(item.file))).toBe(true);
      },
      (done) => seen.push(done),
      { concurrency: 2 },
    );
    expect(mostAtOnce).toBe(2);
    expect(seen.at(-1)).toBe(total);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('the first failure stops the rest and is what the caller gets', async () => {
    const items = sources(4, 1024);
    fs.rmSync(items[1]!.file);
    const started: number[] = [];
    const error = await runCopies(
      items,
      job(),
      async (worker, item, index) => {
        started.push(index);
        await worker.copyVerified(item.file, path.join(root!, 'out', String(index)), { durable: false });
      },
      () => undefined,
      { concurrency: 1 },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
    expect(started).toEqual([0, 1]);
  });

  it('a cancelled job starts no further copy', async () => {
    const items = sources(4, 1024);
    const controller = new AbortController();
    const started: number[] = [];
    const error = await runCopies(
      items,
      job(controller),
      async (worker, item, index) => {
        started.push(index);
        await worker.copyVerified(item.file, path.join(root!, 'out', String(index)), { durable: false });
        controller.abort();
      },
      () => undefined,
      { concurrency: 1 },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CANCELLED' });
    expect(started).toEqual([0]);
  });

  it("uses the caller's worker for one slot and leaves it running after a success", async () => {
    const items = sources(3, 1024);
    const mine = new StoreWorker();
    try {
      const used = new Set<StoreWorker>();
      await runCopies(
        items,
        job(),
        async (worker, item, index) => {
          used.add(worker);
          await worker.copyVerified(item.file, path.join(root!, 'out', String(index)), { durable: false });
        },
        () => undefined,
        { concurrency: 2, callerWorker: mine },
      );
      expect(used.size).toBe(2);
      expect(used.has(mine)).toBe(true);
      expect(await mine.hash(items[0]!.file)).toMatchObject({ sha256: items[0]!.sha256 });
    } finally {
      mine.close();
    }
  });
});
