/**
 * `npm start`: the desktop window when Electron can run here, else the headless console,
 * said in one line. Runs in plain Node; it never imports 'electron'.
 */
import { spawn } from 'node:child_process';
import { appRoot } from '../core/app-version.js';
import { runCli } from '../cli/main.js';
import { findElectronBinary, hasDisplay, tryInstallElectron, type ElectronBinary } from './electron-binary.js';

const INSTALL_TIMEOUT_MS = 120_000;

function chooseElectron(): ElectronBinary {
  if (process.env['VOICEOPS_HEADLESS'] === '1') return { found: false, reason: 'VOICEOPS_HEADLESS=1 is set' };
  if (!hasDisplay()) return { found: false, reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  const existing = findElectronBinary();
  return existing.found ? existing : tryInstallElectron(INSTALL_TIMEOUT_MS);
}

const electron = chooseElectron();
if (electron.found) {
  const child = spawn(electron.path, [appRoot()], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(`Desktop window unavailable: ${electron.reason}. Starting the headless console instead.\n`);
  process.exitCode = await runCli(['serve', ...process.argv.slice(2)]);
}
