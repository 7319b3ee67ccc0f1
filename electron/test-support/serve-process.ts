/**
 * A real `voiceops serve` child process on a data folder (run from the TypeScript sources
 * through tsx), for the ownership tests: wait for its URL, read what it printed, stop it
 * cleanly or kill it with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const CLI_MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const LISTENING = /VoiceOps console listening on (https?:\/\/\S+\/)/;

export interface ServeProcess {
  child: ChildProcess;
  /** Every stdout line so far. */
  out: string[];
  err(): string;
  /** Resolves with the URL once it listens; rejects with its exit code and stderr if it exits first. */
  listening: Promise<string>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export function startServeProcess(dataDir: string, extraArgs: string[] = [], env: Record<string, string> = {}): ServeProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_MAIN, 'serve', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VOICEOPS_HOST: '127.0.0.1', ...env },
  });
  const out: string[] = [];
  let errText = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (errText += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      out.push(line);
      const url = LISTENING.exec(line)?.[1];
      if (url) resolve(url);
    });
    void exited.then((code) => reject(new Error(`voiceops serve exited with ${code} before listening:\n${errText}`)));
  });
  listening.catch(() => undefined);
  return {
    child,
    out,
    err: () => errText,
    listening,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
    async kill9() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
