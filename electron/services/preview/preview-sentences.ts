/**
 * A preview is spoken sentence by sentence so the first one can play while the rest are made.
 * The sentences come from the engine's own splitter (the one the Piper pipeline uses), so a
 * preview cuts text exactly where the voice would pause anyway.
 */
import { splitSentences } from '../../../native-engine/text/clause-splitter.js';

/**
 * At most this many engine calls per preview: a 500-character text of one-word sentences
 * must not cost the page's whole request budget (the console allows bursts of 20).
 */
export const MAX_PREVIEW_PARTS = 12;

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** Chinese needs no space between clauses; English does. */
function joinPieces(pieces: readonly string[]): string {
  let out = '';
  for (const piece of pieces) {
    if (out === '') out = piece;
    else out += CJK.test(out.at(-1)!) || CJK.test(piece[0]!) ? piece : ` ${piece}`;
  }
  return out;
}

/**
 * The text as the sentences to synthesise, in order. Sentences end at . ? ! and their
 * full-width forms (。？！), as in the engine; when there are more than `maxParts`, the first
 * stays alone (it starts the playback) and the rest are joined into evenly sized groups.
 */
export function previewSentences(text: string, maxParts = MAX_PREVIEW_PARTS): string[] {
  const sentences = splitSentences(text).map((s) => joinPieces(s.clauses.map((c) => c.text)));
  if (sentences.length <= maxParts || maxParts < 2) return maxParts < 2 ? [joinPieces(sentences)].filter(Boolean) : sentences;
  const [first, ...rest] = sentences;
  const groups = maxParts - 1;
  const out = [first!];
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * rest.length) / groups);
    const to = Math.floor(((g + 1) * rest.length) / groups);
    out.push(joinPieces(rest.slice(from, to)));
  }
  return out;
}
