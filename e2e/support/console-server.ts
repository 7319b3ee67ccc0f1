import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(REPO_ROOT, 'bin', 'voiceops.js');
const STARTUP_TIMEOUT_MS = 20_000;

const LISTENING_LINE = /VoiceOps console listening on (https?:\/\/\S+\/)/;
const TOKEN_LINE = /Sign-in token, shown only now: (vo_\S+)/;

export interface CreatedAccount {
  user: { name: string; role: 'admin' | 'supervisor' };
  token: string;
}

/** The part of `voiceops status --json` the tests compare with the screen. */
export interface CliStatus {
  dataDir: string;
  database: { path: string; schemaVersion: number; latestSchemaVersion: number; journalMode: string };
}

export interface ConsoleServer {
  /** e.g. http://127.0.0.1:41234/ (with the trailing slash the server prints). */
  url: string;
  dataDir: string;
  /** The first-run admin token the server printed once. */
  adminToken: string;
  /** `voiceops users add` on the same data folder while the server runs (SQLite WAL allows it). */
  addUser(name: string, role: 'admin' | 'supervisor'): Promise<CreatedAccount>;
  cliStatus(): Promise<CliStatus>;
  /** Stops the server and starts it again on the same data folder and port (what a reboot does). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function cliJson<T>(args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [CLI, ...args, '--json'], { cwd: REPO_ROOT, timeout: 15_000 });
  return JSON.parse(stdout) as T;
}

/**
 * Resolves with the URL and admin token once both first-run lines have been printed; on a
 * restart (accounts exist, so no token is printed) once the URL has been printed.
 */
function waitForStartup(child: ChildProcess, stderr: () => string, firstRun = true): Promise<{ url: string; adminToken: string }> {
  return new Promise((resolve, reject) => {
    let url: string | undefined;
    let adminToken: string | undefined;
    const lines = readline.createInterface({ input: child.stdout! });
    const fail = (reason: string): void => {
      clearTimeout(timer);
      lines.close();
      reject(new Error(`voiceops serve ${reason}\n--- stderr ---\n${stderr()}`));
    };
    const timer = setTimeout(() => fail(`printed no URL and token within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    lines.on('line', (line) => {
      url ??= LISTENING_LINE.exec(line)?.[1];
      adminToken ??= TOKEN_LINE.exec(line)?.[1];
      if (url && (adminToken || !firstRun)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        // Keep draining stdout so the server never blocks on a full pipe.
        lines.removeAllListeners('line');
        lines.on('line', () => undefined);
        resolve({ url, adminToken: adminToken ?? '' });
      }
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Open event streams can hold a graceful close; do not let them hang the suite.
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts `voiceops serve` on a data folder and a port (0: any free one), with any extra serve flags and environment. */
function spawnServe(dataDir: string, port: string, extraArgs: string[], env: Record<string, string>): { child: ChildProcess; stderr: () => string } {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', port, '--data-dir', dataDir, ...extraArgs], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VOICEOPS_HOST: '127.0.0.1', ...env },
  });
  let errorOutput = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    errorOutput = (errorOutput + chunk).slice(-8_000);
  });
  return { child, stderr: () => errorOutput };
}

/**
 * Starts `voiceops serve --port 0` on a fresh data folder: a first run, so a new admin token.
 * extraArgs: more serve flags, e.g. ['--service'] for a console started as the system service.
 * env: more environment, e.g. VOICEOPS_CATCH_UP_DELAY_MS for a due backup that should run at once.
 */
export async function startConsoleServer(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<ConsoleServer> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'voiceops-e2e-'));
  let serve = spawnServe(dataDir, '0', extraArgs, env);

  let started: { url: string; adminToken: string };
  try {
    started = await waitForStartup(serve.child, serve.stderr);
  } catch (error) {
    await stopProcess(serve.child);
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    ...started,
    dataDir,
    addUser: (name, role) => cliJson<CreatedAccount>(['users', 'add', name, '--role', role, '--data-dir', dataDir]),
    cliStatus: () => cliJson<CliStatus>(['status', '--data-dir', dataDir]),
    async restart() {
      await stopProcess(serve.child);
      serve = spawnServe(dataDir, new URL(started.url).port, extraArgs, env);
      await waitForStartup(serve.child, serve.stderr, false);
    },
    async stop() {
      await stopProcess(serve.child);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
