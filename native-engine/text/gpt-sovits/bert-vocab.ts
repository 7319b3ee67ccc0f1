/**
 * The WordPiece vocabulary of chinese-roberta-wwm-ext-large (vocab.txt, one token a line, id =
 * line index; 21128 lines in the real one), and the tokenisation GPT-SoVITS needs from it. The
 * text BERT sees is a Chinese segment's normalised text: Han characters and the front end's
 * ASCII marks. BERT's basic tokenizer splits every CJK character and every punctuation mark into
 * its own token, so for that text a token is a character (after lower-casing, as the model is
 * uncased), and a character missing from the vocabulary becomes [UNK]. That one-token-per-
 * character rule is what lets the features be expanded with the front end's word2ph.
 */

export interface BertVocab {
  ids: ReadonlyMap<string, number>;
  size: number;
  cls: number;
  sep: number;
  unk: number;
}

export class BertVocabError extends Error {}

/** Parses vocab.txt; refuses one without the special tokens BERT input needs. */
export function parseBertVocab(text: string): BertVocab {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const ids = new Map<string, number>();
  // The first occurrence wins, as in the reference tokenizer's load_vocab.
  lines.forEach((token, index) => {
    if (!ids.has(token)) ids.set(token, index);
  });
  const special = (token: string): number => {
    const id = ids.get(token);
    if (id === undefined) throw new BertVocabError(`not a BERT vocab.txt: no ${token} line (${lines.length} lines read)`);
    return id;
  };
  return { ids, size: lines.length, cls: special('[CLS]'), sep: special('[SEP]'), unk: special('[UNK]') };
}

/** The vocabulary id of each character of `text` (code points; unknown ones give [UNK]). */
export function characterIds(text: string, vocab: BertVocab): number[] {
  return Array.from(text, (char) => vocab.ids.get(char.toLowerCase()) ?? vocab.unk);
}

/** BERT input ids for one normalised Chinese segment: [CLS], one id per character, [SEP]. */
export function bertInputIds(text: string, vocab: BertVocab): number[] {
  return [vocab.cls, ...characterIds(text, vocab), vocab.sep];
}
