/**
 * Import folders in the real layouts of each format, with small real ONNX graphs (see
 * onnx-builder.ts) and generated audio. Used by unit, integration and end-to-end tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildOnnxModel, type GraphSpec } from './onnx-builder.js';
import { writeToneWav } from './wav.js';
import { stubGraphs, writeStubBert, type StubDecoderOptions } from '../../native-engine/pipelines/test-support/gpt-sovits-graphs.js';

/** Piper's contract: input int64 [1,N], input_lengths [1], scales [3] -> output [1,1,1,T]. */
const PIPER_INPUTS: GraphSpec['inputs'] = [
  { name: 'input', type: 'int64', shape: [1, 'phonemes'] },
  { name: 'input_lengths', type: 'int64', shape: [1] },
  { name: 'scales', type: 'float', shape: [3] },
];
const PIPER_OUTPUTS: GraphSpec['outputs'] = [{ name: 'output', type: 'float', shape: [1, 1, 1, 'samples'] }];

export function piperGraph(gain = 1): GraphSpec {
  return {
    inputs: PIPER_INPUTS,
    outputs: PIPER_OUTPUTS,
    initializers: [
      { name: 'length_index', type: 'int64', dims: [], values: [1] },
      { name: 'gain', type: 'float', dims: [], values: [gain] },
      { name: 'out_shape', type: 'int64', dims: [4], values: [1, 1, 1, -1] },
    ],
    nodes: [
      { op: 'Cast', inputs: ['input'], outputs: ['ids'], attributes: { to: 1 } },
      { op: 'Gather', inputs: ['scales', 'length_index'], outputs: ['length_scale'], attributes: { axis: 0 } },
      { op: 'Mul', inputs: ['ids', 'length_scale'], outputs: ['scaled'] },
      { op: 'Mul', inputs: ['scaled', 'gain'], outputs: ['loud'] },
      { op: 'Reshape', inputs: ['loud', 'out_shape'], outputs: ['output'] },
    ],
  };
}

/** A graph with the given float inputs and outputs, each output the first input passed through. */
function passThrough(inputs: GraphSpec['inputs'], outputs: string[]): GraphSpec {
  const first = inputs[0]!;
  return {
    inputs,
    outputs: outputs.map((name) => ({ name, type: first.type, shape: first.shape })),
    nodes: outputs.map((name) => ({ op: 'Identity', inputs: [first.name], outputs: [name] })),
  };
}

export function writeOnnx(file: string, spec: GraphSpec): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buildOnnxModel(spec));
}

export function writePiperVoice(
  dir: string,
  name = 'voice',
  options: { gain?: number; sampleRate?: number; metadata?: object; phonemeType?: 'espeak' | 'text' } = {},
): string {
  fs.mkdirSync(dir, { recursive: true });
  writeOnnx(path.join(dir, `${name}.onnx`), piperGraph(options.gain));
  const config = {
    audio: { sample_rate: options.sampleRate ?? 22050, quality: 'low' },
    espeak: { voice: 'en-us' },
    language: { code: 'en_US' },
    inference: { noise_scale: 0.667, length_scale: 1, noise_w: 0.8 },
    phoneme_type: options.phonemeType ?? 'espeak',
    phoneme_map: {},
    phoneme_id_map: { _: [0], '^': [1], $: [2], ' ': [3], a: [14], b: [15] },
    num_symbols: 256,
    num_speakers: 1,
    speaker_id_map: {},
    piper_version: '1.0.0',
  };
  fs.writeFileSync(path.join(dir, `${name}.onnx.json`), JSON.stringify(config, null, 2));
  if (options.metadata) fs.writeFileSync(path.join(dir, 'voiceops.json'), JSON.stringify(options.metadata));
  return dir;
}

/**
 * The upstream GPT-SoVITS export layout: four graphs with upstream's exact signatures (stub
 * computations, see native-engine/pipelines/test-support/gpt-sovits-graphs.ts), the SSL graph,
 * reference clips with their texts. `decoder` picks a variant layout or when EOS comes;
 * `extras.bert` adds the optional BERT graph with its vocab.txt ('without vocab': the graph alone).
 */
export function writeGptSovitsVoice(
  dir: string,
  name = 'voice',
  clips: Array<{ seconds: number; text?: string; amplitude?: number }> = [{ seconds: 5, text: '您好，很高興為您服務。' }],
  decoder: StubDecoderOptions = {},
  extras: { bert?: boolean | 'without vocab' } = {},
): string {
  fs.mkdirSync(dir, { recursive: true });
  const graphs = stubGraphs(decoder);
  fs.writeFileSync(path.join(dir, `${name}_t2s_encoder.onnx`), graphs.encoder);
  fs.writeFileSync(path.join(dir, `${name}_t2s_fsdec.onnx`), graphs.firstStep);
  fs.writeFileSync(path.join(dir, `${name}_t2s_sdec.onnx`), graphs.step);
  fs.writeFileSync(path.join(dir, `${name}_vits.onnx`), graphs.vits);
  fs.writeFileSync(path.join(dir, 'chinese-hubert-base.onnx'), graphs.ssl);
  if (extras.bert) writeStubBert(dir, { vocab: extras.bert !== 'without vocab' });
  clips.forEach((clip, i) => {
    const base = path.join(dir, 'ref', `clip${String(i + 1).padStart(2, '0')}`);
    fs.mkdirSync(path.dirname(base), { recursive: true });
    writeToneWav(`${base}.wav`, { seconds: clip.seconds, amplitude: clip.amplitude ?? 0.5, frequency: 180 + i * 20 });
    if (clip.text) fs.writeFileSync(`${base}.txt`, clip.text);
  });
  return dir;
}

/** A text emotion classifier: features in, probabilities out, with its labels. */
export function writeEmotionModel(dir: string, labels = ['neutral', 'satisfied', 'frustrated', 'angry']): string {
  fs.mkdirSync(dir, { recursive: true });
  writeOnnx(path.join(dir, 'model.onnx'), {
    inputs: [{ name: 'features', type: 'float', shape: [1, labels.length] }],
    outputs: [{ name: 'probabilities', type: 'float', shape: [1, labels.length] }],
    nodes: [{ op: 'Softmax', inputs: ['features'], outputs: ['probabilities'], attributes: { axis: 1 } }],
  });
  fs.writeFileSync(path.join(dir, 'labels.json'), JSON.stringify(labels));
  return dir;
}

/** Pretrained base files: shared by every voice, so they must be stored once. */
export function writePretrained(dir: string, bytes = 64 * 1024): string {
  fs.mkdirSync(dir, { recursive: true });
  writeOnnx(path.join(dir, 'chinese-hubert-base.onnx'), passThrough([{ name: 'input_values', type: 'float', shape: [1, 'N'] }], ['last_hidden_state']));
  fs.writeFileSync(path.join(dir, 's1v2-base.ckpt'), Buffer.alloc(bytes, 7));
  return dir;
}

/**
 * A Piper-signature graph that does real work on every call: a 3000 x 3000 matrix filled from
 * the input (so nothing can be folded away) multiplied by itself, about 54 GFLOP. For queue,
 * timeout, cancellation and crash tests, and as the "about 20 ms of work" graph of the
 * engine benchmark when `size` is smaller.
 */
export function slowPiperGraph(size = 3000): GraphSpec {
  return {
    inputs: PIPER_INPUTS,
    outputs: PIPER_OUTPUTS,
    initializers: [
      { name: 'out_shape', type: 'int64', dims: [4], values: [1, 1, 1, -1] },
      { name: 'work_shape', type: 'int64', dims: [2], values: [size, size] },
      { name: 'tiny', type: 'float', dims: [], values: [1e-9] },
    ],
    nodes: [
      { op: 'Cast', inputs: ['input'], outputs: ['row'], attributes: { to: 1 } },
      { op: 'ReduceSum', inputs: ['row'], outputs: ['total'], attributes: { keepdims: 0 } },
      { op: 'Expand', inputs: ['total', 'work_shape'], outputs: ['work'] },
      { op: 'MatMul', inputs: ['work', 'work'], outputs: ['product'] },
      { op: 'ReduceMean', inputs: ['product'], outputs: ['level'], attributes: { keepdims: 0 } },
      { op: 'Mul', inputs: ['level', 'tiny'], outputs: ['gain'] },
      { op: 'Mul', inputs: ['row', 'gain'], outputs: ['quiet'] },
      { op: 'Reshape', inputs: ['quiet', 'out_shape'], outputs: ['output'] },
    ],
  };
}

export function writeSlowPiperVoice(dir: string, name = 'slow'): string {
  writePiperVoice(dir, name, { phonemeType: 'text' });
  writeOnnx(path.join(dir, `${name}.onnx`), slowPiperGraph());
  return dir;
}
