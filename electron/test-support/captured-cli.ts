import { runCli } from '../cli/main.js';

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
