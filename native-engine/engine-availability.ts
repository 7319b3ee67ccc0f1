/**
 * Whether onnxruntime-node loads on this machine and which execution providers its build
 * carries. Loading is lazy: a broken native install must not stop the console from starting;
 * it shows up here as "unavailable" with the reason.
 */
export interface EngineAvailability {
  runtime: 'onnxruntime-node';
  available: boolean;
  version: string | null;
  /** Providers compiled into (bundled) or installable for this build: cpu, webgpu, cuda, ... */
  backends: Array<{ name: string; bundled: boolean }>;
  error: string | null;
}

let probe: Promise<EngineAvailability> | undefined;

async function load(): Promise<EngineAvailability> {
  try {
    const ort = await import('onnxruntime-node');
    const backends = ort.listSupportedBackends().map((b) => ({ name: b.name, bundled: b.bundled }));
    return {
      runtime: 'onnxruntime-node',
      available: true,
      version: ort.env.versions.node ?? ort.env.versions.common ?? null,
      backends,
      error: null,
    };
  } catch (error) {
    return {
      runtime: 'onnxruntime-node',
      available: false,
      version: null,
      backends: [],
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Probes once per process; the answer cannot change without reinstalling. */
export function engineAvailability(): Promise<EngineAvailability> {
  probe ??= load();
  return probe;
}
