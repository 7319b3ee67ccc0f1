/**
 * Errors cross every boundary (IPC, HTTP, CLI) as values, never as thrown exceptions,
 * so each front door can show the same stable code and message.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_PROCEDURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'BODY_TOO_LARGE',
  'MALFORMED_REQUEST',
  'NOT_FOUND',
  'CONFLICT',
  'DB_NEWER_THAN_APP',
  'DB_MIGRATION_FAILED',
  'DATA_DIR_UNUSABLE',
  'ENGINE_UNAVAILABLE',
  'ENGINE_BUSY',
  'ENGINE_CRASHED',
  'TIMEOUT',
  'NOT_IMPLEMENTED',
  'CANCELLED',
  'DISK_FULL',
  'INTEGRITY_FAILED',
  'UNSUPPORTED_FORMAT',
  'UNREACHABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  /** The input field at fault, as a dotted path, when the error is about one field. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown inside services; converted to a Result value at the boundary by dispatch. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }

  toData(): AppErrorData {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The HTTP status a code maps to in the headless console. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_REQUEST':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'UNKNOWN_PROCEDURE':
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'INTEGRITY_FAILED':
      return 409;
    case 'CANCELLED':
      return 499;
    case 'UNSUPPORTED_FORMAT':
      return 422;
    case 'DISK_FULL':
      return 507;
    case 'BODY_TOO_LARGE':
      return 413;
    case 'RATE_LIMITED':
      return 429;
    case 'NOT_IMPLEMENTED':
      return 501;
    case 'ENGINE_UNAVAILABLE':
    case 'ENGINE_BUSY':
    case 'ENGINE_CRASHED':
    case 'UNREACHABLE':
      return 503;
    case 'TIMEOUT':
      return 504;
    default:
      return 500;
  }
}
