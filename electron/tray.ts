import path from 'node:path';
import { app, dialog, Menu, nativeImage, Tray, type BrowserWindow } from 'electron';
import { appRoot } from './core/app-version.js';
import { quitMessage, trayStrings, type TraySummary } from './launch/tray-summary.js';

const REFRESH_MS = 60_000;

/**
 * The tray icon of a window that owns its data folder: closing the window keeps the owner's
 * duties running here; the menu shows the last backup and any active alert; Quit asks first
 * and says what stops.
 */
export function createOwnerTray(window: BrowserWindow, summary: () => Promise<TraySummary>, onQuit: () => void): Tray {
  const strings = trayStrings(app.getLocale());
  const tray = new Tray(nativeImage.createFromPath(path.join(appRoot(), 'assets', 'tray-icon.png')));
  tray.setToolTip('VoiceOps Admin');
  const show = (): void => {
    window.show();
    window.focus();
  };
  const confirmQuit = async (): Promise<void> => {
    const answer = await dialog.showMessageBox({ type: 'question', buttons: [strings.quit, strings.cancel], defaultId: 1, cancelId: 1, message: quitMessage(true, app.getLocale()) });
    if (answer.response === 0) onQuit();
  };
  const refresh = async (): Promise<void> => {
    const now = await summary().catch(() => ({ lastBackup: '', alert: null }));
    tray.setToolTip(['VoiceOps Admin', now.lastBackup, now.alert].filter(Boolean).join('\n'));
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...(now.lastBackup ? [{ label: now.lastBackup, enabled: false }] : []),
        ...(now.alert ? [{ label: now.alert, enabled: false }] : []),
        { type: 'separator' },
        { label: strings.open, click: show },
        { label: strings.quit, click: () => void confirmQuit() },
      ]),
    );
  };
  void refresh();
  const timer = setInterval(() => void refresh(), REFRESH_MS);
  tray.on('click', show);
  timer.unref();
  return tray;
}
