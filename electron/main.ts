/**
 * Electron main process: one window, the IPC bridge, and the services of the data folder.
 * Everything else lives in electron/services and runs the same in `voiceops serve`.
 *
 * Ownership (issue 9): when a live process (the system service, or a console) owns the data
 * folder, the window attaches to it over loopback with the local credential and runs nothing
 * itself (the page shows "running as a service"). When nobody does, the window takes the
 * ownership lock, runs the owner's duties, serves local clients (the CLI) on a loopback-only
 * port, and on closing keeps running in the tray until Quit.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, Notification, type BrowserWindow } from 'electron';
import { openAppContext, type AppContext } from './core/app-context.js';
import { recoverDataFolder } from './core/owner-duties.js';
import { DATA_DIR_ENV } from './core/data-dir.js';
import { clientUrlFor, type FolderClaim } from './core/take-ownership.js';
import { decideLaunch } from './launch/attach-to-owner.js';
import { traySummary } from './launch/tray-summary.js';
import { createConsoleServer, type ConsoleServer } from './server/create-console-server.js';
import { builtRendererDir } from './server/start-console.js';
import { registerAttachedIpc, registerIpc } from './ipc.js';
import { createMainWindow, createOwnerTray, registerAppScheme, serveRenderer } from './window.js';
import type { AlertsReport, BackupListEntry, JobProgress } from './api/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

app.enableSandbox();
registerAppScheme();

/** Owning the folder: the duties, a loopback port for the CLI, the tray. Returns what stops at Quit. */
async function runAsOwner(dataDir: string, claim: FolderClaim, window: BrowserWindow, quit: () => void): Promise<() => Promise<void>> {
  let context: AppContext | undefined;
  let server: ConsoleServer | undefined;
  try {
    context = await openAppContext({ dataDir, frontDoor: 'desktop', log: 'file' });
    await recoverDataFolder(context);
    server = await createConsoleServer({ app: context, rendererDir: null, localCredential: claim.credential });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const address = server.server.address();
    claim.serving(context, clientUrlFor('http', '127.0.0.1', typeof address === 'object' && address ? address.port : 0));
  } catch (error) {
    await server?.close();
    context?.close();
    claim.release();
    throw error;
  }
  const owned = context;
  registerIpc(owned, window);
  // Fired and escalated alerts as desktop notifications (the banner shows them in the window).
  owned.alerts.onTransition((transitions) => {
    if (!Notification.isSupported()) return;
    for (const t of transitions.filter((each) => each.to !== 'ok')) {
      const body = `${t.rule.metric} ${t.rule.direction} ${t.threshold ?? ''}: ${t.value ?? 'no value'}`;
      new Notification({ title: `VoiceOps Admin: ${t.to}`, body }).show();
    }
  });
  const caller = { user: { name: `desktop:${os.userInfo().username}`, role: 'admin' as const }, frontDoor: 'desktop' as const, origin: 'ipc', sessionExpiresAt: null };
  createOwnerTray(
    window,
    async () => {
      const backups = await owned.call('backup.list', {}, caller);
      const jobs = await owned.call('jobs.list', {}, caller);
      const alerts = await owned.call('alerts.list', {}, caller);
      return traySummary(
        backups.ok ? (backups.value as BackupListEntry[]) : [],
        jobs.ok ? (jobs.value as JobProgress[]) : [],
        app.getLocale(),
        alerts.ok ? (alerts.value as AlertsReport).active : [],
      );
    },
    quit,
  );
  const ownedServer = server;
  return async () => {
    claim.stopDuties();
    await ownedServer.close();
    owned.close();
    claim.release();
  };
}

if (!app.requestSingleInstanceLock()) {
  // A second launch focuses the first window instead of opening the database twice.
  app.quit();
} else {
  let stop: (() => Promise<void>) | undefined;
  let owns = false;
  let quitting = false;
  const quit = (): void => {
    quitting = true;
    app.quit();
  };

  // An owning window lives on in the tray; an attached one has nothing left to do.
  app.on('window-all-closed', () => {
    if (!owns) app.quit();
  });
  app.on('will-quit', (event) => {
    if (!stop) return;
    event.preventDefault();
    const stopping = stop;
    stop = undefined;
    void stopping().finally(() => app.exit(0));
  });

  app
    .whenReady()
    .then(async () => {
      const dataDir = process.env[DATA_DIR_ENV] || app.getPath('userData');
      const decision = await decideLaunch(dataDir);
      if (decision.mode === 'refused') throw new Error(decision.message);
      serveRenderer(builtRendererDir());
      const window = createMainWindow(path.join(here, 'preload.cjs'));
      if (decision.mode === 'attach') {
        const detach = await registerAttachedIpc(decision.connection, window);
        stop = async () => detach();
      } else {
        owns = true;
        stop = await runAsOwner(dataDir, decision.claim, window, quit);
        window.on('close', (event) => {
          if (quitting) return;
          // Closing the window is not quitting: the schedules go on, reachable from the tray.
          event.preventDefault();
          window.hide();
        });
      }
      app.on('second-instance', () => {
        if (window.isMinimized()) window.restore();
        window.show();
        window.focus();
      });
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('VoiceOps Admin could not start', message);
      app.exit(1);
    });
}
