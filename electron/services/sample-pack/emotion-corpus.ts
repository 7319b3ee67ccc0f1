/**
 * The sample pack's labelled sentences (assets/sample-pack/emotion-corpus.tsv: label, lang,
 * sentence) and their fixed train/test split. The split is stratified by label and language
 * and decided by a seeded hash of each sentence (the lowest hashes of each group are held
 * out), so it is the same on every machine and for every install.
 */
import fs from 'node:fs';
import { fnv1a32 } from '../../../native-engine/text/char-ngram-features.js';

export const EMOTION_LABELS = ['neutral', 'satisfied', 'frustrated', 'angry'] as const;
export const CORPUS_LANGUAGES = ['en', 'zh-TW'] as const;
export type EmotionLabel = (typeof EMOTION_LABELS)[number];

export interface CorpusRow {
  label: EmotionLabel;
  lang: (typeof CORPUS_LANGUAGES)[number];
  text: string;
}

export function parseCorpus(tsv: string, source = 'corpus'): CorpusRow[] {
  const rows: CorpusRow[] = [];
  tsv.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [label, lang, text, ...rest] = line.split('\t');
    const where = `${source}:${index + 1}`;
    if (rest.length > 0 || text === undefined || text.trim() === '') throw new Error(`${where}: expected label<TAB>lang<TAB>sentence`);
    if (!(EMOTION_LABELS as readonly string[]).includes(label!)) throw new Error(`${where}: unknown label "${label}"`);
    if (!(CORPUS_LANGUAGES as readonly string[]).includes(lang!)) throw new Error(`${where}: unknown language "${lang}"`);
    rows.push({ label: label as EmotionLabel, lang: lang as CorpusRow['lang'], text: text.trim() });
  });
  return rows;
}

export function readCorpus(file: string): CorpusRow[] {
  return parseCorpus(fs.readFileSync(file, 'utf8'), file);
}

export interface CorpusSplit {
  train: CorpusRow[];
  test: CorpusRow[];
}

/** Puts `testFraction` of every (label, language) group in the test split; the rest trains. */
export function splitCorpus(rows: readonly CorpusRow[], seed: number, testFraction = 0.2): CorpusSplit {
  const groups = new Map<string, CorpusRow[]>();
  for (const row of rows) {
    const key = `${row.label}|${row.lang}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const train: CorpusRow[] = [];
  const test: CorpusRow[] = [];
  for (const key of [...groups.keys()].sort()) {
    const ranked = [...groups.get(key)!].sort((a, b) => fnv1a32(`${seed}:${a.text}`) - fnv1a32(`${seed}:${b.text}`) || a.text.localeCompare(b.text));
    const testCount = Math.round(ranked.length * testFraction);
    test.push(...ranked.slice(0, testCount));
    train.push(...ranked.slice(testCount));
  }
  return { train, test };
}
