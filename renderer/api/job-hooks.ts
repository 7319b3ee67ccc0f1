import { useCallback, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ApiCallError,
  type InputOf,
  type JobProgress,
  type OutputOf,
  type ProcedureName,
  type Procedures,
} from '../../electron/api/index.js';
import { WHOAMI_KEY } from '../app/query-client';
import { useSharedApiEvent } from './event-hub';
import { callProcedure, isEventFed } from './hooks';
import { getTransport } from './transport';

/** Every procedure of kind 'job' in the contract (imports, verification, exports, bundles). */
export type JobName = {
  [N in ProcedureName]: Procedures[N]['kind'] extends 'job' ? N : never;
}[ProcedureName];

/** Ids of the jobs this page started: their end refreshes the lists already (see useJobProcedure). */
const ownJobIds = new Set<string>();

export function isOwnJob(jobId: string): boolean {
  return ownJobIds.has(jobId);
}

/**
 * A job id the server accepts (/^[A-Za-z0-9-]{8,64}$/). crypto.randomUUID exists only in secure
 * contexts, and the console may be served over plain HTTP on the office network, so fall back
 * to getRandomValues, which exists everywhere.
 */
export function newJobId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Calls a job procedure with a chosen job id and unwraps its Result. */
export async function callJob<N extends JobName>(name: N, input: InputOf<N>, jobId: string): Promise<OutputOf<N>> {
  const result = await getTransport().invoke(name, input, { jobId });
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export interface JobHandle<N extends JobName> {
  /** Starts the job; resolves with its output, or undefined when it failed (see error). */
  start(input: InputOf<N>): Promise<OutputOf<N> | undefined>;
  /** The latest 'job.progress' event of the running (or last) job. */
  progress: JobProgress | null;
  running: boolean;
  result: OutputOf<N> | undefined;
  error: ApiCallError | null;
  /** Asks the server to stop the job (jobs.cancel); the call then ends with CANCELLED. */
  cancel(): void;
  cancelling: boolean;
  /** The input of the running (or last) job. */
  input: InputOf<N> | undefined;
  reset(): void;
}

/**
 * Any job procedure of the contract as a react-query mutation that also follows its progress
 * events: the call runs the job to completion, while 'job.progress' events for our job id
 * report phase, bytes, rate and ETA. When it ends, every list is refreshed, or only the
 * queries named in refreshes (each refetch counts against the console's rate limit).
 * refreshesAfterFailure: what a failed job can still have changed, where that is less (an
 * import is all or nothing: after a failure only the incoming folder may hold new files).
 */
export function useJobProcedure<N extends JobName>(
  name: N,
  refreshes?: readonly ProcedureName[],
  refreshesAfterFailure?: readonly ProcedureName[],
): JobHandle<N> {
  const client = useQueryClient();
  const jobId = useRef<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);

  useSharedApiEvent('job.progress', (payload) => {
    if (payload.jobId === jobId.current) setProgress(payload);
  });

  const mutation = useMutation<OutputOf<N>, ApiCallError, { input: InputOf<N>; id: string }>({
    mutationFn: ({ input, id }) => callJob(name, input, id),
    onSettled: (_output, error) => {
      const named = error && refreshesAfterFailure ? refreshesAfterFailure : refreshes;
      return client.invalidateQueries({
        predicate: (query) => (named ? (named as readonly unknown[]).includes(query.queryKey[0]) : query.queryKey[0] !== WHOAMI_KEY[0] && !isEventFed(query)),
      });
    },
  });

  const cancelMutation = useMutation<OutputOf<'jobs.cancel'>, ApiCallError, string>({
    mutationFn: (id) => callProcedure('jobs.cancel', { jobId: id }),
  });

  const { mutateAsync, reset: resetMutation } = mutation;
  const start = useCallback(
    async (input: InputOf<N>) => {
      const id = newJobId();
      jobId.current = id;
      ownJobIds.add(id);
      setProgress(null);
      cancelMutation.reset();
      try {
        return await mutateAsync({ input, id });
      } catch {
        return undefined;
      }
    },
    // cancelMutation.reset is stable; listing the whole object would rebuild start on every render.
    [mutateAsync],
  );

  const cancel = useCallback(() => {
    if (jobId.current && mutation.isPending) cancelMutation.mutate(jobId.current);
  }, [cancelMutation, mutation.isPending]);

  const reset = useCallback(() => {
    jobId.current = null;
    setProgress(null);
    resetMutation();
  }, [resetMutation]);

  return {
    start,
    progress,
    running: mutation.isPending,
    result: mutation.data,
    error: mutation.error ?? cancelMutation.error ?? null,
    cancel,
    cancelling: cancelMutation.isPending || (cancelMutation.isSuccess && mutation.isPending),
    input: mutation.variables?.input,
    reset,
  };
}
