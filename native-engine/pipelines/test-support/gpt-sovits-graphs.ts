/**
 * Stub GPT-SoVITS v2 graphs with the exact input and output names, element types and ranks of
 * the upstream export (and of the variants we recognise), computing simple things so a test can
 * see what the decode loop did:
 * - the encoder's `x` is the phoneme ids (ref + text) broadcast to [1, L, dims]; `prompts` has one
 *   token per two SSL frames (as the real one has about Ts / 2);
 * - the first-step decoder starts caches of length L; the step decoder grows them by one per
 *   step and, from step `eosAt` on, puts a large logit on EOS (1024); in "graph" sampling the
 *   graph's own token is argmax(logits), in "host" sampling it outputs logits only;
 * - the logits before EOS are a fixed spread-out table, so host sampling with different seeds
 *   picks different tokens;
 * - vits tiles each semantic token x 1280 samples (value (token + 1) / 2048);
 * - SSL turns 16 kHz audio into [1, 768, N / 320] frames;
 * - the optional BERT graph's row for token id v is v + j / 2048 in column j (stubBertRow), so a
 *   test can read back which token each feature row came from.
 * `layers` and `dims` size the caches: the benchmark uses the real 24 x 512.
 */
import fs from 'node:fs';
import path from 'node:path';
import wavefile from 'wavefile';
import { OnnxGraphBuilder, type ElementType } from '../onnx-graph-builder.js';

export const STUB_EOS = 1024;
export const STUB_VOCAB = 1025;
export const SAMPLES_PER_TOKEN = 1280;

export interface StubDecoderOptions {
  layers?: number;
  dims?: number;
  /** Step (1-based, counted in step-decoder runs) from which EOS wins the logits. */
  eosAt?: number;
  sampling?: 'graph' | 'host';
  caches?: 'stacked' | 'per-layer';
}

export interface StubGraphs {
  encoder: Uint8Array;
  firstStep: Uint8Array;
  step: Uint8Array;
  vits: Uint8Array;
  ssl: Uint8Array;
}

/** "To the end" for Slice; JS numbers cannot hold int64 max exactly, and any length is far below this. */
const INT64_MAX = 2 ** 40;

/** A fixed, spread-out logits row: token t gets sin(t * 12.9898) * 3, EOS gets -20. */
export function stubBaseLogits(): number[] {
  return Array.from({ length: STUB_VOCAB }, (_, t) => (t === STUB_EOS ? -20 : Math.sin(t * 12.9898) * 3));
}

function lastAlong(g: OnnxGraphBuilder, value: string, axis: number): string {
  return g.op('Slice', [value, g.constant([-1], 'int64'), g.constant([INT64_MAX], 'int64'), g.constant([axis], 'int64')]);
}

/** Appends the last entry along `axis` once more: a cache "one longer", as a real step makes it. */
function grow(g: OnnxGraphBuilder, value: string, axis: number): string {
  return g.op('Concat', [value, lastAlong(g, value, axis)], { axis });
}

function dimOf(g: OnnxGraphBuilder, value: string, axis: number): string {
  return g.op('Gather', [g.op('Shape', [value]), g.constant([axis], 'int64', [])], { axis: 0 });
}

export function stubEncoder(dims = 8): Uint8Array {
  const g = new OnnxGraphBuilder('t2s_encoder');
  const ref = g.input('ref_seq', 'int64', [1, 'Lr']);
  const text = g.input('text_seq', 'int64', [1, 'Lt']);
  const refBert = g.input('ref_bert', 'float', ['Lr', 1024]);
  const textBert = g.input('text_bert', 'float', ['Lt', 1024]);
  const ssl = g.input('ssl_content', 'float', [1, 768, 'Ts']);
  const ids = g.op('Cast', [g.op('Concat', [ref, text], { axis: 1 })], { to: 1 });
  // The BERT features only join through a zero factor: their shapes are still checked by onnxruntime.
  const bertZero = g.op('Mul', [g.op('ReduceSum', [g.op('Concat', [refBert, textBert], { axis: 0 })], { keepdims: 0 }), g.scalar(0)]);
  const column = g.op('Add', [g.op('Unsqueeze', [ids, g.constant([2], 'int64')]), bertZero]);
  g.output(g.op('Mul', [column, g.constant(new Array(dims).fill(1), 'float', [1, 1, dims])]), 'x', 'float', [1, 'L', dims]);
  const everyOther = g.op('Slice', [ssl, g.constant([0, 0], 'int64'), g.constant([1, INT64_MAX], 'int64'), g.constant([1, 2], 'int64'), g.constant([1, 2], 'int64')]);
  const zeros = g.op('Mul', [g.op('Squeeze', [everyOther, g.constant([1], 'int64')]), g.scalar(0)]);
  g.output(g.op('Cast', [zeros], { to: 7 }), 'prompts', 'int64', [1, 'P']);
  return g.build({ producer: 'voiceops-test' });
}

interface CacheNames {
  firstOut: (kind: 'k' | 'v', layer: number) => string;
  stepIn: (kind: 'k' | 'v', layer: number) => string;
  stepOut: (kind: 'k' | 'v', layer: number) => string;
}

const STACKED: CacheNames = { firstOut: (k) => k, stepIn: (k) => `i${k}`, stepOut: (k) => k };
const PER_LAYER: CacheNames = {
  firstOut: (k, i) => `present_${k}_layer_${i}`,
  stepIn: (k, i) => `past_${k}_layer_${i}`,
  stepOut: (k, i) => `present_${k}_layer_${i}`,
};

export function stubFirstStepDecoder(options: StubDecoderOptions = {}): Uint8Array {
  const { layers = 2, dims = 8, sampling = 'graph', caches = 'stacked' } = options;
  const g = new OnnxGraphBuilder('t2s_fsdec');
  const x = g.input('x', 'float', [1, 'L', dims]);
  const prompts = g.input('prompts', 'int64', [1, 'P']);
  // [1, L, dims] -> [L, 1, dims]: one cache row per position of x.
  const rows = g.op('Transpose', [x], { perm: [1, 0, 2] });
  if (caches === 'stacked') {
    const stacked = g.op('Tile', [g.op('Unsqueeze', [rows, g.constant([0], 'int64')]), g.constant([layers, 1, 1, 1], 'int64')]);
    for (const kind of ['k', 'v'] as const) g.output(stacked, STACKED.firstOut(kind, 0), 'float', [layers, 'L', 1, dims]);
  } else {
    for (let i = 0; i < layers; i++) for (const kind of ['k', 'v'] as const) g.output(rows, PER_LAYER.firstOut(kind, i), 'float', ['L', 1, dims]);
  }
  const promptFloats = g.op('Cast', [prompts], { to: 1 });
  g.output(g.op('Mul', [g.op('Unsqueeze', [promptFloats, g.constant([2], 'int64')]), g.constant(new Array(dims).fill(1), 'float', [1, 1, dims])]), 'y_emb', 'float', [1, 'P', dims]);
  g.output(g.op('Mul', [g.op('ReduceSum', [x, g.constant([2], 'int64')], { keepdims: 0 }), g.scalar(0)]), 'x_example', 'float', [1, 'L']);
  const logits = g.constant(stubBaseLogits(), 'float', [1, STUB_VOCAB], 'base_logits');
  if (sampling === 'graph') {
    const token = g.op('ArgMax', [logits], { axis: 1, keepdims: 1 });
    g.output(g.op('Concat', [prompts, token], { axis: 1 }), 'y', 'int64', [1, 'Y']);
  } else {
    g.output(g.op('Identity', [logits]), 'logits', 'float', [1, STUB_VOCAB]);
  }
  return g.build({ producer: 'voiceops-test' });
}

export function stubStepDecoder(options: StubDecoderOptions = {}): Uint8Array {
  const { layers = 2, dims = 8, eosAt = 4, sampling = 'graph', caches = 'stacked' } = options;
  const g = new OnnxGraphBuilder('t2s_sdec');
  const names = caches === 'stacked' ? STACKED : PER_LAYER;
  const y = g.input('iy', 'int64', [1, 'Y']);
  const cacheAxis = caches === 'stacked' ? 1 : 0;
  const cacheShape = caches === 'stacked' ? [layers, 'C', 1, dims] : ['C', 1, dims];
  const cacheIns: Array<{ kind: 'k' | 'v'; layer: number; name: string }> = [];
  const count = caches === 'stacked' ? 1 : layers;
  for (let i = 0; i < count; i++) {
    for (const kind of ['k', 'v'] as const) cacheIns.push({ kind, layer: i, name: g.input(names.stepIn(kind, i), 'float', cacheShape) });
  }
  const yEmb = g.input('iy_emb', 'float', [1, 'Y', dims]);
  const xExample = g.input('ix_example', 'float', [1, 'L']);
  const grown = cacheIns.map((c) => ({ ...c, value: grow(g, c.name, cacheAxis) }));
  for (const c of grown) g.output(c.value, names.stepOut(c.kind, c.layer), 'float', cacheShape.map((d) => (d === 'C' ? 'C1' : d)));
  g.output(grow(g, yEmb, 1), 'y_emb', 'float', [1, 'Y1', dims]);
  // Step number = cache length after this step - length of x (the first-step decoder's caches).
  const step = g.op('Sub', [dimOf(g, grown[0]!.value, cacheAxis), dimOf(g, xExample, 1)]);
  const eosNow = g.op('Cast', [g.op('GreaterOrEqual', [step, g.constant([eosAt], 'int64', [])])], { to: 1 });
  const eosRow = g.constant(Array.from({ length: STUB_VOCAB }, (_, t) => (t === STUB_EOS ? 100 : 0)), 'float', [1, STUB_VOCAB], 'eos_row');
  const logits = g.op('Add', [g.constant(stubBaseLogits(), 'float', [1, STUB_VOCAB], 'base_logits'), g.op('Mul', [eosRow, eosNow])]);
  g.output(logits, 'logits', 'float', [1, STUB_VOCAB]);
  if (sampling === 'graph') {
    const token = g.op('ArgMax', [logits], { axis: 1, keepdims: 1 });
    g.output(token, 'samples', 'int64', [1, 1]);
    g.output(g.op('Concat', [y, token], { axis: 1 }), 'y', 'int64', [1, 'Y1']);
  }
  return g.build({ producer: 'voiceops-test' });
}

export function stubVits(): Uint8Array {
  const g = new OnnxGraphBuilder('vits');
  const text = g.input('text_seq', 'int64', [1, 'Lt']);
  const semantic = g.input('pred_semantic', 'int64', [1, 1, 'Tp']);
  const ref = g.input('ref_audio', 'float', [1, 'N']);
  const zero = g.op('Mul', [g.op('Add', [g.op('ReduceSum', [ref], { keepdims: 0 }), g.op('Cast', [g.op('ReduceSum', [text], { keepdims: 0 })], { to: 1 })]), g.scalar(0)]);
  const tokens = g.op('Reshape', [g.op('Cast', [semantic], { to: 1 }), g.constant([-1, 1], 'int64')]);
  const tiled = g.op('Tile', [tokens, g.constant([1, SAMPLES_PER_TOKEN], 'int64')]);
  const level = g.op('Div', [g.op('Add', [tiled, g.scalar(1)]), g.scalar(2048)]);
  g.output(g.op('Add', [g.op('Reshape', [level, g.constant([-1], 'int64')]), zero]), 'audio', 'float', ['S']);
  return g.build({ producer: 'voiceops-test' });
}

/** chinese-hubert's shape: [1, N] at 16 kHz -> [1, 768, N / 320]; each frame is the mean of its 320 samples. */
export function stubSsl(inputName = 'input_values'): Uint8Array {
  const g = new OnnxGraphBuilder('ssl');
  const audio = g.input(inputName, 'float', [1, 'N']);
  const frames = g.op('Div', [dimOf(g, audio, 1), g.constant([320], 'int64', [])]);
  const usable = g.op('Mul', [frames, g.constant([320], 'int64', [])]);
  const cut = g.op('Slice', [audio, g.constant([0], 'int64'), g.op('Unsqueeze', [usable, g.constant([0], 'int64')]), g.constant([1], 'int64')]);
  const byFrame = g.op('Reshape', [cut, g.constant([1, -1, 320], 'int64')]);
  const means = g.op('ReduceMean', [byFrame], { axes: [2], keepdims: 1 });
  const wide = g.op('Mul', [means, g.constant(new Array(768).fill(1), 'float', [1, 1, 768])]);
  g.output(g.op('Transpose', [wide], { perm: [0, 2, 1] }), 'last_hidden_state', 'float', [1, 768, 'T']);
  return g.build({ producer: 'voiceops-test' });
}

/** The stub BERT graph's feature row for token id `id`. */
export function stubBertRow(id: number): Float32Array {
  return Float32Array.from({ length: 1024 }, (_, j) => id + j / 2048);
}

export interface StubBertOptions {
  /** Optional inputs the graph takes besides input_ids (the real export takes both). */
  extraInputs?: Array<'attention_mask' | 'token_type_ids'>;
  /** The feature output's shape: [1, T, 1024] (default) or [T, 1024]. */
  rank?: 2 | 3;
}

/** A BERT graph of our contract: input_ids [1, T] -> `hidden_states` = an embedding lookup. */
export function stubBert(vocabSize: number, options: StubBertOptions = {}): Uint8Array {
  const { extraInputs = ['attention_mask', 'token_type_ids'], rank = 3 } = options;
  const g = new OnnxGraphBuilder('bert');
  const ids = g.input('input_ids', 'int64', [1, 'T']);
  const table = new Float32Array(vocabSize * 1024);
  for (let v = 0; v < vocabSize; v++) table.set(stubBertRow(v), v * 1024);
  let rows = g.op('Gather', [g.constant(table, 'float', [vocabSize, 1024], 'embeddings'), ids], { axis: 0 });
  // The extra inputs join through a zero factor, so onnxruntime keeps them and checks their shapes.
  for (const name of extraInputs) {
    const value = g.input(name, 'int64', [1, 'T']);
    rows = g.op('Add', [rows, g.op('Mul', [g.op('Cast', [g.op('ReduceSum', [value], { keepdims: 0 })], { to: 1 }), g.scalar(0)])]);
  }
  if (rank === 2) rows = g.op('Squeeze', [rows, g.constant([0], 'int64')]);
  g.output(rows, 'hidden_states', 'float', rank === 3 ? [1, 'T', 1024] : ['T', 1024]);
  return g.build({ producer: 'voiceops-test' });
}

/** ids 0..103 as in chinese-roberta's vocab.txt ([PAD], [unused1..99], [UNK]=100, [CLS]=101, [SEP]=102, [MASK]), then `tokens`. */
export function stubBertVocabLines(tokens: string[]): string[] {
  return ['[PAD]', ...Array.from({ length: 99 }, (_, i) => `[unused${i + 1}]`), '[UNK]', '[CLS]', '[SEP]', '[MASK]', ...tokens];
}

/** The characters of the test texts (simplified, as the front end normalises them) and marks. */
export const STUB_BERT_TOKENS = Array.from('.,!?-…您好很高兴为服务今天气请稍候谢');

export function stubGraphs(options: StubDecoderOptions = {}): StubGraphs {
  return {
    encoder: stubEncoder(options.dims),
    firstStep: stubFirstStepDecoder(options),
    step: stubStepDecoder(options),
    vits: stubVits(),
    ssl: stubSsl(),
  };
}

/** A graph with one input and one output of the given names and types: the "wrong graph" of import tests. */
export function unrelatedGraph(input = 'input', output = 'output', type: ElementType = 'float'): Uint8Array {
  const g = new OnnxGraphBuilder('unrelated');
  g.output(g.op('Identity', [g.input(input, type, [1, 'N'])]), output, type, [1, 'N']);
  return g.build({ producer: 'voiceops-test' });
}

/** A mono 16-bit WAV tone: the reference clip of a stub voice. */
export function toneWavBytes(seconds: number, sampleRate = 32000, amplitude = 0.5): Uint8Array {
  const frames = Math.round(seconds * sampleRate);
  const wav = new wavefile.WaveFile();
  wav.fromScratch(1, sampleRate, '16', Int16Array.from({ length: frames }, (_, i) => Math.round(32767 * amplitude * Math.sin((2 * Math.PI * 200 * i) / sampleRate))));
  return wav.toBuffer();
}

/** Files of a stub export in a folder, by role: the layout the pipeline tests open. */
export const STUB_FILES: Record<string, string> = {
  'voice_t2s_encoder.onnx': 't2s-encoder',
  'voice_t2s_fsdec.onnx': 't2s-fsdec',
  'voice_t2s_sdec.onnx': 't2s-sdec',
  'voice_vits.onnx': 'vits',
  'chinese-hubert-base.onnx': 'ssl',
  'ref.wav': 'reference-audio',
  'chinese-roberta-wwm-ext-large_bert.onnx': 'bert',
  'vocab.txt': 'bert-vocab',
};

/** Adds the BERT graph and its vocab.txt to a stub export (roles `bert`, `bert-vocab`). */
export function writeStubBert(dir: string, options: StubBertOptions & { tokens?: string[]; vocab?: boolean } = {}): void {
  const lines = stubBertVocabLines(options.tokens ?? STUB_BERT_TOKENS);
  fs.writeFileSync(path.join(dir, 'chinese-roberta-wwm-ext-large_bert.onnx'), stubBert(lines.length, options));
  if (options.vocab !== false) fs.writeFileSync(path.join(dir, 'vocab.txt'), lines.join('\n') + '\n');
}

export function writeStubExport(dir: string, options: StubDecoderOptions = {}, clipSeconds = 4): void {
  const graphs = stubGraphs(options);
  fs.writeFileSync(path.join(dir, 'voice_t2s_encoder.onnx'), graphs.encoder);
  fs.writeFileSync(path.join(dir, 'voice_t2s_fsdec.onnx'), graphs.firstStep);
  fs.writeFileSync(path.join(dir, 'voice_t2s_sdec.onnx'), graphs.step);
  fs.writeFileSync(path.join(dir, 'voice_vits.onnx'), graphs.vits);
  fs.writeFileSync(path.join(dir, 'chinese-hubert-base.onnx'), graphs.ssl);
  fs.writeFileSync(path.join(dir, 'ref.wav'), toneWavBytes(clipSeconds));
}
