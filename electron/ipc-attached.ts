import { ipcMain, type BrowserWindow } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, JOB_ID_PATTERN, type Result } from './api/index.js';
import type { OwnerConnection } from './services/ownership/owner-client.js';
import { isTrustedSender } from './ipc.js';

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
