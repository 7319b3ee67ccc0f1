import type { AppErrorData, Result } from './errors.js';
import type { EventMessage, EventName } from './events.js';
import type { InputOf, OutputOf, ProcedureName } from './procedures/index.js';

/**
 * What every transport offers the renderer: the Electron preload bridge and the HTTP client
 * of the headless console both implement it, so pages never know which one they talk to.
 */
export interface CallOptions {
  /** For job procedures: an id chosen by the caller, to follow its 'job.progress' events and cancel it. */
  jobId?: string;
}

export interface ApiTransport {
  invoke<N extends ProcedureName>(name: N, input: InputOf<N>, options?: CallOptions): Promise<Result<OutputOf<N>>>;
  /** Returns a function that stops the subscription. */
  subscribe(listener: (event: EventMessage<EventName>) => void): () => void;
}

/** The raw bridge the preload exposes as window.voiceops (untyped at runtime, typed here). */
export interface DesktopBridge {
  invoke(name: string, input: unknown, options?: CallOptions): Promise<unknown>;
  onEvent(listener: (message: unknown) => void): () => void;
  /** The local path of a picked or dropped file; desktop only. */
  pathForFile(file: unknown): string;
}

export class ApiCallError extends Error {
  readonly code: AppErrorData['code'];
  readonly field: string | undefined;
  constructor(error: AppErrorData) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.field = error.field;
  }
}
