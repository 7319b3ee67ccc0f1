/**
 * Which GPT-SoVITS v2 export a version is, read from its graphs' input and output names.
 * Upstream's exporter (onnx_export.py) comes first: stacked caches `k`/`v` ([layers, len, 1, 512])
 * fed back as `ik`/`iv`, and a step decoder that samples inside the graph (`y`, `samples`) next
 * to its `logits`. Community runtimes split the caches per layer
 * (`past_k_layer_<i>` in, `present_k_layer_<i>` out) and/or leave sampling to the host (the
 * decoders output `logits` only). Anything else is refused with the value at fault named, so
 * an admin sees why an export cannot be used when importing it, not at the first preview.
 */
import { compareValue, findValue, normaliseElementType, type ExpectedValue } from '../graph-signature.js';
import type { GraphSignature } from '../pipeline.js';
import { recogniseBert, type BertLayout } from './bert-features.js';

export const ROLES = {
  encoder: 't2s-encoder',
  firstStep: 't2s-fsdec',
  step: 't2s-sdec',
  vits: 'vits',
  ssl: 'ssl',
  bert: 'bert',
} as const;

export type CacheLayout = { kind: 'stacked' } | { kind: 'per-layer'; layers: number };

export interface GptSovitsLayout {
  caches: CacheLayout;
  /** 'graph': the decoders sample (upstream; unseeded); 'host': they output logits and we sample. */
  sampling: 'graph' | 'host';
  /** Whether the step decoder takes `ix_example` (upstream does; some variants drop it). */
  stepTakesXExample: boolean;
  ssl: { input: string; output: string };
  vitsOutput: string;
  /** The optional BERT graph (chinese-roberta); null when the version has none. */
  bert: BertLayout | null;
}

type Value = GraphSignature['inputs'][number];
const f32 = (name: string, rank: number, describe: string): ExpectedValue => ({ name, type: 'float32', rank, describe });
const i64 = (name: string, rank: number, describe: string): ExpectedValue => ({ name, type: 'int64', rank, describe });

const ENCODER_INPUTS = [
  i64('ref_seq', 2, '[1, Lr] phoneme ids of the reference text'),
  i64('text_seq', 2, '[1, Lt] phoneme ids of the target text'),
  f32('ref_bert', 2, '[Lr, 1024] BERT features'),
  f32('text_bert', 2, '[Lt, 1024] BERT features'),
  f32('ssl_content', 3, '[1, 768, Ts] SSL features'),
];
const ENCODER_OUTPUTS = [f32('x', 3, '[1, Lr+Lt, 512]'), i64('prompts', 2, '[1, Ts/2] semantic prompt')];

const PER_LAYER = /^(past|present)_([kv])_layer_(\d+)$/;

function check(role: string, where: 'input' | 'output', values: Value[], expected: ExpectedValue[]): string[] {
  return expected.flatMap((e) => compareValue(where, findValue(values, e.name), e)).map((m) => `${role}: ${m}`);
}

function unexpected(role: string, values: Value[], known: (name: string) => boolean, why: string): string[] {
  return values.filter((v) => !known(v.name)).map((v) => `${role}: unexpected input \`${v.name}\` (${why})`);
}

/** The layer numbers of per-layer caches with the given prefix ("past" or "present"), or a message. */
function layerSet(role: string, values: Value[], prefix: 'past' | 'present'): { layers: number } | { problem: string } | null {
  const seen = { k: new Set<number>(), v: new Set<number>() };
  for (const value of values) {
    const match = PER_LAYER.exec(value.name);
    if (match && match[1] === prefix) seen[match[2] as 'k' | 'v'].add(Number(match[3]));
  }
  if (seen.k.size === 0 && seen.v.size === 0) return null;
  const count = Math.max(seen.k.size, seen.v.size);
  for (const kind of ['k', 'v'] as const) {
    for (let i = 0; i < count; i++) {
      if (!seen[kind].has(i)) return { problem: `${role}: per-layer caches are incomplete: no \`${prefix}_${kind}_layer_${i}\` (layers 0..${count - 1} expected for both k and v)` };
    }
  }
  return { layers: count };
}

function cachesOf(role: string, where: 'input' | 'output', values: Value[], stacked: [string, string], prefix: 'past' | 'present'): { layout: CacheLayout } | { problems: string[] } {
  const hasStacked = stacked.some((name) => findValue(values, name));
  const perLayer = layerSet(role, values, prefix);
  if (hasStacked && perLayer) return { problems: [`${role}: has both stacked caches (\`${stacked.join('`, `')}\`) and per-layer caches; expected one kind`] };
  if (perLayer) return 'problem' in perLayer ? { problems: [perLayer.problem] } : { layout: { kind: 'per-layer', layers: perLayer.layers } };
  const problems = stacked.flatMap((name) => compareValue(where, findValue(values, name), f32(name, 4, '[layers, len, 1, 512] attention cache')));
  return problems.length > 0 ? { problems: problems.map((m) => `${role}: ${m} (or per-layer \`${prefix}_k_layer_<i>\`)`) } : { layout: { kind: 'stacked' } };
}

function sameCaches(a: CacheLayout, b: CacheLayout): boolean {
  return a.kind === b.kind && (a.kind === 'stacked' || a.layers === (b as { layers: number }).layers);
}

function describeCaches(c: CacheLayout): string {
  return c.kind === 'stacked' ? 'stacked k/v caches' : `${c.layers} per-layer k/v caches`;
}

function firstFloatOutput(signature: GraphSignature, preferred: string[]): Value | undefined {
  return preferred.map((name) => findValue(signature.outputs, name)).find(Boolean) ?? signature.outputs.find((o) => normaliseElementType(o.type) === 'float32');
}

/**
 * Recognises the layout of a version's graphs. Returns the layout when every graph fits one we
 * run, otherwise one message per mismatch (each names the graph's role and the value at fault).
 */
export function recogniseLayout(signatures: Record<string, GraphSignature | undefined>): { layout: GptSovitsLayout; problems: [] } | { layout: null; problems: string[] } {
  const problems: string[] = [];
  const missing = [ROLES.encoder, ROLES.firstStep, ROLES.step, ROLES.vits, ROLES.ssl].filter((role) => !signatures[role]);
  if (missing.length > 0) return { layout: null, problems: missing.map((role) => `no ${role} graph`) };
  const encoder = signatures[ROLES.encoder]!;
  const first = signatures[ROLES.firstStep]!;
  const step = signatures[ROLES.step]!;
  const vits = signatures[ROLES.vits]!;
  const ssl = signatures[ROLES.ssl]!;

  problems.push(...check(ROLES.encoder, 'input', encoder.inputs, ENCODER_INPUTS), ...check(ROLES.encoder, 'output', encoder.outputs, ENCODER_OUTPUTS));

  // First-step decoder: x, prompts -> caches, y_emb, x_example and either y (graph sampling) or logits (host).
  problems.push(...check(ROLES.firstStep, 'input', first.inputs, [f32('x', 3, '[1, L, 512]'), i64('prompts', 2, '[1, P] semantic prompt')]));
  const firstCaches = cachesOf(ROLES.firstStep, 'output', first.outputs, ['k', 'v'], 'present');
  problems.push(...check(ROLES.firstStep, 'output', first.outputs, [f32('y_emb', 3, '[1, P, 512] token embeddings')]));

  // Step decoder: iy, caches, iy_emb[, ix_example] -> caches, y_emb, logits[, y, samples].
  const stepIn = cachesOf(ROLES.step, 'input', step.inputs, ['ik', 'iv'], 'past');
  const stepOut = cachesOf(ROLES.step, 'output', step.outputs, ['k', 'v'], 'present');
  problems.push(...check(ROLES.step, 'input', step.inputs, [i64('iy', 2, '[1, Y] tokens so far'), f32('iy_emb', 3, '[1, Y, 512] token embeddings')]));
  problems.push(...check(ROLES.step, 'output', step.outputs, [f32('y_emb', 3, '[1, Y+1, 512]'), f32('logits', 2, '[1, 1025] next-token logits')]));
  const stepTakesXExample = findValue(step.inputs, 'ix_example') !== undefined;
  if (stepTakesXExample) {
    problems.push(...check(ROLES.step, 'input', step.inputs, [f32('ix_example', 2, '[1, L] from the first-step decoder')]));
    problems.push(...check(ROLES.firstStep, 'output', first.outputs, [f32('x_example', 2, '[1, L], fed to the step decoder')]));
  }
  const known = (name: string) => ['iy', 'iy_emb', 'ix_example', 'ik', 'iv'].includes(name) || PER_LAYER.test(name);
  problems.push(...unexpected(ROLES.step, step.inputs, known, 'sampling settings or masks as graph inputs are not a layout we run'));
  problems.push(...unexpected(ROLES.firstStep, first.inputs, (n) => n === 'x' || n === 'prompts', 'the first-step decoder takes x and prompts'));

  for (const result of [firstCaches, stepIn, stepOut]) if ('problems' in result) problems.push(...result.problems);
  let caches: CacheLayout | null = null;
  if ('layout' in firstCaches && 'layout' in stepIn && 'layout' in stepOut) {
    if (!sameCaches(firstCaches.layout, stepIn.layout) || !sameCaches(stepIn.layout, stepOut.layout)) {
      problems.push(
        `cache layouts differ: ${ROLES.firstStep} outputs ${describeCaches(firstCaches.layout)}, ${ROLES.step} takes ${describeCaches(stepIn.layout)} and outputs ${describeCaches(stepOut.layout)}`,
      );
    } else caches = firstCaches.layout;
  }

  // Sampling: upstream's step decoder outputs y and samples (sampled inside); a logits-only one leaves it to us.
  const stepSamples = findValue(step.outputs, 'samples');
  const stepY = findValue(step.outputs, 'y');
  let sampling: 'graph' | 'host' = 'graph';
  if (stepSamples || stepY) {
    problems.push(...check(ROLES.step, 'output', step.outputs, [i64('y', 2, '[1, Y+1] tokens with the new one'), i64('samples', 2, '[1, 1] the sampled token')]));
    problems.push(...check(ROLES.firstStep, 'output', first.outputs, [i64('y', 2, '[1, P+1] prompt and first token')]));
  } else {
    sampling = 'host';
    const firstLogits = findValue(first.outputs, 'logits');
    if (!firstLogits) {
      problems.push(`${ROLES.firstStep}: missing output \`logits\` (float32 [1, 1025]): ${ROLES.step} outputs logits only, so the first token must be sampled by the host too`);
    } else problems.push(...check(ROLES.firstStep, 'output', first.outputs, [f32('logits', 2, '[1, 1025] first-token logits')]));
  }

  problems.push(
    ...check(ROLES.vits, 'input', vits.inputs, [
      i64('text_seq', 2, '[1, Lt] phoneme ids of the target text'),
      i64('pred_semantic', 3, '[1, 1, Tp] semantic tokens'),
      f32('ref_audio', 2, '[1, N] reference audio at 32 kHz'),
    ]),
  );
  const vitsOutput = firstFloatOutput(vits, ['audio']);
  if (!vitsOutput) problems.push(`${ROLES.vits}: no float32 output (audio at 32 kHz expected)`);

  const sslInput = ssl.inputs.length === 1 ? ssl.inputs[0] : undefined;
  if (!sslInput) problems.push(`${ROLES.ssl}: takes ${ssl.inputs.length} inputs; expected one (float32 [1, N] audio at 16 kHz)`);
  else problems.push(...compareValue('input', sslInput, f32(sslInput.name, 2, '[1, N] audio at 16 kHz')).map((m) => `${ROLES.ssl}: ${m}`));
  const sslOutput = firstFloatOutput(ssl, ['last_hidden_state', 'ssl_content']);
  if (!sslOutput) problems.push(`${ROLES.ssl}: no float32 output ([1, 768, T] features expected)`);
  else problems.push(...compareValue('output', sslOutput, f32(sslOutput.name, 3, '[1, 768, T] features')).map((m) => `${ROLES.ssl}: ${m}`));

  const bertSignature = signatures[ROLES.bert];
  const bert = bertSignature ? recogniseBert(ROLES.bert, bertSignature) : null;
  if (bert) problems.push(...bert.problems);

  if (problems.length > 0 || !caches || !sslInput || !sslOutput || !vitsOutput) return { layout: null, problems: problems.length > 0 ? problems : ['unrecognised GPT-SoVITS layout'] };
  return { layout: { caches, sampling, stepTakesXExample, ssl: { input: sslInput.name, output: sslOutput.name }, vitsOutput: vitsOutput.name, bert: bert?.layout ?? null }, problems: [] };
}
