import os from 'node:os';
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, JOB_ID_PATTERN, type Result } from './api/index.js';
import type { AppContext } from './core/app-context.js';
import type { OwnerConnection } from './services/ownership/owner-client.js';
import { APP_ORIGIN } from './window.js';

/** Only our own page, in its top frame, may call: not an iframe, not a page navigated elsewhere. */
function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return (
    event.sender === window.webContents &&
    frame !== null &&
    frame.parent === null &&
    frame.url.startsWith(APP_ORIGIN + '/')
  );
}

/**
 * One IPC channel for every procedure, dispatched exactly like HTTP and CLI calls. Inside the
 * desktop app the person at the machine is its admin (they can read the data folder anyway).
 */
export function registerIpc(app: AppContext, window: BrowserWindow): () => void {
  const user = { name: `desktop:${os.userInfo().username}`, role: 'admin' as const };
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, name: unknown, input: unknown, options: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, window)) {
      app.logger.warn({ url: event.senderFrame?.url }, 'IPC call from an untrusted frame refused');
      return { ok: false, error: { code: 'FORBIDDEN', message: 'IPC calls are accepted only from the app page' } };
    }
    const jobId = (options as { jobId?: unknown } | undefined)?.jobId;
    return app.call(name, input, {
      user,
      frontDoor: 'desktop',
      origin: 'ipc',
      sessionExpiresAt: null,
      ...(typeof jobId === 'string' && JOB_ID_PATTERN.test(jobId) ? { jobId } : {}),
    });
  });
  const unsubscribe = app.bus.subscribe(user.role, (message) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, message);
  });
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    unsubscribe();
  };
}

/**
 * The IPC bridge of a window attached to the folder's owner (the system service): the same
 * channel as registerIpc, but every call and event goes to the owner over loopback with the
 * local credential, which treats it as the desktop user (admin, any local path). The window
 * runs no services of its own.
 */
export async function registerAttachedIpc(connection: OwnerConnection, window: BrowserWindow): Promise<() => void> {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, name: unknown, input: unknown, options: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, window)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'IPC calls are accepted only from the app page' } };
    }
    if (typeof name !== 'string') return { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: 'unknown procedure' } };
    const jobId = (options as { jobId?: unknown } | undefined)?.jobId;
    return connection.call(name, input, typeof jobId === 'string' && JOB_ID_PATTERN.test(jobId) ? { jobId } : {});
  });
  const close = await connection.subscribe((message) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, message);
  });
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    close();
  };
}
