import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { runCli } from '../cli/main.js';
import { makeTempDir } from './temp-app.js';

export interface CapturedRun {
  code: number;
  out: string;
  err: string;
  /** stdout parsed as JSON (for `--json` runs). */
  json<T = unknown>(): T;
}

/** Runs the real `voiceops` CLI in this process and captures what it prints. */
export async function runCliCaptured(argv: readonly string[]): Promise<CapturedRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv], { out: (t) => out.push(t), err: (t) => err.push(t) });
  const stdout = out.join('\n');
  return { code, out: stdout, err: err.join('\n'), json: <T,>() => JSON.parse(stdout) as T };
}

/**
 * For a test file whose CLI runs share one temporary data folder: the folder is made before
 * all its tests and removed after them; `cli` appends `--data-dir` to every run. Hooks a file
 * registers after calling this run after the folder exists.
 */
export function cliOnTempDataFolder(): { cli: (...argv: string[]) => Promise<CapturedRun>; temp: { readonly dir: string } } {
  let made: { dir: string; cleanup(): void } | undefined;
  beforeAll(() => {
    made = makeTempDir();
  });
  afterAll(() => made?.cleanup());
  const temp = {
    get dir(): string {
      if (!made) throw new Error('the temporary data folder exists only while the tests run');
      return made.dir;
    },
  };
  return { temp, cli: (...argv) => runCliCaptured([...argv, '--data-dir', path.join(temp.dir, 'data')]) };
}
