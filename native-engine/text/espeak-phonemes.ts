/**
 * Text to Piper phonemes for `phoneme_type: espeak` voices, through the npm `phonemizer`
 * (espeak-ng compiled to WebAssembly). Piper's own front end asks espeak-ng clause by clause
 * and appends each clause's punctuation; phonemizer returns clauses without punctuation and
 * without saying where the clauses ended, so we split the clauses ourselves
 * (clause-splitter.ts), phonemise each, and put the mark back: `. ? !` as is, `, : ;`
 * followed by a space, as Piper does. Phonemes are NFD-decomposed and split into code points.
 */
import { list_voices, phonemize } from 'phonemizer';
import { splitSentences, type Terminator } from './clause-splitter.js';

let voiceNames: Promise<Set<string>> | undefined;

/** The espeak voice names this phonemizer build knows (English only: en, en-us, en-gb, ...). */
export function availableEspeakVoices(): Promise<Set<string>> {
  // phonemizer's typings declare one voice; it resolves to a list.
  type Voice = Awaited<ReturnType<typeof list_voices>>;
  voiceNames ??= (list_voices() as unknown as Promise<Voice[]>).then((voices) => {
    const names = new Set<string>();
    for (const voice of voices) {
      names.add(voice.identifier.toLowerCase());
      names.add(voice.identifier.split('/').pop()!.toLowerCase());
      for (const language of voice.languages) names.add(language.name.toLowerCase());
    }
    return names;
  });
  return voiceNames;
}

export async function isEspeakVoiceAvailable(voice: string): Promise<boolean> {
  return (await availableEspeakVoices()).has(voice.toLowerCase());
}

/** What Piper appends after a clause's phonemes. */
function punctuationAfter(terminator: Terminator): string[] {
  switch (terminator) {
    case '.':
    case '?':
    case '!':
      return [terminator];
    case ',':
    case ':':
    case ';':
      return [terminator, ' '];
    case '':
      return [];
  }
}

/** Code points of the NFD form: "ɜː" -> ["ɜ", "ː"], "ç" -> ["c", "̧"]. */
export function codePoints(text: string): string[] {
  return Array.from(text.normalize('NFD'));
}

/**
 * Phonemes per sentence. A clause that espeak splits further (abbreviations) comes back as
 * several pieces; they are joined with a space, as espeak joins words.
 */
export async function espeakPhonemes(text: string, voice: string): Promise<string[][]> {
  const sentences: string[][] = [];
  for (const sentence of splitSentences(text)) {
    const phonemes: string[] = [];
    for (const clause of sentence.clauses) {
      const pieces = await phonemize(clause.text, voice);
      const spoken = pieces.map((p) => p.trim()).filter(Boolean).join(' ');
      phonemes.push(...codePoints(spoken), ...punctuationAfter(clause.terminator));
    }
    // A trailing space after the last clause mark carries no sound; Piper has none there either.
    while (phonemes[phonemes.length - 1] === ' ') phonemes.pop();
    if (phonemes.length > 0) sentences.push(phonemes);
  }
  return sentences;
}
