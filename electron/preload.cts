/**
 * The only bridge between the sandboxed renderer and the main process. A sandboxed preload
 * can require nothing but 'electron', so the channel names are repeated here from
 * electron/api/contract.ts (a unit test keeps the two equal). It exposes two functions and
 * nothing of ipcRenderer itself: the renderer cannot send on any other channel.
 */
import electron = require('electron');

const INVOKE_CHANNEL = 'voiceops:invoke';
const EVENT_CHANNEL = 'voiceops:event';

electron.contextBridge.exposeInMainWorld('voiceops', {
  invoke: (name: string, input: unknown, options?: { jobId?: string }): Promise<unknown> =>
    electron.ipcRenderer.invoke(INVOKE_CHANNEL, String(name), input, { jobId: options?.jobId }),
  /** The local path of a file the user picked or dropped (the desktop app imports from any folder). */
  pathForFile: (file: File): string => electron.webUtils.getPathForFile(file),
  onEvent: (listener: (message: unknown) => void): (() => void) => {
    const handler = (_event: unknown, message: unknown): void => listener(message);
    electron.ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      electron.ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
});
