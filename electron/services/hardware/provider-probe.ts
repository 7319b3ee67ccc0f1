import { forkModule } from '../../../native-engine/launch-module.js';

export interface ProviderProbe {
  provider: string;
  usable: boolean;
  reason: string | null;
}

/** Long enough for a CUDA provider to load its libraries on a cold start. */
const PROBE_TIMEOUT_MS = 60_000;

/**
 * Which onnxruntime execution providers actually run a model here: what the build lists is not
 * enough (the CUDA provider is listed and then fails without its libraries or a GPU). Done in a
 * child process, the engine's own rule for native code that may crash. Never throws: a probe
 * that dies reports every provider unusable with the reason.
 */
export function probeExecutionProviders(timeoutMs = PROBE_TIMEOUT_MS): Promise<ProviderProbe[]> {
  return new Promise((resolve) => {
    let settled = false;
    const child = forkModule(new URL('./provider-probe-worker.js', import.meta.url), 'pipe');
    // onnxruntime prints its own probing noise; only the last words matter if the probe dies.
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    const finish = (results: ProviderProbe[]): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill();
      resolve(results);
    };
    const failed = (why: string): void => finish([{ provider: 'cpu', usable: false, reason: why }]);
    const timer = setTimeout(() => failed(`the provider probe did not finish within ${timeoutMs / 1000} s`), timeoutMs);
    child.on('message', (message: { type?: string; results?: ProviderProbe[] }) => {
      if (message.type === 'providers' && Array.isArray(message.results)) finish(message.results);
    });
    child.on('error', (error) => failed(`the provider probe could not start: ${error.message}`));
    child.on('exit', (code, signal) => {
      const last = stderr.trim().split('\n').at(-1) ?? '';
      failed(`the provider probe stopped (${signal ?? `exit ${code}`})${last ? `: ${last}` : ''}`);
    });
  });
}
