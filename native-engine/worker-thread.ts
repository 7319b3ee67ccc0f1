import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread from a module next to the caller. Built code runs the compiled .js;
 * tests run from sources, where only the .ts exists, and load it through tsx (a dev dependency).
 */
export function startWorker(jsUrl: URL, options: WorkerOptions = {}): Worker {
  const jsPath = fileURLToPath(jsUrl);
  if (fs.existsSync(jsPath)) return new Worker(jsPath, options);
  const tsPath = jsPath.replace(/\.js$/, '.ts');
  if (!fs.existsSync(tsPath)) throw new Error(`worker module not found: ${jsPath}`);
  // Workers do not inherit the test runner's TypeScript loader: register tsx inside the worker first.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(tsPath).href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
