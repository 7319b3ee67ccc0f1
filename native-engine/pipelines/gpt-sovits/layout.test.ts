import { InferenceSession } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { readGraphSignature } from '../graph-signature.js';
import type { GraphSignature } from '../pipeline.js';
import { stubBert, stubGraphs, unrelatedGraph, type StubDecoderOptions } from '../test-support/gpt-sovits-graphs.js';
import { ROLES, recogniseLayout } from './layout.js';

type Signatures = Record<string, GraphSignature>;

async function signaturesOf(options: StubDecoderOptions = {}): Promise<Signatures> {
  const graphs = stubGraphs(options);
  const read = async (bytes: Uint8Array) => {
    const session = await InferenceSession.create(bytes);
    const signature = readGraphSignature(session);
    await session.release();
    return signature;
  };
  return {
    [ROLES.encoder]: await read(graphs.encoder),
    [ROLES.firstStep]: await read(graphs.firstStep),
    [ROLES.step]: await read(graphs.step),
    [ROLES.vits]: await read(graphs.vits),
    [ROLES.ssl]: await read(graphs.ssl),
  };
}

const without = (values: GraphSignature['inputs'], name: string) => values.filter((v) => v.name !== name);

describe('recognising a GPT-SoVITS v2 export by its graphs', () => {
  it('takes the upstream layout: stacked caches, sampling inside the graphs, ix_example', async () => {
    const result = recogniseLayout(await signaturesOf());
    expect(result.problems).toEqual([]);
    expect(result.layout).toEqual({
      caches: { kind: 'stacked' },
      sampling: 'graph',
      stepTakesXExample: true,
      ssl: { input: 'input_values', output: 'last_hidden_state' },
      vitsOutput: 'audio',
      bert: null,
    });
  });

  it('takes an optional BERT graph of our contract and refuses another graph in the bert role', async () => {
    const signatures = await signaturesOf();
    const session = await InferenceSession.create(stubBert(200));
    signatures[ROLES.bert] = readGraphSignature(session);
    await session.release();
    expect(recogniseLayout(signatures).layout?.bert).toEqual({ attentionMask: true, tokenTypeIds: true, output: 'hidden_states' });
    signatures[ROLES.bert] = { inputs: [{ name: 'input_ids', type: 'tensor(int64)', shape: [1, 'T'] }], outputs: [{ name: 'logits', type: 'tensor(int64)', shape: [1, 'T', 1024] }] };
    expect(recogniseLayout(signatures)).toEqual({ layout: null, problems: ['bert: no float32 output of shape [1, T, 1024] or [T, 1024] (the features, hidden_states[-3]); found no float32 output'] });
  });

  it('recognises logits-only decoders (host sampling) and per-layer caches by their names', async () => {
    expect(recogniseLayout(await signaturesOf({ sampling: 'host' })).layout).toMatchObject({ caches: { kind: 'stacked' }, sampling: 'host' });
    expect(recogniseLayout(await signaturesOf({ caches: 'per-layer', layers: 3 })).layout).toMatchObject({ caches: { kind: 'per-layer', layers: 3 }, sampling: 'graph' });
    expect(recogniseLayout(await signaturesOf({ caches: 'per-layer', layers: 2, sampling: 'host' })).layout).toMatchObject({ caches: { kind: 'per-layer', layers: 2 }, sampling: 'host' });
  });

  it('refuses a missing graph and an unrelated graph in a role, naming what is wrong', async () => {
    const signatures = await signaturesOf();
    delete signatures[ROLES.ssl];
    expect(recogniseLayout(signatures).problems).toEqual(['no ssl graph']);

    const session = await InferenceSession.create(unrelatedGraph());
    const wrong = { ...(await signaturesOf()), [ROLES.encoder]: readGraphSignature(session) };
    await session.release();
    const problems = recogniseLayout(wrong).problems;
    expect(problems).toContain('t2s-encoder: missing input `ref_seq` (int64 [1, Lr] phoneme ids of the reference text)');
    expect(problems).toContain('t2s-encoder: missing output `prompts` (int64 [1, Ts/2] semantic prompt)');
  });

  it('names a missing cache input, a sampling-setting input and a mistyped SSL feature input', async () => {
    const signatures = await signaturesOf();
    const step = signatures[ROLES.step]!;
    signatures[ROLES.step] = { ...step, inputs: [...without(step.inputs, 'iv'), { name: 'top_k', type: 'int64', shape: [1] }] };
    const encoder = signatures[ROLES.encoder]!;
    signatures[ROLES.encoder] = { ...encoder, inputs: encoder.inputs.map((v) => (v.name === 'ssl_content' ? { ...v, type: 'tensor(int64)' } : v)) };
    const problems = recogniseLayout(signatures).problems;
    expect(problems).toContain('t2s-sdec: missing input `iv` (float32 [layers, len, 1, 512] attention cache) (or per-layer `past_k_layer_<i>`)');
    expect(problems).toContain('t2s-sdec: unexpected input `top_k` (sampling settings or masks as graph inputs are not a layout we run)');
    expect(problems).toContain('t2s-encoder: input `ssl_content` is int64, expected float32 ([1, 768, Ts] SSL features)');
  });

  it('refuses decoders whose cache layouts differ, and incomplete per-layer caches', async () => {
    const stacked = await signaturesOf();
    const perLayer = await signaturesOf({ caches: 'per-layer' });
    expect(recogniseLayout({ ...stacked, [ROLES.step]: perLayer[ROLES.step]! }).problems).toEqual([
      'cache layouts differ: t2s-fsdec outputs stacked k/v caches, t2s-sdec takes 2 per-layer k/v caches and outputs 2 per-layer k/v caches',
    ]);

    const step = perLayer[ROLES.step]!;
    perLayer[ROLES.step] = { ...step, inputs: without(step.inputs, 'past_v_layer_1') };
    expect(recogniseLayout(perLayer).problems).toEqual([
      't2s-sdec: per-layer caches are incomplete: no `past_v_layer_1` (layers 0..1 expected for both k and v)',
    ]);
  });

  it('refuses a logits-only step decoder after a first-step decoder that samples (no first-token logits)', async () => {
    const host = await signaturesOf({ sampling: 'host' });
    const graph = await signaturesOf({ sampling: 'graph' });
    const problems = recogniseLayout({ ...host, [ROLES.firstStep]: graph[ROLES.firstStep]! }).problems;
    expect(problems).toEqual([
      't2s-fsdec: missing output `logits` (float32 [1, 1025]): t2s-sdec outputs logits only, so the first token must be sampled by the host too',
    ]);
  });

  it('names what vits lacks', async () => {
    const signatures = await signaturesOf();
    const vits = signatures[ROLES.vits]!;
    signatures[ROLES.vits] = { ...vits, inputs: without(vits.inputs, 'ref_audio') };
    expect(recogniseLayout(signatures).problems).toEqual(['vits: missing input `ref_audio` (float32 [1, N] reference audio at 32 kHz)']);
  });
});
