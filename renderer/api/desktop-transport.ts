import {
  isErrorCode,
  isEventName,
  type ApiTransport,
  type DesktopBridge,
  type EventMessage,
  type Result,
} from '../../electron/api/index.js';

declare global {
  interface Window {
    /** Present only inside the Electron window (see electron/preload.cts). */
    voiceops?: DesktopBridge;
  }
}

function asResult(raw: unknown): Result<unknown> {
  if (raw && typeof raw === 'object' && 'ok' in raw) {
    const result = raw as Result<unknown>;
    if (result.ok || isErrorCode(result.error?.code)) return result;
  }
  return { ok: false, error: { code: 'INTERNAL', message: 'the desktop bridge answered something unexpected' } };
}

/** The Electron window's transport: the preload's contextBridge API over IPC. */
export function createDesktopTransport(bridge: DesktopBridge): ApiTransport {
  return {
    invoke: async (name, input, options) => asResult(await bridge.invoke(name, input, options)) as never,
    subscribe(listener) {
      return bridge.onEvent((message) => {
        if (message && typeof message === 'object' && isEventName((message as EventMessage).name)) {
          listener(message as EventMessage);
        }
      });
    },
  };
}
