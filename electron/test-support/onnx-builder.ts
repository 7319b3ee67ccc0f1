/**
 * Writes small ONNX graphs for tests, with the input and output names, types and shapes of
 * the real formats (voice-formats.md), so the store and the engine are tested against real
 * ONNX files run by the real onnxruntime-node. No weights: the graphs compute simple things.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export type TensorType = 'float' | 'int64';
const ELEM: Record<TensorType, number> = { float: onnx.TensorProto.DataType.FLOAT, int64: onnx.TensorProto.DataType.INT64 };

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

function valueInfo(spec: ValueSpec) {
  return onnx.ValueInfoProto.create({
    name: spec.name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType: ELEM[spec.type],
        shape: onnx.TensorShapeProto.create({
          dim: spec.shape.map((d) =>
            typeof d === 'number' ? onnx.TensorShapeProto.Dimension.create({ dimValue: d }) : onnx.TensorShapeProto.Dimension.create({ dimParam: d }),
          ),
        }),
      }),
    }),
  });
}

function attribute(name: string, value: number | number[] | string) {
  const A = onnx.AttributeProto.AttributeType;
  if (typeof value === 'string') return onnx.AttributeProto.create({ name, type: A.STRING, s: new TextEncoder().encode(value) });
  if (Array.isArray(value)) return onnx.AttributeProto.create({ name, type: A.INTS, ints: value });
  return Number.isInteger(value)
    ? onnx.AttributeProto.create({ name, type: A.INT, i: value })
    : onnx.AttributeProto.create({ name, type: A.FLOAT, f: value });
}

function initializer(spec: InitializerSpec) {
  return spec.type === 'float'
    ? onnx.TensorProto.create({ name: spec.name, dataType: ELEM.float, dims: spec.dims, floatData: spec.values })
    : onnx.TensorProto.create({ name: spec.name, dataType: ELEM.int64, dims: spec.dims, int64Data: spec.values });
}

export function buildOnnxModel(spec: GraphSpec): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'voiceops-test-fixtures',
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: spec.opset ?? 17 })],
    graph: onnx.GraphProto.create({
      name: spec.name ?? 'fixture',
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
      initializer: (spec.initializers ?? []).map(initializer),
      node: spec.nodes.map((n, i) =>
        onnx.NodeProto.create({
          name: `${n.op}_${i}`,
          opType: n.op,
          input: n.inputs,
          output: n.outputs,
          attribute: Object.entries(n.attributes ?? {}).map(([k, v]) => attribute(k, v)),
        }),
      ),
    }),
  });
  return onnx.ModelProto.encode(model).finish();
}
