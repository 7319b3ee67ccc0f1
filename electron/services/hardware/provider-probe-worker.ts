/**
 * Runs in a child process (see provider-probe.ts): opens a one-node graph with each execution
 * provider alone and runs it once. Loading a GPU provider can crash native code; here that ends
 * only this process. Sends one message: the providers with whether each worked and why not.
 */
import ort from 'onnxruntime-node';
import { EXECUTION_PROVIDERS } from '../../api/index.js';
import { explainProviderFailure } from '../../../native-engine/execution-providers.js';
import { OnnxGraphBuilder } from '../../../native-engine/pipelines/onnx-graph-builder.js';
import type { ProviderProbe } from './provider-probe.js';

function tinyGraph(): Uint8Array {
  const graph = new OnnxGraphBuilder('provider-probe');
  const x = graph.input('x', 'float', [1, 4]);
  graph.output(graph.op('Add', [x, graph.constant([1, 2, 3, 4], 'float', [1, 4])]), 'y', 'float', [1, 4]);
  return graph.build({ opset: 17 });
}

async function probe(provider: (typeof EXECUTION_PROVIDERS)[number], model: Uint8Array): Promise<ProviderProbe> {
  try {
    const session = await ort.InferenceSession.create(model, { executionProviders: [provider], logSeverityLevel: 4 });
    const out = await session.run({ x: new ort.Tensor('float32', new Float32Array([1, 1, 1, 1]), [1, 4]) });
    await session.release();
    const y = out['y']?.data as Float32Array | undefined;
    // A provider that opens but computes wrong is not usable either.
    if (!y || y[3] !== 5) return { provider, usable: false, reason: `${provider} gave a wrong result` };
    return { provider, usable: true, reason: null };
  } catch (error) {
    return { provider, usable: false, reason: explainProviderFailure(provider, error instanceof Error ? error.message : String(error)) };
  }
}

const model = tinyGraph();
const results: ProviderProbe[] = [];
for (const provider of EXECUTION_PROVIDERS) results.push(await probe(provider, model));
process.send?.({ type: 'providers', results }, () => process.exit(0));
