import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Built code runs the compiled .js next to the caller; tests run from sources, where only the
 * .ts exists, and load it through tsx (a dev dependency). Returns the file and whether it is TS.
 */
function resolveModule(jsUrl: URL): { file: string; typescript: boolean } {
  const jsPath = fileURLToPath(jsUrl);
  if (fs.existsSync(jsPath)) return { file: jsPath, typescript: false };
  const tsPath = jsPath.replace(/\.js$/, '.ts');
  if (!fs.existsSync(tsPath)) throw new Error(`module not found: ${jsPath}`);
  return { file: tsPath, typescript: true };
}

/** A worker thread for CPU work in plain JS (hashing, decoding): shares the process, starts fast. */
export function startWorker(jsUrl: URL, options: WorkerOptions = {}): Worker {
  const { file, typescript } = resolveModule(jsUrl);
  if (!typescript) return new Worker(file, options);
  // Workers do not inherit the test runner's TypeScript loader: register tsx inside the worker first.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * A child process for native code that may crash (onnxruntime): a crash or a kill there ends
 * only that process, never the app. Messages use the structured-clone ("advanced")
 * serialization, so typed arrays cross as they are.
 */
export function forkModule(jsUrl: URL, stderr: 'inherit' | 'pipe' = 'inherit'): ChildProcess {
  const { file, typescript } = resolveModule(jsUrl);
  return fork(file, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', stderr, 'ipc'],
    execArgv: typescript ? ['--import', 'tsx'] : [],
  });
}
