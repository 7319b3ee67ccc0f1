import { spawn } from 'node:child_process';

export interface CommandResult {
  /** Exit code; null when it could not start or was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** The program does not exist here (ENOENT): e.g. systemctl in a container. */
  missing: boolean;
}

/** How the installer runs systemctl / schtasks: injected, so tests check the exact command lines without root. */
export type CommandRunner = (command: string, args: readonly string[]) => Promise<CommandResult>;

export const runCommand: CommandRunner = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, stdout, stderr: stderr || error.message, missing: error.code === 'ENOENT' }));
    child.once('close', (code) => resolve({ code, stdout, stderr, missing: false }));
  });
