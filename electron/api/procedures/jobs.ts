import { z } from 'zod';
import { defineProcedure, ROLES } from '../contract.js';
import { emptyInput } from './system.js';

export const JOB_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;
export const jobId = z.string().regex(JOB_ID_PATTERN, 'must be a job id (letters, digits, "-")');

export const jobProgressSchema = z.object({
  jobId: z.string(),
  procedure: z.string(),
  startedBy: z.string(),
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  /** What it is doing now, e.g. "copying voice_vits.onnx". */
  phase: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  unit: z.enum(['bytes', 'files', 'steps']),
  /** Bytes (or units) per second over the job so far; null until measurable. */
  rate: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

/** Long-running work (imports, verification, exports), visible and cancellable from every door. */
export const jobProcedures = {
  'jobs.list': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Running and recently finished jobs with their progress',
    input: emptyInput,
    output: z.array(jobProgressSchema),
    cli: { command: 'jobs list' },
  }),
  'jobs.cancel': defineProcedure({
    kind: 'mutation',
    roles: ['admin'],
    summary: 'Cancel a running job; what it wrote so far is rolled back',
    input: z.object({ jobId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
    cli: { command: 'jobs cancel', positionals: ['jobId'] },
  }),
};
