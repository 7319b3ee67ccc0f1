/**
 * Checks every pipeline makes on a request before any tensor is built, with the stable error
 * codes of electron/api/errors.ts, so each front door shows the same message.
 */
import { AppError } from '../../electron/api/index.js';
import type { OpenSession, PipelineRequest } from './pipeline.js';

/** Longest text a pipeline accepts, in characters (code points). */
export const MAX_TEXT_CHARS = 2000;

export function requireText(text: string): string {
  if (text.trim() === '') throw new AppError('VALIDATION_FAILED', 'the text is empty', 'text');
  const length = Array.from(text).length;
  if (length > MAX_TEXT_CHARS) {
    throw new AppError('VALIDATION_FAILED', `the text is ${length} characters long; at most ${MAX_TEXT_CHARS} are accepted`, 'text');
  }
  return text;
}

export function requireRequest<K extends PipelineRequest['kind']>(request: PipelineRequest, kind: K, format: string): Extract<PipelineRequest, { kind: K }> {
  if (request.kind !== kind) throw new AppError('UNSUPPORTED_FORMAT', `a ${format} model cannot serve a ${request.kind} request`, 'kind');
  return request as Extract<PipelineRequest, { kind: K }>;
}

export function requireSession(sessions: Record<string, OpenSession>, role: string): OpenSession {
  const open = sessions[role];
  if (!open) throw new AppError('INTERNAL', `the engine did not open the ${role} graph`);
  return open;
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('CANCELLED', 'the request was cancelled');
}

export function finiteInRange(value: number | undefined, field: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new AppError('VALIDATION_FAILED', `${field} must be between ${min} and ${max}`, field);
  }
  return value;
}
