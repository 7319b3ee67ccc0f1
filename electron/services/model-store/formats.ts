import fs from 'node:fs';
import { z } from 'zod';
import type { LintFinding, ModelFormat } from '../../api/index.js';
import { BertVocabError, parseBertVocab } from '../../../native-engine/text/gpt-sovits/bert-vocab.js';
import { checkOnnxHeader } from './onnx-header.js';
import type { SourceFile } from './import-source.js';

export const AUDIO_EXTENSIONS = ['.wav', '.mp3', '.m4a', '.flac'];
export const MAX_AUDIO_BYTES = 50 * 1024 * 1024;
const CHECKPOINT = /\.(ckpt|pth|pt|pkl|joblib)$/i;
const DOCUMENT = /(^|\/)(readme|license|model_card)[^/]*$|\.md$/i;
export const METADATA_FILE = 'voiceops.json';

/** Optional voiceops.json in an import folder: what the files cannot say about themselves. */
export const importMetadataSchema = z
  .object({
    training: z.record(z.string(), z.unknown()).optional(),
    metrics: z.record(z.string(), z.unknown()).optional(),
    labels: z.array(z.string().min(1)).optional(),
    referenceTexts: z.record(z.string(), z.string()).optional(),
    sample: z.boolean().optional(),
    note: z.string().max(2000).optional(),
    /** GPT-SoVITS: the language the reference clips speak (default auto: found segment by segment). */
    referenceLanguage: z.enum(['zh', 'en', 'auto']).optional(),
    /** GPT-SoVITS: the longest audio one sentence may become (the reference's max_sec, 54 s). */
    maxSeconds: z.number().min(1).max(54).optional(),
  })
  .strict();
export type ImportMetadata = z.infer<typeof importMetadataSchema>;

export interface ClassifiedFile extends SourceFile {
  role: string;
}

export interface Classification {
  files: ClassifiedFile[];
  findings: LintFinding[];
  metadata: ImportMetadata;
  labels: string[] | null;
  referenceTexts: Record<string, string>;
}

const ext = (p: string): string => (p.match(/\.[^./]+$/)?.[0] ?? '').toLowerCase();
const isAudio = (p: string): boolean => AUDIO_EXTENSIONS.includes(ext(p));

/** The role a file plays in a version of the given format; undefined for a file it has no use for. */
export function roleOf(format: ModelFormat, relative: string): string | undefined {
  const name = relative.toLowerCase();
  if (name === METADATA_FILE) return 'metadata';
  if (CHECKPOINT.test(name)) return 'checkpoint';
  if (DOCUMENT.test(name)) return 'document';
  switch (format) {
    case 'gpt-sovits-v2':
      if (name.endsWith('t2s_encoder.onnx')) return 't2s-encoder';
      if (name.endsWith('t2s_fsdec.onnx')) return 't2s-fsdec';
      if (name.endsWith('t2s_sdec.onnx')) return 't2s-sdec';
      if (name.endsWith('vits.onnx')) return 'vits';
      if (/(ssl|hubert)[^/]*\.onnx$/.test(name)) return 'ssl';
      if (/bert[^/]*\.onnx$/.test(name)) return 'bert';
      // The BERT tokenizer's vocabulary; checked before reference texts, which are .txt too.
      if (/(^|\/)vocab\.txt$/.test(name)) return 'bert-vocab';
      if (isAudio(name)) return 'reference-audio';
      if (/\.(txt|lab)$/.test(name)) return 'reference-text';
      if (name.endsWith('.json')) return 'config';
      return undefined;
    case 'piper':
      if (name.endsWith('.onnx.json')) return 'piper-config';
      if (name.endsWith('.onnx')) return 'piper-model';
      return undefined;
    case 'emotion-text':
    case 'emotion-audio':
      if (/(^|\/)labels\.(json|txt)$/.test(name)) return 'labels';
      if (name.endsWith('.onnx')) return 'emotion-model';
      if (/\.(json|txt|model)$/.test(name)) return 'tokenizer';
      return undefined;
    case 'pretrained':
      if (/\.(onnx|bin|safetensors|json|txt|model)$/.test(name)) return 'pretrained';
      return undefined;
  }
}

/** Which roles a format needs, and how many of each. */
const REQUIRED: Record<ModelFormat, Array<{ role: string; exactly?: number; atLeast?: number; atMost?: number }>> = {
  'gpt-sovits-v2': [
    { role: 't2s-encoder', exactly: 1 },
    { role: 't2s-fsdec', exactly: 1 },
    { role: 't2s-sdec', exactly: 1 },
    { role: 'vits', exactly: 1 },
    // chinese-hubert: shared by every voice, so stored once however many voices carry it.
    { role: 'ssl', exactly: 1 },
    // chinese-roberta and its vocab.txt: optional, shared like the SSL graph (stored by content).
    { role: 'bert', atMost: 1 },
    { role: 'bert-vocab', atMost: 1 },
    { role: 'reference-audio', atLeast: 1 },
  ],
  piper: [
    { role: 'piper-model', exactly: 1 },
    { role: 'piper-config', exactly: 1 },
  ],
  'emotion-text': [{ role: 'emotion-model', exactly: 1 }],
  'emotion-audio': [{ role: 'emotion-model', exactly: 1 }],
  pretrained: [{ role: 'pretrained', atLeast: 1 }],
};

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

function readLabels(file: ClassifiedFile): string[] {
  if (file.relative.toLowerCase().endsWith('.json')) {
    const parsed = z.array(z.string().min(1)).safeParse(readJson(file.absolute));
    if (!parsed.success) throw new Error('labels.json must be an array of label names');
    return parsed.data;
  }
  return fs.readFileSync(file.absolute, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

const piperConfigSchema = z.object({
  audio: z.object({ sample_rate: z.number().int().positive() }),
  phoneme_id_map: z.record(z.string(), z.array(z.number().int())),
  num_speakers: z.number().int().optional(),
});

/**
 * Checks that the files match the declared format before anything is copied: every file has
 * a role, every required role is there, ONNX files look like ONNX, configs and labels parse.
 * File-size and audio checks run after this (they need the settings and the worker).
 */
export function classifyFiles(format: ModelFormat, sources: SourceFile[]): Classification {
  const findings: LintFinding[] = [];
  const error = (file: string, code: string, message: string): void => {
    findings.push({ file, level: 'error', code, message });
  };
  const files: ClassifiedFile[] = [];
  for (const source of sources) {
    const role = roleOf(format, source.relative);
    if (!role) {
      error(source.relative, 'UNEXPECTED_FILE', `not part of a ${format} model (unknown kind of file)`);
      continue;
    }
    files.push({ ...source, role });
  }

  for (const need of REQUIRED[format]) {
    const count = files.filter((f) => f.role === need.role).length;
    if (need.exactly !== undefined && count !== need.exactly) {
      error('*', 'MISSING_FILE', `a ${format} model needs exactly ${need.exactly} ${need.role} file(s); found ${count}`);
    }
    if (need.atLeast !== undefined && count < need.atLeast) {
      error('*', 'MISSING_FILE', `a ${format} model needs at least ${need.atLeast} ${need.role} file(s); found ${count}`);
    }
    if (need.atMost !== undefined && count > need.atMost) {
      error('*', 'EXTRA_FILE', `a ${format} model takes at most ${need.atMost} ${need.role} file(s); found ${count}`);
    }
  }

  for (const file of files.filter((f) => f.relative.toLowerCase().endsWith('.onnx'))) {
    const header = checkOnnxHeader(file.absolute);
    if (!header.ok) error(file.relative, 'NOT_ONNX', header.reason);
  }

  let metadata: ImportMetadata = {};
  const metadataFile = files.find((f) => f.role === 'metadata');
  if (metadataFile) {
    try {
      const parsed = importMetadataSchema.safeParse(readJson(metadataFile.absolute));
      if (parsed.success) metadata = parsed.data;
      else error(metadataFile.relative, 'BAD_METADATA', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    } catch {
      error(metadataFile.relative, 'BAD_METADATA', 'not valid JSON');
    }
  }

  if (format === 'piper') {
    const config = files.find((f) => f.role === 'piper-config');
    const model = files.find((f) => f.role === 'piper-model');
    if (config && model && config.relative !== `${model.relative}.json`) {
      error(config.relative, 'CONFIG_NAME', `the config of ${model.relative} must be named ${model.relative}.json`);
    }
    if (config) {
      try {
        const parsed = piperConfigSchema.safeParse(readJson(config.absolute));
        if (!parsed.success) error(config.relative, 'BAD_CONFIG', 'not a Piper voice config (needs audio.sample_rate and phoneme_id_map)');
      } catch {
        error(config.relative, 'BAD_CONFIG', 'not valid JSON');
      }
    }
  }

  let labels: string[] | null = metadata.labels ?? null;
  if (format === 'emotion-text' || format === 'emotion-audio') {
    const labelFile = files.find((f) => f.role === 'labels');
    if (labelFile) {
      try {
        labels = readLabels(labelFile);
      } catch (e) {
        error(labelFile.relative, 'BAD_LABELS', e instanceof Error ? e.message : 'unreadable labels');
      }
    }
    if (!labels || labels.length < 2) error('*', 'MISSING_LABELS', 'an emotion model needs its labels (labels.json, labels.txt or "labels" in voiceops.json), at least 2');
  }

  const referenceTexts: Record<string, string> = { ...(metadata.referenceTexts ?? {}) };
  if (format === 'gpt-sovits-v2') findings.push(...checkBert(files));
  if (format === 'gpt-sovits-v2') {
    for (const clip of files.filter((f) => f.role === 'reference-audio')) {
      const stem = clip.relative.replace(/\.[^./]+$/, '');
      const sidecar = files.find((f) => f.role === 'reference-text' && (f.relative === `${stem}.txt` || f.relative === `${stem}.lab`));
      if (sidecar) referenceTexts[clip.relative] = fs.readFileSync(sidecar.absolute, 'utf8').trim();
      if (!referenceTexts[clip.relative]) {
        findings.push({ file: clip.relative, level: 'warning', code: 'NO_REFERENCE_TEXT', message: 'no reference text (what the clip says); add <clip>.txt' });
      }
      if (clip.size > MAX_AUDIO_BYTES) error(clip.relative, 'AUDIO_TOO_LARGE', `over ${MAX_AUDIO_BYTES / 1024 / 1024} MB`);
    }
  }
  return { files, findings, metadata, labels, referenceTexts };
}

/** A BERT graph needs its tokenizer's vocab.txt (the engine cannot tokenise without it), and the file must be one. */
function checkBert(files: ClassifiedFile[]): LintFinding[] {
  const bert = files.find((f) => f.role === 'bert');
  const vocab = files.find((f) => f.role === 'bert-vocab');
  if (bert && !vocab) {
    return [{ file: bert.relative, level: 'error', code: 'MISSING_BERT_VOCAB', message: "a BERT graph needs its tokenizer's vocab.txt (chinese-roberta-wwm-ext-large) next to it; add vocab.txt or leave the BERT graph out" }];
  }
  if (!vocab) return [];
  if (!bert) return [{ file: vocab.relative, level: 'warning', code: 'UNUSED_BERT_VOCAB', message: 'vocab.txt is only used with a BERT graph, and there is none' }];
  try {
    parseBertVocab(fs.readFileSync(vocab.absolute, 'utf8'));
    return [];
  } catch (e) {
    return [{ file: vocab.relative, level: 'error', code: 'BAD_BERT_VOCAB', message: e instanceof BertVocabError ? e.message : 'unreadable' }];
  }
}

/** The format a line's files most likely are, when the importer did not say. */
export function guessFormat(line: string, sources: SourceFile[]): ModelFormat {
  if (line === 'emotion/basic') return 'emotion-text';
  if (line === 'emotion/advanced') return 'emotion-audio';
  if (line.startsWith('pretrained/')) return 'pretrained';
  return sources.some((s) => s.relative.toLowerCase().endsWith('t2s_encoder.onnx')) ? 'gpt-sovits-v2' : 'piper';
}
