import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAppContext, type AppContext } from '../core/app-context.js';
import type { CallContext } from '../core/dispatch.js';

/** A real data folder in the system temp dir, removed by cleanup(). */
export function makeTempDir(prefix = 'voiceops-test-'): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface TempApp {
  app: AppContext;
  dir: string;
  cleanup(): void;
}

/** A real app context (SQLite file, log files) over a fresh temporary data folder. */
export async function openTempApp(log: 'file' | 'silent' = 'silent'): Promise<TempApp> {
  const temp = makeTempDir();
  const app = await openAppContext({ dataDir: temp.dir, frontDoor: 'headless', log });
  return {
    app,
    dir: temp.dir,
    cleanup() {
      app.close();
      temp.cleanup();
    },
  };
}

export function callerAs(role: 'admin' | 'supervisor', name = `test-${role}`): CallContext {
  return { user: { name, role }, frontDoor: 'headless', origin: '127.0.0.1', sessionExpiresAt: null };
}
