import type { z } from 'zod';
import type { JobControl } from './jobs.js';
import {
  AppError,
  isProcedureName,
  procedures,
  type AppErrorData,
  type OutputOf,
  type ParsedInputOf,
  type ProcedureKind,
  type ProcedureName,
  type Result,
  type Role,
} from '../api/index.js';

export type FrontDoor = 'desktop' | 'headless' | 'cli';

/** Who is calling and through which door; every handler receives it. */
export interface CallContext {
  user: { name: string; role: Role };
  frontDoor: FrontDoor;
  /** Where the call came from (an IP address, "ipc", "cli"), for the audit log. */
  origin: string;
  /** Set for headless sessions; null for the desktop user and the CLI. */
  sessionExpiresAt: string | null;
  /** For job procedures: the id the caller chose, so it can follow progress events (optional). */
  jobId?: string;
  /** Aborted when the caller goes away (a closed browser tab): long work for it can stop. */
  signal?: AbortSignal;
}

/** Where a call came from, as the audit log and manifests record it: "console 10.0.0.7", "cli", "desktop". */
export function describeOrigin(ctx: CallContext): string {
  return ctx.frontDoor === 'headless' ? `console ${ctx.origin}` : ctx.frontDoor;
}

export type Handler<N extends ProcedureName> = (
  input: ParsedInputOf<N>,
  ctx: CallContext,
  job: JobControl,
) => Promise<OutputOf<N>> | OutputOf<N>;

/** One handler per procedure; a missing or extra entry is a compile error. */
export type HandlerTable = { [N in ProcedureName]: Handler<N> };

export interface DispatchHooks {
  /** Errors that are not AppErrors are bugs: they are logged with their stack, and the caller gets INTERNAL. */
  onUnexpectedError(name: string, error: unknown): void;
  /** Runs a 'job' procedure under the job registry (progress events, cancellation). */
  runJob?<T>(name: string, ctx: CallContext, work: (job: JobControl) => Promise<T>): Promise<T>;
}

/** Queries and plain mutations get a control that is never cancelled and reports nowhere. */
const NO_JOB: JobControl = {
  id: 'none',
  signal: new AbortController().signal,
  progress: () => undefined,
  throwIfCancelled: () => undefined,
};

function failure(error: AppErrorData): Result<never> {
  return { ok: false, error };
}

export function validationFailure(error: z.ZodError): AppErrorData {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const message = issue ? `${field ?? 'input'}: ${issue.message}` : 'invalid input';
  return field === undefined
    ? { code: 'VALIDATION_FAILED', message }
    : { code: 'VALIDATION_FAILED', message, field };
}

/**
 * The single path from any front door into the services: name check, role check,
 * input validation, then the handler. Never throws; always answers with a Result.
 */
export async function dispatch(
  table: HandlerTable,
  name: unknown,
  rawInput: unknown,
  ctx: CallContext,
  hooks: DispatchHooks,
): Promise<Result<unknown>> {
  if (!isProcedureName(name)) {
    const shown = typeof name === 'string' ? name.slice(0, 80) : typeof name;
    return failure({ code: 'UNKNOWN_PROCEDURE', message: `unknown procedure "${shown}"` });
  }
  const def = procedures[name];
  if (!def.roles.includes(ctx.user.role)) {
    return failure({
      code: 'FORBIDDEN',
      message: `the ${ctx.user.role} role may not call ${name} (allowed: ${def.roles.join(', ')})`,
    });
  }
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) return failure(validationFailure(parsed.error));
  try {
    const handler = table[name] as (input: unknown, ctx: CallContext, job: JobControl) => unknown;
    const value =
      (def.kind as ProcedureKind) === 'job' && hooks.runJob
        ? await hooks.runJob(name, ctx, async (job) => handler(parsed.data, ctx, job))
        : await handler(parsed.data, ctx, NO_JOB);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return failure(error.toData());
    hooks.onUnexpectedError(name, error);
    return failure({ code: 'INTERNAL', message: `${name} failed unexpectedly; see the log for details` });
  }
}
