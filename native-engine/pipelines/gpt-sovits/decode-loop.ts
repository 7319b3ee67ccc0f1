/**
 * The autoregressive part of GPT-SoVITS: the first-step decoder turns the encoder's `x` and
 * the SSL prompt into caches and the first token, then the step decoder adds one token per run
 * until EOS (1024), argmax(logits) == EOS, the step cap (1500 tokens, as the reference's
 * `range(1500)`) or the length cap (50 tokens a second x max_sec).
 *
 * Cost: the caches ([layers, len, 1, 512] each) are the large values of every step. They go
 * from one run's outputs straight into the next run's feeds as the same ort Tensors; nothing
 * here reads or copies them. Per step the loop itself only reads the 1025 logits (and, with
 * host sampling, hands the graph a view of the token history).
 */
import { Tensor, type InferenceSession } from 'onnxruntime-node';
import { AppError } from '../../../electron/api/index.js';
import { throwIfAborted } from '../request-checks.js';
import type { GptSovitsLayout } from './layout.js';
import { EOS, NO_EOS_BEFORE, type TokenSampler } from './sampling.js';

/** The reference's loop bound: at most 1500 tokens (the first-step one included). */
export const MAX_DECODE_STEPS = 1500;
/** Semantic tokens per second of audio (25 Hz x 2 in v2's counting: the reference's `hz`). */
export const TOKENS_PER_SECOND = 50;
export const DEFAULT_MAX_SECONDS = 54;

export interface DecodeOptions {
  maxSteps: number;
  /** Stop once more than this many tokens were generated (50 x max_sec). */
  maxGenerated: number;
  /** Null when the graphs sample (upstream layout). */
  sampler: TokenSampler | null;
  signal: AbortSignal;
  onStep?: (step: number, maxSteps: number) => void;
}

export interface DecodeResult {
  /** The semantic tokens for vits: every generated token but the last (the stop token), as the reference. */
  tokens: BigInt64Array;
  steps: number;
  stoppedBy: 'eos' | 'step-cap' | 'length-cap';
}

export interface DecodeGraphs {
  firstStep: InferenceSession;
  step: InferenceSession;
}

/** Which first-step / step output feeds which step input, for the cache layout. */
export function cacheFeeds(layout: GptSovitsLayout): Array<{ output: string; input: string }> {
  if (layout.caches.kind === 'stacked') return [{ output: 'k', input: 'ik' }, { output: 'v', input: 'iv' }];
  const pairs: Array<{ output: string; input: string }> = [];
  for (let i = 0; i < layout.caches.layers; i++) {
    for (const kind of ['k', 'v']) pairs.push({ output: `present_${kind}_layer_${i}`, input: `past_${kind}_layer_${i}` });
  }
  return pairs;
}

async function run(session: InferenceSession, role: string, feeds: Record<string, Tensor>): Promise<InferenceSession.OnnxValueMapType> {
  try {
    return await session.run(feeds);
  } catch (error) {
    throw new AppError('UNSUPPORTED_FORMAT', `the ${role} graph failed to run: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

function tensorOut(outputs: InferenceSession.OnnxValueMapType, name: string, role: string): Tensor {
  const value = outputs[name];
  if (!(value instanceof Tensor)) throw new AppError('UNSUPPORTED_FORMAT', `the ${role} graph gave no \`${name}\``);
  return value;
}

function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

function lastToken(tensor: Tensor): bigint {
  const data = tensor.data as BigInt64Array;
  return data[data.length - 1]!;
}

export async function decodeSemantic(graphs: DecodeGraphs, layout: GptSovitsLayout, x: Tensor, prompts: Tensor, options: DecodeOptions): Promise<DecodeResult> {
  const { maxSteps, maxGenerated, sampler, signal } = options;
  const host = layout.sampling === 'host';
  if (host && !sampler) throw new AppError('INTERNAL', 'host sampling needs a sampler');
  const pairs = cacheFeeds(layout);
  const prefix = prompts.dims[1] ?? 0;
  // Host sampling owns the token history: the prompt, then one token per step. The step graph
  // gets a view of it (no copy here); graph sampling feeds the graph's own `y` back instead.
  const history = new BigInt64Array(prefix + maxSteps);
  history.set(prompts.data as BigInt64Array);
  let length = prefix;

  throwIfAborted(signal);
  let outputs = await run(graphs.firstStep, 't2s first-step decoder', { x, prompts });
  const xExample = layout.stepTakesXExample ? tensorOut(outputs, 'x_example', 't2s first-step decoder') : null;
  let y: Tensor | null = host ? null : tensorOut(outputs, 'y', 't2s first-step decoder');
  let stoppedBy: DecodeResult['stoppedBy'] = 'step-cap';
  let step = 0;
  for (; step < maxSteps; step++) {
    let token: bigint;
    let argmaxIsEos = false;
    if (host) {
      const logits = tensorOut(outputs, 'logits', 'decoder').data as Float32Array;
      const drawn = sampler!.sample(logits, history.subarray(0, length), step >= NO_EOS_BEFORE);
      token = BigInt(drawn.token);
      argmaxIsEos = drawn.argmaxIsEos;
    } else if (step === 0) {
      token = lastToken(y!);
    } else {
      token = (tensorOut(outputs, 'samples', 't2s step decoder').data as BigInt64Array)[0]!;
      argmaxIsEos = argmax(tensorOut(outputs, 'logits', 't2s step decoder').data as Float32Array) === EOS;
    }
    history[length++] = token;
    options.onStep?.(step + 1, maxSteps);
    if (length - prefix > maxGenerated) {
      stoppedBy = 'length-cap';
      break;
    }
    if (token === BigInt(EOS) || argmaxIsEos) {
      stoppedBy = 'eos';
      break;
    }
    if (step + 1 >= maxSteps) break;

    throwIfAborted(signal);
    const feeds: Record<string, Tensor> = {
      iy: host ? new Tensor('int64', history.subarray(0, length), [1, length]) : y!,
      iy_emb: tensorOut(outputs, 'y_emb', 'decoder'),
    };
    if (xExample) feeds.ix_example = xExample;
    for (const pair of pairs) feeds[pair.input] = tensorOut(outputs, pair.output, 'decoder');
    outputs = await run(graphs.step, 't2s step decoder', feeds);
    if (!host) y = tensorOut(outputs, 'y', 't2s step decoder');
  }
  const generated = length - prefix;
  return { tokens: history.slice(prefix, prefix + Math.max(0, generated - 1)), steps: Math.min(step + 1, maxSteps), stoppedBy };
}
