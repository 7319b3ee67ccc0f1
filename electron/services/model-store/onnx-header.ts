import fs from 'node:fs';

/**
 * Cheap check that a file is an ONNX model (a ModelProto protobuf) without loading it:
 * field 1 (ir_version, varint) comes first in every exporter we know, with a version from 3
 * (ONNX 1.0) to a plausible future 20. The engine later opens the graph and checks its
 * input and output names against the format.
 */
export function checkOnnxHeader(file: string): { ok: true; irVersion: number } | { ok: false; reason: string } {
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 4) return { ok: false, reason: 'file too small to be an ONNX model' };
  if (header[0] !== 0x08) return { ok: false, reason: 'does not start like an ONNX model (no ir_version field)' };
  let value = 0;
  let shift = 0;
  for (let i = 1; i < read && shift < 35; i++) {
    const byte = header[i]!;
    value |= (byte & 0x7f) << shift;
    shift += 7;
    if ((byte & 0x80) === 0) {
      return value >= 3 && value <= 20
        ? { ok: true, irVersion: value }
        : { ok: false, reason: `implausible ONNX ir_version ${value}` };
    }
  }
  return { ok: false, reason: 'unterminated ir_version field' };
}
