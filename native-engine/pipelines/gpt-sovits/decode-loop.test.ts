import { InferenceSession, Tensor } from 'onnxruntime-node';
import { afterEach, describe, expect, it } from 'vitest';
import { readGraphSignature } from '../graph-signature.js';
import { STUB_EOS, stubGraphs, type StubDecoderOptions } from '../test-support/gpt-sovits-graphs.js';
import { MAX_DECODE_STEPS, decodeSemantic, type DecodeOptions } from './decode-loop.js';
import { ROLES, recogniseLayout } from './layout.js';
import { NO_EOS_BEFORE, TokenSampler } from './sampling.js';

const opened: InferenceSession[] = [];
afterEach(async () => {
  for (const session of opened.splice(0)) await session.release();
});

async function open(bytes: Uint8Array): Promise<InferenceSession> {
  const session = await InferenceSession.create(bytes);
  opened.push(session);
  return session;
}

/** The stub decoders, their recognised layout, and an encoder output for 3 + 4 phones and 50 SSL frames. */
async function setUp(options: StubDecoderOptions) {
  const graphs = stubGraphs(options);
  const [encoder, firstStep, step] = await Promise.all([open(graphs.encoder), open(graphs.firstStep), open(graphs.step)]);
  const sig = (s: InferenceSession) => readGraphSignature(s);
  const vits = await open(graphs.vits);
  const ssl = await open(graphs.ssl);
  const { layout } = recogniseLayout({ [ROLES.encoder]: sig(encoder), [ROLES.firstStep]: sig(firstStep), [ROLES.step]: sig(step), [ROLES.vits]: sig(vits), [ROLES.ssl]: sig(ssl) });
  if (!layout) throw new Error('stub layout not recognised');
  const ids = (n: number, base: number) => new Tensor('int64', BigInt64Array.from({ length: n }, (_, i) => BigInt(base + i)), [1, n]);
  const encoded = await encoder.run({
    ref_seq: ids(3, 10),
    text_seq: ids(4, 20),
    ref_bert: new Tensor('float32', new Float32Array(3 * 1024), [3, 1024]),
    text_bert: new Tensor('float32', new Float32Array(4 * 1024), [4, 1024]),
    ssl_content: new Tensor('float32', new Float32Array(768 * 50), [1, 768, 50]),
  });
  const decode = (overrides: Partial<DecodeOptions> = {}) =>
    decodeSemantic({ firstStep, step }, layout, encoded['x'] as Tensor, encoded['prompts'] as Tensor, {
      maxSteps: MAX_DECODE_STEPS,
      maxGenerated: 50 * 54,
      sampler: layout.sampling === 'host' ? new TokenSampler({ topK: 15, topP: 1, temperature: 1, repetitionPenalty: 1.35, seed: 7 }) : null,
      signal: new AbortController().signal,
      ...overrides,
    });
  return { layout, decode, prompts: encoded['prompts'] as Tensor };
}

const hostSampler = (seed: number) => new TokenSampler({ topK: 15, topP: 1, temperature: 1, repetitionPenalty: 1.35, seed });

describe('the GPT-SoVITS decode loop', () => {
  it('feeds each step the caches it grew and stops at EOS (upstream layout: the graph samples)', async () => {
    const { decode, prompts } = await setUp({ eosAt: 4 });
    expect(prompts.dims).toEqual([1, 25]); // about Ts / 2 prompt tokens from 50 SSL frames
    const steps: number[] = [];
    const result = await decode({ onStep: (step) => steps.push(step) });
    // First-step token + 4 step-decoder runs, the 4th emitting EOS; the EOS itself is not kept.
    expect(result.stoppedBy).toBe('eos');
    expect(result.steps).toBe(5);
    expect(steps).toEqual([1, 2, 3, 4, 5]);
    expect(result.tokens).toHaveLength(4);
    expect([...result.tokens]).not.toContain(BigInt(STUB_EOS));
  });

  it('works the same with per-layer caches', async () => {
    const result = await (await setUp({ eosAt: 6, caches: 'per-layer', layers: 3 })).decode();
    expect(result).toMatchObject({ stoppedBy: 'eos', steps: 7 });
    expect(result.tokens).toHaveLength(6);
  });

  it('stops at the step cap (1500 tokens) when EOS never comes', async () => {
    const result = await (await setUp({ eosAt: 1_000_000 })).decode();
    expect(result).toMatchObject({ stoppedBy: 'step-cap', steps: MAX_DECODE_STEPS });
    expect(result.tokens).toHaveLength(MAX_DECODE_STEPS - 1);
  });

  it('stops once the generated length passes 50 x max_sec', async () => {
    const result = await (await setUp({ eosAt: 1_000_000 })).decode({ maxGenerated: 50 * 1 });
    expect(result).toMatchObject({ stoppedBy: 'length-cap', steps: 51 });
    expect(result.tokens).toHaveLength(50);
  });

  it('is cancelled between steps', async () => {
    const { decode } = await setUp({ eosAt: 1_000_000 });
    const controller = new AbortController();
    let seen = 0;
    const run = decode({ signal: controller.signal, onStep: (step) => { seen = step; if (step === 3) controller.abort(); } });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen).toBe(3);
  });

  it('samples on the host from logits-only decoders: same seed, same tokens; another seed, other tokens', async () => {
    const { decode } = await setUp({ eosAt: 30, sampling: 'host' });
    const a = await decode({ sampler: hostSampler(1234) });
    const b = await decode({ sampler: hostSampler(1234) });
    const c = await decode({ sampler: hostSampler(98765) });
    expect(a.stoppedBy).toBe('eos');
    expect(a.tokens).toHaveLength(30);
    expect([...b.tokens]).toEqual([...a.tokens]);
    expect([...c.tokens]).not.toEqual([...a.tokens]);
    // top-k 15 over the stub's fixed logits: every token is one of its 15 best.
    expect(new Set([...a.tokens, ...c.tokens]).size).toBeGreaterThan(3);
  });

  it('does not let EOS end host-sampled speech within the first 11 tokens', async () => {
    const result = await (await setUp({ eosAt: 2, sampling: 'host', caches: 'per-layer' })).decode({ sampler: hostSampler(5) });
    expect(result.stoppedBy).toBe('eos');
    expect(result.steps).toBe(NO_EOS_BEFORE + 1);
    expect(result.tokens).toHaveLength(NO_EOS_BEFORE);
    expect([...result.tokens]).not.toContain(BigInt(STUB_EOS));
  });
});
