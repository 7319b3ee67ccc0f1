/**
 * A small writer of ONNX graphs (protobuf through onnx-proto). The sample pack builds its
 * emotion classifier and its sample voices with it at install time, and the pipeline tests
 * build graphs with the formats' signatures. It lives here because the engine's layer rule
 * lets both the services (sample pack) and the engine's own tests import it; the engine's
 * inference path never loads it.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export type ElementType = 'float' | 'double' | 'int64' | 'bool';
const ELEMENT: Record<ElementType, number> = {
  float: onnx.TensorProto.DataType.FLOAT,
  double: onnx.TensorProto.DataType.DOUBLE,
  int64: onnx.TensorProto.DataType.INT64,
  bool: onnx.TensorProto.DataType.BOOL,
};

/** Numbers are fixed sizes, strings are named dynamic axes. */
export type Shape = Array<number | string>;
export type AttributeValue = number | number[] | string | { floats: number[] };

function valueInfo(name: string, type: ElementType, shape: Shape) {
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType: ELEMENT[type],
        shape: onnx.TensorShapeProto.create({
          dim: shape.map((d) =>
            typeof d === 'number' ? onnx.TensorShapeProto.Dimension.create({ dimValue: d }) : onnx.TensorShapeProto.Dimension.create({ dimParam: d }),
          ),
        }),
      }),
    }),
  });
}

function attribute(name: string, value: AttributeValue) {
  const A = onnx.AttributeProto.AttributeType;
  if (typeof value === 'string') return onnx.AttributeProto.create({ name, type: A.STRING, s: new TextEncoder().encode(value) });
  if (Array.isArray(value)) return onnx.AttributeProto.create({ name, type: A.INTS, ints: value });
  if (typeof value === 'object') return onnx.AttributeProto.create({ name, type: A.FLOATS, floats: value.floats });
  // An integral number is an INT attribute; write 1.0 as { floats: [1] } or 1.0000001 when a FLOAT is meant.
  return Number.isInteger(value)
    ? onnx.AttributeProto.create({ name, type: A.INT, i: value })
    : onnx.AttributeProto.create({ name, type: A.FLOAT, f: value });
}

function tensor(name: string, type: ElementType, dims: number[], values: ArrayLike<number>) {
  const count = dims.reduce((a, b) => a * b, 1);
  if (values.length !== count) throw new Error(`initializer ${name}: ${values.length} values for dims [${dims.join(', ')}]`);
  switch (type) {
    case 'float': {
      // Raw little-endian bytes: compact, and exact for large weight tables.
      const raw = new Float32Array(Array.from(values));
      return onnx.TensorProto.create({ name, dataType: ELEMENT.float, dims, rawData: new Uint8Array(raw.buffer) });
    }
    case 'double':
      return onnx.TensorProto.create({ name, dataType: ELEMENT.double, dims, doubleData: Array.from(values) });
    case 'int64':
      return onnx.TensorProto.create({ name, dataType: ELEMENT.int64, dims, int64Data: Array.from(values) });
    case 'bool':
      return onnx.TensorProto.create({ name, dataType: ELEMENT.bool, dims, int32Data: Array.from(values, (v) => (v ? 1 : 0)) });
  }
}

/**
 * Builds a graph node by node; every `op` returns the name of its (first) output, so graphs
 * read like expressions: `g.op('Mul', [g.op('Sin', [x]), gain])`.
 */
export class OnnxGraphBuilder {
  private readonly inputs: ReturnType<typeof valueInfo>[] = [];
  private readonly outputs: ReturnType<typeof valueInfo>[] = [];
  private readonly nodes: ReturnType<typeof onnx.NodeProto.create>[] = [];
  private readonly initializers: ReturnType<typeof tensor>[] = [];
  private counter = 0;

  constructor(private readonly name = 'graph') {}

  private fresh(hint: string): string {
    this.counter += 1;
    return `${hint}_${this.counter}`;
  }

  input(name: string, type: ElementType, shape: Shape): string {
    this.inputs.push(valueInfo(name, type, shape));
    return name;
  }

  /** Declares `value` as a graph output under `name` (through Identity when the names differ). */
  output(value: string, name: string, type: ElementType, shape: Shape): void {
    if (value !== name) this.nodes.push(onnx.NodeProto.create({ name: this.fresh('Identity'), opType: 'Identity', input: [value], output: [name] }));
    this.outputs.push(valueInfo(name, type, shape));
  }

  /** A constant tensor stored as an initializer; a scalar when dims is []. */
  constant(values: ArrayLike<number>, type: ElementType = 'float', dims: number[] = [values.length], hint = 'const'): string {
    const name = this.fresh(hint);
    this.initializers.push(tensor(name, type, dims, values));
    return name;
  }

  /** An initializer under a name of the caller's choosing (for graphs written as node lists). */
  namedConstant(name: string, values: ArrayLike<number>, type: ElementType, dims: number[]): string {
    this.initializers.push(tensor(name, type, dims, values));
    return name;
  }

  /** A node whose outputs the caller names (for graphs written as node lists). */
  node(opType: string, inputs: string[], outputs: string[], attributes: Record<string, AttributeValue> = {}): void {
    this.nodes.push(
      onnx.NodeProto.create({
        name: this.fresh(opType),
        opType,
        input: inputs,
        output: outputs,
        attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)),
      }),
    );
  }

  scalar(value: number, type: ElementType = 'float'): string {
    return this.constant([value], type, [], 'scalar');
  }

  op(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}, outputCount = 1): string {
    return this.opMany(opType, inputs, attributes, outputCount)[0]!;
  }

  opMany(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}, outputCount = 1): string[] {
    const outputs = Array.from({ length: outputCount }, () => this.fresh(opType.toLowerCase()));
    this.node(opType, inputs, outputs, attributes);
    return outputs;
  }

  build(options: { opset?: number; producer?: string; docString?: string } = {}): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: options.producer ?? 'voiceops',
      docString: options.docString ?? '',
      opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: options.opset ?? 17 })],
      graph: onnx.GraphProto.create({
        name: this.name,
        input: this.inputs,
        output: this.outputs,
        initializer: this.initializers,
        node: this.nodes,
      }),
    });
    return onnx.ModelProto.encode(model).finish();
  }
}
