import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../api/index.js';

export const DATA_DIR_ENV = 'VOICEOPS_DATA_DIR';

/**
 * Where a headless process keeps its data when told nothing: the XDG data folder on Linux,
 * %APPDATA% on Windows, Application Support on macOS. (The desktop app uses Electron's
 * userData folder instead; see electron/main.ts.)
 */
export function defaultHeadlessDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') {
    return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'VoiceOps Admin');
  }
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'VoiceOps Admin');
  const xdg = env['XDG_DATA_HOME'];
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.local', 'share'), 'voiceops');
}

/** Precedence: explicit flag, then VOICEOPS_DATA_DIR, then the platform default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env[DATA_DIR_ENV];
  return path.resolve(chosen && chosen.length > 0 ? chosen : defaultHeadlessDataDir(env));
}

/** The folders this services write to; later services add theirs (models, backups, ...). */
export const DATA_LAYOUT = ['logs', 'voice_output'] as const;

export function ensureDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    for (const sub of DATA_LAYOUT) fs.mkdirSync(path.join(dataDir, sub), { recursive: true, mode: 0o700 });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('DATA_DIR_UNUSABLE', `cannot use data folder ${dataDir}: ${reason}`);
  }
}
