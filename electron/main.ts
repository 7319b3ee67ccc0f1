/**
 * Electron main process: one window, the IPC bridge, and the services of the data folder.
 * Everything else lives in electron/services and runs the same in `voiceops serve`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, Notification } from 'electron';
import { openAppContext, type AppContext } from './core/app-context.js';
import { recoverDataFolder, startOwnerSchedules } from './core/owner-duties.js';
import { DATA_DIR_ENV } from './core/data-dir.js';
import { builtRendererDir } from './server/start-console.js';
import { registerIpc } from './ipc.js';
import { createMainWindow, registerAppScheme, serveRenderer } from './window.js';

const here = path.dirname(fileURLToPath(import.meta.url));

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // A second launch focuses the first window instead of opening the database twice.
  app.quit();
} else {
  let context: AppContext | undefined;

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => context?.close());

  app
    .whenReady()
    .then(async () => {
      const dataDir = process.env[DATA_DIR_ENV] || app.getPath('userData');
      context = await openAppContext({ dataDir, frontDoor: 'desktop', log: 'file' });
      await recoverDataFolder(context);
      startOwnerSchedules(context);
      // Fired and escalated alerts as desktop notifications (the banner shows them in the window).
      context.alerts.onTransition((transitions) => {
        if (!Notification.isSupported()) return;
        for (const t of transitions.filter((each) => each.to !== 'ok')) {
          const body = `${t.rule.metric} ${t.rule.direction} ${t.threshold ?? ''}: ${t.value ?? 'no value'}`;
          new Notification({ title: `VoiceOps Admin: ${t.to}`, body }).show();
        }
      });
      serveRenderer(builtRendererDir());
      const window = createMainWindow(path.join(here, 'preload.cjs'));
      registerIpc(context, window);
      app.on('second-instance', () => {
        if (window.isMinimized()) window.restore();
        window.focus();
      });
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('VoiceOps Admin could not start', message);
      app.exit(1);
    });
}
