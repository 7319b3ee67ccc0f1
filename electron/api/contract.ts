/**
 * The building blocks of the one contract. A procedure is declared once, here in electron/api,
 * and every front door (IPC, HTTP, CLI, react-query hooks) is derived from the declaration.
 * This folder imports nothing of ours and nothing of Node or Electron: the renderer reads it too.
 */
import type { z } from 'zod';

export const ROLES = ['admin', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export interface CliSpec<O extends z.ZodType = z.ZodType> {
  /** Words after `voiceops`, e.g. "users add". */
  command: string;
  /** Input fields given as positional arguments, in order; the rest become --options. */
  positionals?: readonly string[];
  /** A line printed to stderr after the human-readable output (not with --json). */
  notice?: string;
  /**
   * For commands that scripts test by exit status (e.g. verify): a message when the result
   * means failure; the CLI prints the result, then this line, and exits 1.
   */
  failureOf?: (output: z.output<O>) => string | undefined;
  /**
   * For commands that produce a file (e.g. tts): the CLI requires --<flag> <file>, writes the
   * base64 output field there, and prints the rest of the result.
   */
  fileOutput?: { flag: string; field: string; description: string };
  /** The human-readable output, when the generic key/value layout would not read well (doctor). */
  format?: (output: z.output<O>) => string;
}

/**
 * query: reads, safe to repeat and cache. mutation: changes state, audited.
 * job: a long mutation (import, verify, export) that reports progress events and can be cancelled.
 */
export type ProcedureKind = 'query' | 'mutation' | 'job';

export interface ProcedureDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  K extends ProcedureKind = ProcedureKind,
> {
  kind: K;
  /** Roles allowed to call it; checked before the input is even parsed. */
  roles: readonly Role[];
  /** One line, shown in CLI help and API listings. */
  summary: string;
  input: I;
  output: O;
  /** How it appears on the command line; false keeps it off the CLI (e.g. session-only calls). */
  cli: CliSpec<O> | false;
}

export function defineProcedure<I extends z.ZodType, O extends z.ZodType, K extends ProcedureKind>(
  def: ProcedureDef<I, O, K>,
): ProcedureDef<I, O, K> {
  return def;
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  roles: readonly Role[];
  summary: string;
  payload: P;
}

export function defineEvent<P extends z.ZodType>(def: EventDef<P>): EventDef<P> {
  return def;
}

/** Channel names of the Electron bridge; preload.cts repeats them (a sandboxed preload cannot import). */
export const IPC_INVOKE_CHANNEL = 'voiceops:invoke';
export const IPC_EVENT_CHANNEL = 'voiceops:event';
