/**
 * The encoder's `ref_bert` / `text_bert` [phones, 1024], as upstream's TextPreprocessor makes
 * them (get_bert_inf / get_bert_feature): for a Chinese segment, its normalised text goes
 * through the BERT graph ([CLS] + one token per character + [SEP]), the [CLS] and [SEP] rows are
 * dropped and each character's row is repeated word2ph times; every other segment, and every
 * segment when the voice has no BERT graph, gets zero rows. Segments are joined in order, so the
 * row count is the phone count.
 *
 * Our graph contract (upstream exports no BERT graph; this is what we ask of one): inputs
 * `input_ids` int64 [1, T], optionally `attention_mask` and `token_type_ids` int64 [1, T] (we
 * feed ones and zeros); the first float output of shape [1, T, 1024] or [T, 1024] is the
 * feature, taken by upstream from hidden_states[-3]: the export must output that layer.
 */
import { Tensor, type InferenceSession } from 'onnxruntime-node';
import { AppError } from '../../../electron/api/index.js';
import type { PhoneSegment } from '../../text/gpt-sovits/index.js';
import { bertInputIds, type BertVocab } from '../../text/gpt-sovits/bert-vocab.js';
import { compareValue, findValue, fixedLastDim, normaliseElementType } from '../graph-signature.js';
import type { GraphSignature } from '../pipeline.js';

export const BERT_DIMS = 1024;
const OPTIONAL_INPUTS = ['attention_mask', 'token_type_ids'] as const;
/**
 * BERT's position table has 512 entries: [CLS] + 510 characters + [SEP]. Upstream passes longer
 * text as is (and the model fails); we run such a segment in pieces of 510 characters instead.
 */
export const MAX_BERT_CHARACTERS = 510;

export interface BertLayout {
  /** Which optional inputs the graph takes. */
  attentionMask: boolean;
  tokenTypeIds: boolean;
  output: string;
}

/** A BERT graph, its recognised layout and the vocabulary to tokenise with. */
export interface BertRunner {
  session: InferenceSession;
  layout: BertLayout;
  vocab: BertVocab;
}

/** Checks a BERT graph against our contract; one message per mismatch, each naming the value. */
export function recogniseBert(role: string, signature: GraphSignature): { layout: BertLayout; problems: [] } | { layout: null; problems: string[] } {
  const problems: string[] = [];
  const idsProblems = compareValue('input', findValue(signature.inputs, 'input_ids'), { name: 'input_ids', type: 'int64', rank: 2, describe: '[1, T] token ids' });
  problems.push(...idsProblems);
  for (const name of OPTIONAL_INPUTS) {
    const value = findValue(signature.inputs, name);
    if (value) problems.push(...compareValue('input', value, { name, type: 'int64', rank: 2, describe: '[1, T]' }));
  }
  for (const value of signature.inputs) {
    if (value.name !== 'input_ids' && !(OPTIONAL_INPUTS as readonly string[]).includes(value.name)) {
      problems.push(`unexpected input \`${value.name}\` (a BERT graph takes input_ids and optionally attention_mask, token_type_ids)`);
    }
  }
  const floats = signature.outputs.filter((o) => normaliseElementType(o.type) === 'float32');
  const fits = (o: GraphSignature['outputs'][number]) => (o.shape.length === 3 || o.shape.length === 2) && (fixedLastDim(o) ?? BERT_DIMS) === BERT_DIMS;
  const output = floats.find(fits);
  if (!output) {
    const seen = floats.length === 0 ? 'no float32 output' : floats.map((o) => `\`${o.name}\` [${o.shape.join(', ')}]`).join(', ');
    problems.push(`no float32 output of shape [1, T, 1024] or [T, 1024] (the features, hidden_states[-3]); found ${seen}`);
  }
  if (problems.length > 0 || !output) return { layout: null, problems: problems.map((p) => `${role}: ${p}`) };
  return {
    layout: { attentionMask: findValue(signature.inputs, 'attention_mask') !== undefined, tokenTypeIds: findValue(signature.inputs, 'token_type_ids') !== undefined, output: output.name },
    problems: [],
  };
}

/**
 * One feature row per character of `text` ([CLS]/[SEP] rows dropped), [characters * 1024]; a
 * text over `maxCharacters` is run in pieces of that many characters.
 */
export async function characterFeatures(bert: BertRunner, text: string, maxCharacters = MAX_BERT_CHARACTERS): Promise<Float32Array> {
  const characters = Array.from(text);
  if (characters.length <= maxCharacters) return runPiece(bert, text);
  const features = new Float32Array(characters.length * BERT_DIMS);
  for (let start = 0; start < characters.length; start += maxCharacters) {
    features.set(await runPiece(bert, characters.slice(start, start + maxCharacters).join('')), start * BERT_DIMS);
  }
  return features;
}

async function runPiece(bert: BertRunner, text: string): Promise<Float32Array> {
  const ids = bertInputIds(text, bert.vocab);
  const shape = [1, ids.length];
  const feeds: Record<string, Tensor> = { input_ids: new Tensor('int64', BigInt64Array.from(ids, BigInt), shape) };
  if (bert.layout.attentionMask) feeds['attention_mask'] = new Tensor('int64', new BigInt64Array(ids.length).fill(1n), shape);
  if (bert.layout.tokenTypeIds) feeds['token_type_ids'] = new Tensor('int64', new BigInt64Array(ids.length), shape);
  let outputs;
  try {
    outputs = await bert.session.run(feeds, [bert.layout.output]);
  } catch (error) {
    throw new AppError('UNSUPPORTED_FORMAT', `the BERT graph failed to run: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const result = outputs[bert.layout.output];
  const dims = result?.dims ?? [];
  const rows = dims.length === 3 && dims[0] === 1 ? dims[1] : dims.length === 2 ? dims[0] : undefined;
  if (!(result instanceof Tensor) || result.type !== 'float32' || rows !== ids.length || dims.at(-1) !== BERT_DIMS) {
    throw new AppError('UNSUPPORTED_FORMAT', `the BERT graph answered ${result?.type ?? 'nothing'} [${dims.join(', ')}] for ${ids.length} tokens; expected float32 [1, ${ids.length}, ${BERT_DIMS}]`);
  }
  return (result.data as Float32Array).slice(BERT_DIMS, (ids.length - 1) * BERT_DIMS);
}

/**
 * [phones, 1024] for the segments' phones, in order: expanded BERT rows for Chinese segments
 * when `bert` is given, zeros otherwise.
 */
export async function bertFeatures(segments: readonly PhoneSegment[], bert: BertRunner | null): Promise<Tensor> {
  const phones = segments.reduce((n, s) => n + s.phoneIds.length, 0);
  const features = new Float32Array(phones * BERT_DIMS);
  let row = 0;
  for (const segment of segments) {
    if (bert && segment.language === 'zh') {
      const characters = Array.from(segment.normalizedText);
      if (characters.length !== segment.word2ph.length) {
        throw new AppError('INTERNAL', `BERT features: ${characters.length} characters but ${segment.word2ph.length} word2ph entries for "${segment.normalizedText}"`);
      }
      const expanded = segment.word2ph.reduce((a, b) => a + b, 0);
      if (expanded !== segment.phoneIds.length) {
        throw new AppError('INTERNAL', `BERT features: word2ph of "${segment.normalizedText}" sums to ${expanded} rows, not its ${segment.phoneIds.length} phones`);
      }
      const perCharacter = await characterFeatures(bert, segment.normalizedText);
      segment.word2ph.forEach((count, index) => {
        const source = perCharacter.subarray(index * BERT_DIMS, (index + 1) * BERT_DIMS);
        for (let r = 0; r < count; r++) features.set(source, (row + r) * BERT_DIMS);
        row += count;
      });
    } else row += segment.phoneIds.length;
  }
  return new Tensor('float32', features, [phones, BERT_DIMS]);
}
