/**
 * Writes small ONNX graphs for tests, with the input and output names, types and shapes of
 * the real formats (voice-formats.md), so the store and the engine are tested against real
 * ONNX files run by the real onnxruntime-node. No weights: the graphs compute simple things.
 * Graphs are written as plain lists of inputs, nodes and outputs, built by the engine's own
 * ONNX writer (native-engine/pipelines/onnx-graph-builder.ts).
 */
import { OnnxGraphBuilder } from '../../native-engine/pipelines/onnx-graph-builder.js';

export type TensorType = 'float' | 'int64';

export interface ValueSpec {
  name: string;
  type: TensorType;
  /** Numbers are fixed sizes, strings are named dynamic axes. */
  shape: Array<number | string>;
}

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, number | number[] | string>;
}

export interface InitializerSpec {
  name: string;
  type: TensorType;
  dims: number[];
  values: number[];
}

export interface GraphSpec {
  inputs: ValueSpec[];
  outputs: ValueSpec[];
  nodes: NodeSpec[];
  initializers?: InitializerSpec[];
  opset?: number;
  name?: string;
}

export function buildOnnxModel(spec: GraphSpec): Uint8Array {
  const graph = new OnnxGraphBuilder(spec.name ?? 'fixture');
  for (const input of spec.inputs) graph.input(input.name, input.type, input.shape);
  for (const init of spec.initializers ?? []) graph.namedConstant(init.name, init.values, init.type, init.dims);
  for (const node of spec.nodes) graph.node(node.op, node.inputs, node.outputs, node.attributes ?? {});
  for (const output of spec.outputs) graph.output(output.name, output.name, output.type, output.shape);
  return graph.build({ opset: spec.opset ?? 17, producer: 'voiceops-test-fixtures' });
}
