/**
 * The clips of previews in <data>/voice_output: <id>.wav for a finished preview, and
 * <id>.part-<n>.wav for the sentences of one still being made. Every file is written under a
 * temporary name, fsynced and renamed, so a reader never sees half a clip.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import wavefile from 'wavefile';
import { AppError } from '../../api/index.js';
import { encodeWav16 } from '../../../native-engine/audio/wav-output.js';

export const VOICE_OUTPUT_DIR = 'voice_output';
/** Silence between sentences of one clip, as Piper puts between its sentences. */
export const SENTENCE_GAP_SECONDS = 0.2;
const TEMP_SUFFIX = '.tmp';

export class PreviewFiles {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, VOICE_OUTPUT_DIR);
  }

  ensure(): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  clipPath(id: string): string {
    return path.join(this.dir, `${id}.wav`);
  }

  partPath(id: string, index: number): string {
    return path.join(this.dir, `${id}.part-${index}.wav`);
  }

  /** Temporary name, fsync, rename: the file appears complete or not at all. */
  writeAtomic(file: string, bytes: Uint8Array): void {
    this.ensure();
    const temp = `${file}.${crypto.randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
    const fd = fs.openSync(temp, 'w', 0o600);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  }

  read(file: string): Buffer {
    try {
      return fs.readFileSync(file);
    } catch {
      throw new AppError('NOT_FOUND', 'the clip of this preview is no longer on disk (cleaned up)', 'id');
    }
  }

  /** The sentences of a preview joined into one WAV with a short gap between them. */
  joinParts(id: string, count: number): { wav: Uint8Array; sampleRate: number; durationSeconds: number } {
    let sampleRate = 0;
    const pieces: Int16Array[] = [];
    for (let i = 0; i < count; i++) {
      const wav = new wavefile.WaveFile();
      wav.fromBuffer(this.read(this.partPath(id, i)));
      const format = wav.fmt as { sampleRate: number; numChannels: number };
      if (i === 0) sampleRate = format.sampleRate;
      if (format.sampleRate !== sampleRate || format.numChannels !== 1 || wav.bitDepth !== '16') {
        throw new AppError('INTERNAL', `sentence ${i + 1} of preview ${id} is not 16-bit mono at ${sampleRate} Hz`);
      }
      if (i > 0) pieces.push(new Int16Array(Math.round(SENTENCE_GAP_SECONDS * sampleRate)));
      pieces.push(Int16Array.from(wav.getSamples(false, Int16Array) as unknown as ArrayLike<number>));
    }
    const total = pieces.reduce((sum, p) => sum + p.length, 0);
    const samples = new Int16Array(total);
    let offset = 0;
    for (const piece of pieces) {
      samples.set(piece, offset);
      offset += piece.length;
    }
    return { wav: encodeWav16(samples, sampleRate), sampleRate, durationSeconds: total / sampleRate };
  }

  removeParts(id: string): void {
    for (const name of this.list()) {
      if (name.startsWith(`${id}.part-`)) fs.rmSync(path.join(this.dir, name), { force: true });
    }
  }

  /** Every file of a preview: its clip, its sentences, its temporary files. */
  removeAll(id: string): number {
    let freed = 0;
    for (const name of this.list()) {
      if (name === `${id}.wav` || name.startsWith(`${id}.`)) freed += this.remove(name);
    }
    return freed;
  }

  list(): string[] {
    try {
      return fs.readdirSync(this.dir);
    } catch {
      return [];
    }
  }

  /** The preview id a file in voice_output belongs to, or null for a stranger. */
  static idOf(name: string): string | null {
    return /^([0-9a-f-]{36})\./.exec(name)?.[1] ?? null;
  }

  static isTemporary(name: string): boolean {
    return name.endsWith(TEMP_SUFFIX);
  }

  modifiedAt(name: string): number {
    try {
      return fs.statSync(path.join(this.dir, name)).mtimeMs;
    } catch {
      return 0;
    }
  }

  remove(name: string): number {
    const file = path.join(this.dir, name);
    try {
      const size = fs.statSync(file).size;
      fs.rmSync(file, { force: true });
      return size;
    } catch {
      return 0;
    }
  }
}
