/**
 * Where a CLI command runs: through the data folder's owner when one is alive (so a manual
 * `backup run` queues in the owner's process and never races its schedule), else directly on
 * the folder, as the only process using it. Both ways the caller is the local user acting as
 * admin through the CLI door (the owner recognises the local credential), and a job shows its
 * progress on a terminal and is cancelled by Ctrl-C (a second Ctrl-C leaves at once).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { ProcedureDef, Result } from '../api/index.js';
import { openAppContext } from '../core/app-context.js';
import { findOwner, type OwnerConnection } from '../services/ownership/owner-client.js';
import { CliFailure, type CliIo } from './cli-io.js';
import { showJobProgress } from './job-progress.js';

/** Input fields that name a local file or folder: made absolute here, where the user's cwd is known. */
const PATH_FIELDS = ['path', 'out', 'folder'] as const;

export function absolutePaths(input: Record<string, unknown>, cwd = process.cwd()): Record<string, unknown> {
  const out = { ...input };
  for (const field of PATH_FIELDS) {
    const value = out[field];
    if (typeof value === 'string' && value.length > 0) out[field] = path.resolve(cwd, value);
  }
  return out;
}

/** Ctrl-C while a job runs: the first cancels it (what it wrote is rolled back), a second exits. */
function cancelOnInterrupt(io: CliIo, cancel: () => Promise<unknown>): () => void {
  let pressed = 0;
  const onInterrupt = (): void => {
    pressed += 1;
    if (pressed > 1) process.exit(130);
    io.err('\ncancelling the job (Ctrl-C again to leave without waiting) ...');
    void cancel();
  };
  process.on('SIGINT', onInterrupt);
  return () => process.off('SIGINT', onInterrupt);
}

async function throughOwner(connection: OwnerConnection, name: string, def: ProcedureDef, input: Record<string, unknown>, io: CliIo): Promise<Result<unknown>> {
  if (def.kind !== 'job') return connection.call(name, absolutePaths(input));
  const jobId = randomUUID();
  let closeEvents: () => void = () => undefined;
  let stopProgress: () => void = () => undefined;
  if (process.stderr.isTTY) {
    let forward: ((message: { name: string; payload: unknown }) => void) | undefined;
    // Subscribed before the call starts, so the job's first events are not missed.
    closeEvents = await connection.subscribe((message) => forward?.(message)).catch(() => () => undefined);
    stopProgress = showJobProgress((listener) => {
      forward = listener;
      return () => (forward = undefined);
    }, jobId);
  }
  const stopCancel = cancelOnInterrupt(io, () => connection.call('jobs.cancel', { jobId }));
  try {
    return await connection.call(name, absolutePaths(input), { jobId });
  } finally {
    stopCancel();
    stopProgress();
    closeEvents();
  }
}

async function directly(dataDir: string, name: string, def: ProcedureDef, input: Record<string, unknown>, io: CliIo): Promise<Result<unknown>> {
  const app = await openAppContext({ dataDir, frontDoor: 'cli', log: 'file' });
  const jobId = def.kind === 'job' ? randomUUID() : undefined;
  const stopProgress = jobId ? showJobProgress((listener) => app.bus.subscribe('admin', listener), jobId) : () => undefined;
  const stopCancel = jobId ? cancelOnInterrupt(io, async () => app.jobs.cancel(jobId)) : () => undefined;
  try {
    // Whoever can run the CLI on the data folder owns it: they act as its admin.
    return await app.call(name, input, {
      user: { name: `local:${os.userInfo().username}`, role: 'admin' },
      frontDoor: 'cli',
      origin: 'cli',
      sessionExpiresAt: null,
      ...(jobId ? { jobId } : {}),
    });
  } finally {
    stopCancel();
    stopProgress();
    app.close();
  }
}

/**
 * Runs one procedure for the CLI. A live owner whose credential this user cannot read is a
 * refusal (DATA_DIR_OWNED): working beside the owner could run a backup twice.
 */
export async function runProcedureForCli(dataDir: string, name: string, def: ProcedureDef, input: Record<string, unknown>, io: CliIo): Promise<Result<unknown>> {
  const lookup = await findOwner(dataDir, { kind: 'cli' });
  if (lookup.mode === 'refused') throw new CliFailure('DATA_DIR_OWNED', lookup.message);
  return lookup.mode === 'owner' ? throughOwner(lookup.connection, name, def, input, io) : directly(dataDir, name, def, input, io);
}
