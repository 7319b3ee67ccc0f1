/**
 * Reading a graph's signature from an onnxruntime session and comparing it with what a format
 * expects. The messages name the value at fault, so an IT admin who imports a wrong export
 * learns which input is missing or mistyped instead of seeing a runtime error at first use.
 */
import type { InferenceSession } from 'onnxruntime-node';
import type { GraphSignature } from './pipeline.js';

type Value = GraphSignature['inputs'][number];

/** The signature as onnxruntime reports it; non-tensor values (sequences, maps) get type 'non-tensor'. */
export function readGraphSignature(session: InferenceSession): GraphSignature {
  const describe = (meta: InferenceSession.ValueMetadata): Value =>
    meta.isTensor ? { name: meta.name, type: meta.type, shape: [...meta.shape] } : { name: meta.name, type: 'non-tensor', shape: [] };
  return { inputs: session.inputMetadata.map(describe), outputs: session.outputMetadata.map(describe) };
}

/** 'tensor(float)', 'float' and 'float32' are one type; so are 'tensor(int64)' and 'int64'. */
export function normaliseElementType(type: string): string {
  const bare = type.replace(/^tensor\((.*)\)$/, '$1');
  if (bare === 'float') return 'float32';
  if (bare === 'double') return 'float64';
  return bare;
}

export interface ExpectedValue {
  name: string;
  type: 'float32' | 'int64';
  rank: number;
  /** What the value is, for the message: "[1, N] phoneme ids". */
  describe: string;
}

/** One message per mismatch of `value` against `expected`; `where` says "input" or "output". */
export function compareValue(where: 'input' | 'output', value: Value | undefined, expected: ExpectedValue): string[] {
  if (!value) return [`missing ${where} \`${expected.name}\` (${expected.type} ${expected.describe})`];
  const problems: string[] = [];
  const type = normaliseElementType(value.type);
  if (type !== expected.type) problems.push(`${where} \`${expected.name}\` is ${type}, expected ${expected.type} (${expected.describe})`);
  // An empty shape means onnxruntime does not know it (or a scalar); only a known rank can be wrong.
  if (value.shape.length > 0 && value.shape.length !== expected.rank) {
    problems.push(`${where} \`${expected.name}\` has rank ${value.shape.length} [${value.shape.join(', ')}], expected rank ${expected.rank} (${expected.describe})`);
  }
  return problems;
}

export function findValue(values: Value[], name: string): Value | undefined {
  return values.find((v) => v.name === name);
}

/** The fixed size of the last axis, or undefined when it is dynamic or unknown. */
export function fixedLastDim(value: Value): number | undefined {
  const last = value.shape[value.shape.length - 1];
  return typeof last === 'number' && last > 0 ? last : undefined;
}
