import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, nativeImage, net, protocol, session, Tray, type WebContents } from 'electron';
import { appRoot } from './core/app-version.js';
import { quitMessage, trayStrings, type TraySummary } from './launch/tray-summary.js';
import { CONTENT_SECURITY_POLICY } from './core/content-security-policy.js';

/** The renderer is served from voiceops://app/, a privileged custom scheme, not file://. */
export const APP_SCHEME = 'voiceops';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves files of the built renderer only: the requested path is resolved inside rendererDir
 * and refused if it escapes it. Every response carries the CSP.
 */
export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(root, '.' + relative);
    if (url.host !== 'app' || (file !== root && !file.startsWith(root + path.sep))) {
      return new Response('not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function lockDown(contents: WebContents): void {
  // No navigation away from the app and no new windows: a link can never load remote code here.
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(preloadFile: string): BrowserWindow {
  // Camera, microphone, notifications, geolocation ...: the console needs none of them.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1280,
    minHeight: 800,
    title: 'VoiceOps Admin',
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  lockDown(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

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
