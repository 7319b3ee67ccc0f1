/**
 * Choosing where a model runs. onnxruntime-node throws when a listed provider's library is
 * missing instead of falling back (`executionProviders: ['cuda', 'cpu']` fails outright), so
 * the engine tries one provider at a time, in the configured order, and keeps the reason each
 * one was not used. A provider that is not installed at all is not tried again.
 */
import { execFileSync } from 'node:child_process';
import ort from 'onnxruntime-node';
import type { ExecutionProvider } from '../electron/api/index.js';

export interface ProviderAttempt {
  provider: ExecutionProvider;
  reason: string;
}

export interface OpenedSession {
  session: ort.InferenceSession;
  provider: ExecutionProvider;
  /** Providers tried before the one used, with why they failed. */
  fallbacks: ProviderAttempt[];
}

export interface SessionSettings {
  order: readonly ExecutionProvider[];
  cpuThreads: number;
  /** False for a throw-away session (the import check): it must not show a provider as "in use". */
  serving?: boolean;
}

let nvidiaGpu: boolean | undefined;

function hasNvidiaGpu(): boolean {
  if (nvidiaGpu === undefined) {
    try {
      execFileSync('nvidia-smi', ['-L'], { stdio: 'pipe', timeout: 5000 });
      nvidiaGpu = true;
    } catch {
      nvidiaGpu = false;
    }
  }
  return nvidiaGpu;
}

/** Turns onnxruntime's long messages into the reason a person can act on. */
export function explainProviderFailure(provider: ExecutionProvider, message: string, platform = process.platform): string {
  if (provider === 'cuda') {
    if (/shared library|providers_cuda|providers_shared/i.test(message)) {
      return hasNvidiaGpu()
        ? 'CUDA execution provider not installed (reinstall onnxruntime-node with ONNXRUNTIME_NODE_INSTALL=cuda12)'
        : 'CUDA execution provider not installed; no NVIDIA GPU';
    }
    return `CUDA failed: ${message.split('\n')[0]}`;
  }
  if (provider === 'webgpu' && /adapter/i.test(message)) return 'Failed to get a WebGPU adapter (no Vulkan/D3D12 GPU available)';
  if (provider === 'dml') return platform === 'win32' ? `DirectML failed: ${message.split('\n')[0]}` : 'DirectML exists only on Windows';
  return `${provider} failed: ${message.split('\n')[0]}`;
}

/** Failures that will not change until the machine changes: such providers are skipped from then on. */
function isPermanent(reason: string): boolean {
  return /not installed|only on Windows|no .*GPU|adapter/i.test(reason);
}

export class ProviderSelector {
  private readonly unavailable = new Map<ExecutionProvider, string>();
  private readonly used = new Set<ExecutionProvider>();

  async open(model: string | Uint8Array, settings: SessionSettings): Promise<OpenedSession> {
    const fallbacks: ProviderAttempt[] = [];
    const order = settings.order.includes('cpu') ? settings.order : [...settings.order, 'cpu' as const];
    let lastError: unknown;
    for (const provider of order) {
      const known = this.unavailable.get(provider);
      if (known) {
        fallbacks.push({ provider, reason: known });
        continue;
      }
      try {
        const options: ort.InferenceSession.SessionOptions = {
          executionProviders: [provider],
          intraOpNumThreads: settings.cpuThreads,
          graphOptimizationLevel: 'all',
          // A missing GPU library is expected and explained in our own words; keep
          // onnxruntime's native error print for the CPU, where a failure is a real problem.
          ...(provider === 'cpu' ? {} : { logSeverityLevel: 4 as const }),
        };
        const session = typeof model === 'string' ? await ort.InferenceSession.create(model, options) : await ort.InferenceSession.create(model, options);
        if (settings.serving !== false) this.used.add(provider);
        return { session, provider, fallbacks };
      } catch (error) {
        lastError = error;
        const reason = explainProviderFailure(provider, error instanceof Error ? error.message : String(error));
        if (provider !== 'cpu' && isPermanent(reason)) this.unavailable.set(provider, reason);
        fallbacks.push({ provider, reason });
        // A graph that even the CPU cannot open is broken, not a provider problem.
        if (provider === 'cpu') break;
      }
    }
    throw lastError instanceof Error ? lastError : new Error('no execution provider could open the model');
  }

  /** What each provider's state is, for `engine status`. */
  report(order: readonly ExecutionProvider[]): Array<{ provider: ExecutionProvider; state: 'in use' | 'unavailable' | 'not tried yet'; reason: string | null }> {
    return order.map((provider) => {
      if (this.used.has(provider)) return { provider, state: 'in use' as const, reason: null };
      const reason = this.unavailable.get(provider);
      return reason ? { provider, state: 'unavailable' as const, reason } : { provider, state: 'not tried yet' as const, reason: null };
    });
  }
}
