/**
 * The sample voices' ONNX graph: Piper's exact contract (input int64 [1, N], input_lengths
 * int64 [1], scales float32 [3], optional sid int64 [1] -> output float32 [1, 1, 1, T]), and
 * the sound is computed by the graph from those inputs with standard opset-17 operators. It is
 * a tiny formant synthesiser, not a trained model:
 *
 * 1. ids -> per-symbol durations (dropping the pad), scaled by length_scale and jittered by
 *    noise_w; each id becomes a segment of that many samples (Range/Less/Compress expand the
 *    segments to one segment index per sample, the ONNX way to "repeat-interleave").
 * 2. Every articulation parameter (loudness, voicing, three formants, hiss, breath, pitch) is
 *    interpolated with a smoothstep between neighbouring segments' centres, so sounds glide
 *    into each other instead of clicking.
 * 3. A pitch contour (speaker f0, tone/question offsets, declination over the utterance,
 *    vibrato scaled by noise_scale) is integrated in float64 (CumSum, Mod 1) into a phase;
 *    harmonics 1..H of that phase are weighted by three resonances at the formants and a
 *    spectral tilt (the timbre), and harmonics above 0.45 x the sample rate are muted.
 * 4. Deterministic noise (two prime-length tables, so it never audibly repeats) is split by a
 *    short low-pass Conv into breath (low band) and hiss (high band) for unvoiced sounds.
 */
import { OnnxGraphBuilder } from '../../../native-engine/pipelines/onnx-graph-builder.js';
import type { SymbolSound } from './sample-voice-symbols.js';

export interface SampleVoiceParams {
  sampleRate: number;
  /** Speaking pitch in Hz. */
  f0: number;
  /** Multiplies every formant: above 1 is a smaller, brighter vocal tract. */
  formantScale: number;
  /** Multiplies every duration: above 1 is slower. */
  pace: number;
  /** Spectral tilt exponent: harmonic h is weighted h^-tilt; higher is darker. */
  tilt: number;
  /** Low-band noise mixed into voiced sound (a breathy voice). */
  breathiness: number;
  vibratoHz: number;
  /** Vibrato depth (relative) at noise_scale 1. */
  vibratoDepth: number;
  /** Relative pitch fall from the start to the end of a sentence. */
  declination: number;
  harmonics: number;
  /** Several speakers in one graph (then the graph has a `sid` input): pitch and formant multipliers. */
  speakers?: Array<{ pitch: number; formant: number }>;
}

const NOISE_A = 4093;
const NOISE_B = 4099;
const LOWPASS_TAPS = 9;

/** A deterministic pseudo-random table (mulberry32), so every install builds the same bytes. */
function noiseTable(length: number, seed: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  });
}

function hannLowpass(taps: number): number[] {
  const w = Array.from({ length: taps }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 1)) / (taps + 1)));
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / sum);
}

export function buildSampleVoiceGraph(params: SampleVoiceParams, sounds: SymbolSound[]): Uint8Array {
  const g = new OnnxGraphBuilder('voiceops_sample_voice');
  const i64 = (values: number[]) => g.constant(values, 'int64');
  const f = (value: number) => g.scalar(value);
  const i64s = (value: number) => g.scalar(value, 'int64');
  const op = g.op.bind(g);
  const sr = params.sampleRate;

  const input = g.input('input', 'int64', [1, 'phonemes']);
  const lengths = g.input('input_lengths', 'int64', [1]);
  const scales = g.input('scales', 'float', [3]);
  const sid = params.speakers ? g.input('sid', 'int64', [1]) : undefined;
  const noiseScale = op('Gather', [scales, i64s(0)], { axis: 0 });
  const lengthScale = op('Gather', [scales, i64s(1)], { axis: 0 });
  const noiseW = op('Gather', [scales, i64s(2)], { axis: 0 });

  // 1. Segments: the first input_lengths ids, without the ones that last 0 s (the pad).
  const allIds = op('Slice', [op('Reshape', [input, i64([-1])]), i64([0]), lengths, i64([0])]);
  const durTable = g.constant(sounds.map((s) => s.dur * params.pace));
  const ids = op('Compress', [allIds, op('Greater', [op('Gather', [durTable, allIds], { axis: 0 }), f(0)])], { axis: 0 });
  const count = op('Squeeze', [op('Shape', [ids]), i64([0])]);
  const segIndex = op('Range', [i64s(0), count, i64s(1)]);
  const jitterPhase = op('Add', [op('Mul', [op('Cast', [segIndex], { to: 1 }), f(2.39996)]), op('Mul', [op('Cast', [ids], { to: 1 }), f(0.7)])]);
  const jitter = op('Add', [f(1), op('Mul', [op('Mul', [noiseW, f(0.2)]), op('Sin', [jitterPhase])])]);
  const seconds = op('Mul', [op('Mul', [op('Gather', [durTable, ids], { axis: 0 }), lengthScale]), jitter]);
  const samplesPer = op('Cast', [op('Max', [op('Floor', [op('Mul', [seconds, f(sr)])]), f(1)])], { to: 7 });
  const longest = op('ReduceMax', [samplesPer], { axes: [0], keepdims: 0 });
  const within = op('Range', [i64s(0), longest, i64s(1)]);
  const mask = op('Less', [op('Unsqueeze', [within, i64([0])]), op('Unsqueeze', [samplesPer, i64([1])])]);
  const gridShape = op('Shape', [mask]);
  const flatMask = op('Reshape', [mask, i64([-1])]);
  const seg = op('Compress', [op('Reshape', [op('Expand', [op('Unsqueeze', [segIndex, i64([1])]), gridShape]), i64([-1])]), flatMask], { axis: 0 });
  const pos = op('Compress', [op('Reshape', [op('Expand', [op('Unsqueeze', [within, i64([0])]), gridShape]), i64([-1])]), flatMask], { axis: 0 });

  // 2. Parameters per sample, gliding between segment centres (smoothstep weights).
  const frac = op('Div', [op('Add', [op('Cast', [pos], { to: 1 }), f(0.5)]), op('Cast', [op('Gather', [samplesPer, seg], { axis: 0 })], { to: 1 })]);
  const centred = op('Sub', [frac, f(0.5)]);
  const smoothHalf = (x: string): string => {
    const t = op('Mul', [x, f(2)]);
    return op('Mul', [op('Mul', [op('Mul', [t, t]), op('Sub', [f(3), op('Mul', [t, f(2)])])]), f(0.5)]);
  };
  const wNext = op('Unsqueeze', [smoothHalf(op('Relu', [centred])), i64([1])]);
  const wPrev = op('Unsqueeze', [smoothHalf(op('Relu', [op('Neg', [centred])])), i64([1])]);
  const table = g.constant(
    sounds.flatMap((s) => [s.amp, s.voice, s.f1 * params.formantScale, s.f2 * params.formantScale, s.f3 * params.formantScale, s.hiss, s.breath, s.pitch]),
    'float',
    [sounds.length, 8],
  );
  const perSegment = op('Gather', [table, ids], { axis: 0 });
  const here = op('Gather', [perSegment, seg], { axis: 0 });
  const prev = op('Gather', [perSegment, op('Max', [op('Sub', [seg, i64s(1)]), i64s(0)])], { axis: 0 });
  const next = op('Gather', [perSegment, op('Min', [op('Add', [seg, i64s(1)]), op('Sub', [count, i64s(1)])])], { axis: 0 });
  const glide = op('Add', [here, op('Add', [op('Mul', [op('Sub', [next, here]), wNext]), op('Mul', [op('Sub', [prev, here]), wPrev])])]);
  const [amp, voice, f1raw, f2raw, f3raw, hiss, breath, pitch] = g.opMany('Split', [glide], { axis: 1 }, 8) as [string, string, string, string, string, string, string, string];
  const formantMul = sid ? op('Gather', [g.constant(params.speakers!.map((s) => s.formant)), sid], { axis: 0 }) : f(1);
  const [f1, f2, f3] = [f1raw, f2raw, f3raw].map((x) => op('Mul', [x, formantMul])) as [string, string, string];

  // 3. Pitch contour -> phase (float64, wrapped to one cycle) -> weighted harmonics.
  const total = op('Shape', [seg]);
  const time = op('Unsqueeze', [op('Cast', [op('Range', [i64s(0), op('Squeeze', [total, i64([0])]), i64s(1)])], { to: 1 }), i64([1])]);
  const progress = op('Div', [time, op('Cast', [total], { to: 1 })]);
  const speakerPitch = sid ? op('Gather', [g.constant(params.speakers!.map((s) => s.pitch)), sid], { axis: 0 }) : f(1);
  const declination = op('Add', [f(1 + params.declination / 2), op('Mul', [progress, f(-params.declination)])]);
  const vibrato = op('Add', [f(1), op('Mul', [op('Mul', [noiseScale, f(params.vibratoDepth)]), op('Sin', [op('Mul', [time, f((2 * Math.PI * params.vibratoHz) / sr)])])])]);
  const f0 = op('Mul', [op('Mul', [op('Mul', [op('Add', [f(1), pitch]), f(params.f0)]), speakerPitch]), op('Mul', [declination, vibrato])]);
  const cycles = op('CumSum', [op('Cast', [op('Div', [f0, f(sr)])], { to: 11 }), i64s(0)]);
  const phase = op('Cast', [op('Mod', [cycles, g.scalar(1, 'double')], { fmod: 1 })], { to: 1 });
  const h = Array.from({ length: params.harmonics }, (_, k) => k + 1);
  const harmonicNumbers = g.constant(h, 'float', [1, h.length]);
  const waves = op('Sin', [op('Mul', [op('Mul', [phase, f(2 * Math.PI)]), harmonicNumbers])]);
  const freqs = op('Mul', [f0, harmonicNumbers]);
  const resonance = (formant: string, bandwidth: number, gain: number): string => {
    const off = op('Div', [op('Sub', [freqs, formant]), f(bandwidth)]);
    return op('Div', [f(gain), op('Add', [f(1), op('Mul', [off, off])])]);
  };
  const envelope = op('Add', [op('Add', [resonance(f1, 110, 1), resonance(f2, 150, 0.7)]), op('Add', [resonance(f3, 220, 0.4), f(0.02)])]);
  const tilt = g.constant(h.map((k) => k ** -params.tilt), 'float', [1, h.length]);
  const belowNyquist = op('Cast', [op('Less', [freqs, f(0.45 * sr)])], { to: 1 });
  const voiced = op('ReduceSum', [op('Mul', [op('Mul', [waves, envelope]), op('Mul', [tilt, belowNyquist])]), i64([1])], { keepdims: 1 });

  // 4. Breath and hiss from deterministic noise.
  const tIndex = op('Cast', [time], { to: 7 });
  const noise = op('Add', [
    op('Gather', [g.constant(noiseTable(NOISE_A, 17)), op('Mod', [tIndex, i64s(NOISE_A)])], { axis: 0 }),
    op('Gather', [g.constant(noiseTable(NOISE_B, 29)), op('Mod', [tIndex, i64s(NOISE_B)])], { axis: 0 }),
  ]);
  const half = (LOWPASS_TAPS - 1) / 2;
  const low = op('Reshape', [
    op('Conv', [op('Reshape', [noise, i64([1, 1, -1])]), g.constant(hannLowpass(LOWPASS_TAPS), 'float', [1, 1, LOWPASS_TAPS])], { pads: [half, half] }),
    i64([-1, 1]),
  ]);
  const high = op('Sub', [noise, low]);
  const breathiness = op('Add', [breath, op('Mul', [voice, f(params.breathiness)])]);
  const mix = op('Add', [op('Mul', [op('Mul', [voice, voiced]), f(0.5)]), op('Add', [op('Mul', [op('Mul', [hiss, high]), f(0.35)]), op('Mul', [op('Mul', [breathiness, low]), f(1.2)])])]);
  g.output(op('Reshape', [op('Mul', [amp, mix]), i64([1, 1, 1, -1])]), 'output', 'float', [1, 1, 1, 'samples']);
  return g.build({ docString: 'VoiceOps sample voice: a formant synthesiser in ONNX operators. Not a cloned voice.' });
}
