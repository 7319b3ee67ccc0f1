/**
 * Worker thread for the model store's heavy work, so the main process stays responsive:
 * copy-while-hashing into the store, re-hashing for verification, decoding reference audio.
 * One task at a time; progress is posted every few megabytes.
 */
import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import decodeAudio from 'audio-decode';
import { lintReferenceClip, measureAudio, type DecodedAudio } from './audio-lint.js';
import type { WorkerRequest, WorkerResponse } from './store-worker-protocol.js';

const CHUNK = 8 * 1024 * 1024;
const PROGRESS_EVERY = 32 * 1024 * 1024;

function post(message: WorkerResponse): void {
  parentPort!.postMessage(message);
}

/**
 * Reads the source once, with reading, hashing and writing overlapped: while chunk i is
 * hashed, chunk i+1 is being read and chunk i-1 written (three buffers, one read and one
 * write in flight). The copy is fsynced before it is reported done.
 */
async function copyAndHash(taskId: number, source: string, target: string): Promise<void> {
  const hash = createHash('sha256');
  const input = await fs.open(source, 'r');
  const output = await fs.open(target, 'wx', 0o600);
  try {
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let pendingRead = input.read(buffers[0]!, 0, CHUNK, null);
    // If hashing or writing fails, a read may still be in flight: its error must not go unhandled.
    pendingRead.catch(() => undefined);
    let pendingWrite: Promise<unknown> = Promise.resolve();
    let bytes = 0;
    let lastReport = 0;
    for (let i = 0; ; i++) {
      const { bytesRead } = await pendingRead;
      if (bytesRead === 0) break;
      const chunk = buffers[i % 3]!.subarray(0, bytesRead);
      // The buffer for chunk i+1 last held chunk i-2, whose write finished before write i-1 began.
      pendingRead = input.read(buffers[(i + 1) % 3]!, 0, CHUNK, null);
      pendingRead.catch(() => undefined);
      hash.update(chunk);
      await pendingWrite;
      pendingWrite = output.write(chunk, 0, bytesRead);
      bytes += bytesRead;
      if (bytes - lastReport >= PROGRESS_EVERY) {
        lastReport = bytes;
        post({ taskId, kind: 'progress', bytes });
      }
    }
    await pendingWrite;
    await output.sync();
    post({ taskId, kind: 'done', result: { op: 'copy-hash', sha256: hash.digest('hex'), size: bytes } });
  } finally {
    await input.close();
    await output.close();
  }
}

/** Reads a file once and returns its SHA-256, posting progress every few megabytes. */
async function readAndHash(taskId: number, file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  const input = await fs.open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let bytes = 0;
    let lastReport = 0;
    for (;;) {
      const { bytesRead } = await input.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
      if (bytes - lastReport >= PROGRESS_EVERY) {
        lastReport = bytes;
        post({ taskId, kind: 'progress', bytes });
      }
    }
    return { sha256: hash.digest('hex'), size: bytes };
  } finally {
    await input.close();
  }
}

async function hashFile(taskId: number, file: string): Promise<void> {
  post({ taskId, kind: 'done', result: { op: 'hash', ...(await readAndHash(taskId, file)) } });
}

/**
 * Copies between two local folders the store trusts (store <-> backup target): the kernel copies
 * (copy_file_range, no bytes through JavaScript) while this thread hashes the same source
 * alongside it, both reading through the same page cache, so a verified copy costs about what
 * `cp` costs. Store blobs and backup files are immutable, so both readers see the same bytes.
 * `durable` fsyncs the copy before it is reported done (not needed for scratch copies).
 */
async function copyVerified(taskId: number, source: string, target: string, durable: boolean): Promise<void> {
  const copying = fs.copyFile(source, target, fsConstants.COPYFILE_EXCL);
  copying.catch(() => undefined);
  const [digest] = await Promise.all([readAndHash(taskId, source), copying]);
  // copyFile copies the source's mode (read-only blobs): make the copy ours until it is renamed into place.
  await fs.chmod(target, 0o600);
  if (durable) {
    const output = await fs.open(target, 'r+');
    try {
      await output.sync();
    } finally {
      await output.close();
    }
  }
  post({ taskId, kind: 'done', result: { op: 'copy-verify', ...digest } });
}

async function lintAudio(taskId: number, file: string, label: string): Promise<void> {
  let decoded: DecodedAudio;
  try {
    decoded = (await decodeAudio(await fs.readFile(file))) as DecodedAudio;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    post({
      taskId,
      kind: 'done',
      result: { op: 'lint-audio', facts: null, findings: [{ file: label, level: 'error', code: 'UNDECODABLE', message: `cannot decode: ${reason}` }] },
    });
    return;
  }
  const facts = measureAudio(decoded);
  post({ taskId, kind: 'done', result: { op: 'lint-audio', facts, findings: lintReferenceClip(label, facts) } });
}

parentPort!.on('message', (request: WorkerRequest) => {
  const run =
    request.op === 'copy-hash'
      ? copyAndHash(request.taskId, request.source, request.target)
      : request.op === 'copy-verify'
        ? copyVerified(request.taskId, request.source, request.target, request.durable)
        : request.op === 'hash'
        ? hashFile(request.taskId, request.file)
        : lintAudio(request.taskId, request.file, request.label);
  run.catch((error: unknown) => {
    const err = error as NodeJS.ErrnoException;
    post({ taskId: request.taskId, kind: 'error', code: err.code ?? 'EUNKNOWN', message: err.message ?? String(error) });
  });
});
