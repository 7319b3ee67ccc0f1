/**
 * Splits text into sentences and clauses the way espeak-ng does for Piper: `. ? !` end a
 * sentence, `, : ;` end a clause, each only when followed by whitespace or the end of the
 * text (so "3.5" and "a,b" stay whole). Chinese full-width marks end clauses wherever they
 * stand, because Chinese puts no space after them. The npm phonemizer drops punctuation, so
 * the pipeline phonemises clause by clause and puts each clause's mark back itself.
 */

export type SentenceMark = '.' | '?' | '!';
export type ClauseMark = ',' | ':' | ';';
export type Terminator = SentenceMark | ClauseMark | '';

export interface Clause {
  /** The clause as written, its closing punctuation included (espeak reads "e.g." better with it). */
  text: string;
  /** The punctuation to put back after the clause's phonemes ('' at the end of unpunctuated text). */
  terminator: Terminator;
}

export interface Sentence {
  clauses: Clause[];
}

/** ASCII equivalents of full-width and CJK punctuation. */
const CJK_MARKS: Record<string, SentenceMark | ClauseMark> = {
  '。': '.',
  '．': '.',
  '？': '?',
  '！': '!',
  '，': ',',
  '、': ',',
  '：': ':',
  '；': ';',
};
const ASCII_MARKS = new Set(['.', '?', '!', ',', ':', ';']);
/** Closing quotes and brackets may sit between a mark and the space after it: `"Why?" he asked`. */
const CLOSERS = new Set(['"', "'", ')', ']', '}', '”', '’', '」', '』', '）']);

function markOf(char: string): SentenceMark | ClauseMark | undefined {
  if (ASCII_MARKS.has(char)) return char as SentenceMark | ClauseMark;
  return CJK_MARKS[char];
}

const isSentenceMark = (mark: Terminator): mark is SentenceMark => mark === '.' || mark === '?' || mark === '!';

/**
 * Sentences of clauses. A run of marks ("?!", "...") counts once: a run that contains a
 * sentence mark ends the sentence with the first such mark; otherwise the first clause mark
 * ends the clause.
 */
export function splitSentences(text: string): Sentence[] {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  const sentences: Sentence[] = [];
  let clauses: Clause[] = [];
  let start = 0;
  let i = 0;
  const closeClause = (end: number, terminator: Terminator): void => {
    const clauseText = chars.slice(start, end).join('').trim();
    if (/[\p{L}\p{N}]/u.test(clauseText)) clauses.push({ text: clauseText, terminator });
    else if (clauses.length > 0 && terminator !== '' && clauses[clauses.length - 1]!.terminator === '') {
      // Punctuation alone after a clause ("wait ...") belongs to that clause.
      clauses[clauses.length - 1]!.terminator = terminator;
    }
    start = end;
    if (isSentenceMark(terminator) && clauses.length > 0) {
      sentences.push({ clauses });
      clauses = [];
    }
  };
  while (i < chars.length) {
    const first = markOf(chars[i]!);
    if (!first) {
      i += 1;
      continue;
    }
    const cjk = CJK_MARKS[chars[i]!] !== undefined;
    let end = i;
    const run: Array<SentenceMark | ClauseMark> = [];
    while (end < chars.length && markOf(chars[end]!)) run.push(markOf(chars[end++]!)!);
    while (end < chars.length && CLOSERS.has(chars[end]!)) end += 1;
    const atBoundary = end >= chars.length || chars[end] === ' ' || cjk;
    if (!atBoundary) {
      i = end;
      continue;
    }
    const terminator = run.find(isSentenceMark) ?? run[0]!;
    closeClause(end, terminator);
    i = end;
  }
  closeClause(chars.length, '');
  if (clauses.length > 0) sentences.push({ clauses });
  return sentences;
}

/** Replaces full-width and CJK punctuation with its ASCII equivalent (for voices whose symbols are ASCII). */
export function asciiPunctuation(text: string): string {
  return Array.from(text, (c) => CJK_MARKS[c] ?? c).join('');
}
