import {
  events,
  isErrorCode,
  type ApiTransport,
  type AppErrorData,
  type EventMessage,
  type EventName,
  type Result,
} from '../../electron/api/index.js';

function unreachable(detail: string): AppErrorData {
  return { code: 'UNREACHABLE', message: `the console server cannot be reached (${detail})` };
}

/** Reads any JSON answer of the server into a Result, whatever the HTTP status. */
async function readResult(response: Response): Promise<Result<unknown>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, error: unreachable(`HTTP ${response.status} without a JSON body`) };
  }
  if (body && typeof body === 'object' && 'ok' in body) {
    const result = body as Result<unknown>;
    if (result.ok || isErrorCode(result.error?.code)) return result;
  }
  return { ok: false, error: unreachable(`unexpected answer, HTTP ${response.status}`) };
}

export async function postJson(url: string, body: unknown, method = 'POST', extraHeaders: Record<string, string> = {}): Promise<Result<unknown>> {
  try {
    const response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...extraHeaders },
      body: JSON.stringify(body ?? {}),
    });
    return await readResult(response);
  } catch (error) {
    return { ok: false, error: unreachable(error instanceof Error ? error.message : 'network error') };
  }
}

/** The headless console's transport: POST /api/rpc/<name> and Server-Sent Events on /api/events. */
export function createHttpTransport(): ApiTransport {
  return {
    invoke: (name, input, options) =>
      postJson(
        `/api/rpc/${encodeURIComponent(name)}`,
        input,
        'POST',
        options?.jobId ? { 'x-voiceops-job-id': options.jobId } : {},
      ) as never,
    subscribe(listener) {
      const source = new EventSource('/api/events', { withCredentials: true });
      for (const name of Object.keys(events) as EventName[]) {
        source.addEventListener(name, (event) => {
          try {
            const payload: unknown = JSON.parse((event as MessageEvent<string>).data);
            listener({ name, payload } as EventMessage);
          } catch {
            // A malformed frame is dropped; the next one may be fine.
          }
        });
      }
      return () => source.close();
    },
  };
}

export function signIn(token: string): Promise<Result<unknown>> {
  return postJson('/api/session', { token });
}

export function signOut(): Promise<Result<unknown>> {
  return postJson('/api/session', {}, 'DELETE');
}
