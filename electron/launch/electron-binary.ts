import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/**
 * Where the Electron package keeps its binary, without requiring 'electron' from Node (that
 * require downloads the binary on first use, and blocks or fails on an offline machine).
 */
export function findElectronBinary(): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed (run npm ci)' };
  }
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile) && !override) {
    return { found: false, reason: 'the Electron binary has not been downloaded' };
  }
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = override ? path.join(override, relative) : path.join(packageDir, 'dist', relative);
  return fs.existsSync(binary) ? { found: true, path: binary } : { found: false, reason: `no Electron binary at ${binary}` };
}

/** Runs the Electron package's own installer once (it downloads from the network). */
export function tryInstallElectron(timeoutMs: number): ElectronBinary {
  let installer: string;
  try {
    installer = path.join(path.dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'install.js');
  } catch {
    return { found: false, reason: 'the electron package is not installed (run npm ci)' };
  }
  const result = spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: timeoutMs });
  const binary = findElectronBinary();
  if (binary.found) return binary;
  const why = result.error ? result.error.message : `its download failed (exit ${String(result.status)}; offline?)`;
  return { found: false, reason: `the Electron binary could not be downloaded: ${why}` };
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform = process.platform): boolean {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY']);
}
