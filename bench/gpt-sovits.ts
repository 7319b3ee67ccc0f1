/**
 * GPT-SoVITS decode-loop benchmark (not a test): time per decode step through our loop
 * (native-engine/pipelines/gpt-sovits/decode-loop.ts) against bare session.run calls of the same
 * graphs in the same run, on stub decoders sized like the real v2 ones (24 layers, 512 dims), so
 * the cost of the caches ([24, len, 1, 512] each, growing every step) shows. Goal: at most 1.1x.
 *
 * Two layouts: upstream (sampling inside the graphs) and logits-only decoders (our seeded host
 * sampling, top-k 15, repetition penalty 1.35). The bare loop of the latter takes argmax, the
 * cheapest thing a host can do, so its ratio includes the sampling itself.
 *
 *   npx tsx bench/gpt-sovits.ts [steps]
 */
import { performance } from 'node:perf_hooks';
import ort from 'onnxruntime-node';
import { decodeSemantic, cacheFeeds } from '../native-engine/pipelines/gpt-sovits/decode-loop.js';
import { recogniseLayout, ROLES, type GptSovitsLayout } from '../native-engine/pipelines/gpt-sovits/layout.js';
import { TokenSampler } from '../native-engine/pipelines/gpt-sovits/sampling.js';
import { readGraphSignature } from '../native-engine/pipelines/graph-signature.js';
import { stubGraphs } from '../native-engine/pipelines/test-support/gpt-sovits-graphs.js';

const THREADS = 2;
const LAYERS = 24;
const DIMS = 512;
const STEPS = Number(process.argv[2] ?? 200);
const ROUNDS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Graphs {
  encoder: ort.InferenceSession;
  firstStep: ort.InferenceSession;
  step: ort.InferenceSession;
  layout: GptSovitsLayout;
}

async function open(sampling: 'graph' | 'host'): Promise<Graphs> {
  const bytes = stubGraphs({ layers: LAYERS, dims: DIMS, eosAt: STEPS, sampling });
  const options = { executionProviders: ['cpu'], intraOpNumThreads: THREADS };
  const sessions = {
    encoder: await ort.InferenceSession.create(bytes.encoder, options),
    firstStep: await ort.InferenceSession.create(bytes.firstStep, options),
    step: await ort.InferenceSession.create(bytes.step, options),
    vits: await ort.InferenceSession.create(bytes.vits, options),
    ssl: await ort.InferenceSession.create(bytes.ssl, options),
  };
  const signatures = {
    [ROLES.encoder]: readGraphSignature(sessions.encoder),
    [ROLES.firstStep]: readGraphSignature(sessions.firstStep),
    [ROLES.step]: readGraphSignature(sessions.step),
    [ROLES.vits]: readGraphSignature(sessions.vits),
    [ROLES.ssl]: readGraphSignature(sessions.ssl),
  };
  const { layout, problems } = recogniseLayout(signatures);
  if (!layout) throw new Error(problems.join('; '));
  return { ...sessions, layout };
}

/** The encoder's output for 30 reference + 60 target phones and 5 s of SSL frames (L = 90). */
async function encode(graphs: Graphs): Promise<{ x: ort.Tensor; prompts: ort.Tensor }> {
  const ids = (n: number) => new ort.Tensor('int64', BigInt64Array.from({ length: n }, (_, i) => BigInt(i % 300)), [1, n]);
  const out = await graphs.encoder.run({
    ref_seq: ids(30),
    text_seq: ids(60),
    ref_bert: new ort.Tensor('float32', new Float32Array(30 * 1024), [30, 1024]),
    text_bert: new ort.Tensor('float32', new Float32Array(60 * 1024), [60, 1024]),
    ssl_content: new ort.Tensor('float32', new Float32Array(768 * 250), [1, 768, 250]),
  });
  return { x: out['x'] as ort.Tensor, prompts: out['prompts'] as ort.Tensor };
}

/** The least a host can do: run, feed the outputs back, read the token (argmax for logits-only graphs). */
async function bareLoop(graphs: Graphs, x: ort.Tensor, prompts: ort.Tensor): Promise<number> {
  const host = graphs.layout.sampling === 'host';
  const pairs = cacheFeeds(graphs.layout);
  let outputs = await graphs.firstStep.run({ x, prompts });
  const xExample = outputs['x_example']!;
  const tokens = Array.from(prompts.data as BigInt64Array);
  let y = outputs['y'];
  let steps = 1;
  for (; steps < STEPS + 1; steps++) {
    if (host) {
      const logits = outputs['logits']!.data as Float32Array;
      let best = 0;
      for (let i = 1; i < logits.length; i++) if (logits[i]! > logits[best]!) best = i;
      tokens.push(BigInt(best));
      if (best === 1024) break;
      y = new ort.Tensor('int64', BigInt64Array.from(tokens), [1, tokens.length]);
    } else if (steps > 1 && (outputs['samples']!.data as BigInt64Array)[0] === 1024n) break;
    const feeds: Record<string, ort.Tensor> = { iy: y!, iy_emb: outputs['y_emb']!, ix_example: xExample };
    for (const pair of pairs) feeds[pair.input] = outputs[pair.output]!;
    outputs = await graphs.step.run(feeds);
    if (!host) y = outputs['y'];
  }
  return steps;
}

async function ourLoop(graphs: Graphs, x: ort.Tensor, prompts: ort.Tensor): Promise<number> {
  const sampler = graphs.layout.sampling === 'host' ? new TokenSampler({ topK: 15, topP: 1, temperature: 1, repetitionPenalty: 1.35, seed: 1 }) : null;
  const result = await decodeSemantic({ firstStep: graphs.firstStep, step: graphs.step }, graphs.layout, x, prompts, {
    maxSteps: 1500,
    maxGenerated: 50 * 54,
    sampler,
    signal: new AbortController().signal,
  });
  return result.steps;
}

async function perStep(run: () => Promise<number>): Promise<{ ms: number; steps: number }> {
  const start = performance.now();
  const steps = await run();
  return { ms: (performance.now() - start) / steps, steps };
}

async function compare(sampling: 'graph' | 'host'): Promise<void> {
  const graphs = await open(sampling);
  const { x, prompts } = await encode(graphs);
  await bareLoop(graphs, x, prompts); // warm-up: first runs allocate
  await ourLoop(graphs, x, prompts);
  const bare: number[] = [];
  const ours: number[] = [];
  let steps = { bare: 0, ours: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating, so a slower moment of this shared machine falls on both.
    const b = await perStep(() => bareLoop(graphs, x, prompts));
    const o = await perStep(() => ourLoop(graphs, x, prompts));
    bare.push(b.ms);
    ours.push(o.ms);
    steps = { bare: b.steps, ours: o.steps };
  }
  const ratio = median(ours) / median(bare);
  const label = sampling === 'graph' ? 'upstream layout (graph sampling)' : 'logits-only decoders (host sampling)';
  console.log(`${label}: ${steps.ours} steps (bare ${steps.bare}); per step bare ${median(bare).toFixed(2)} ms, ours ${median(ours).toFixed(2)} ms -> ${ratio.toFixed(3)}x (goal <= 1.1x)`);
  for (const session of [graphs.encoder, graphs.firstStep, graphs.step]) await session.release();
}

async function main(): Promise<void> {
  console.log(`GPT-SoVITS decode loop: ${LAYERS} layers x ${DIMS} dims, x of 90 positions, EOS after ${STEPS} steps, ${THREADS} threads, median of ${ROUNDS} rounds`);
  await compare('graph');
  await compare('host');
}

await main();
