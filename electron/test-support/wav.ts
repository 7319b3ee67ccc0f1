import fs from 'node:fs';

export interface ToneOptions {
  seconds: number;
  sampleRate?: number;
  channels?: number;
  /** Peak amplitude, 0..1 (1 or more clips). */
  amplitude?: number;
  frequency?: number;
  /** Silence before and after the tone. */
  leadingSilence?: number;
  trailingSilence?: number;
}

/** A 16-bit PCM WAV of a tone: test input for the reference-audio checks (decoding is the library's job). */
export function toneWav(options: ToneOptions): Buffer {
  const { seconds, sampleRate = 32000, channels = 1, amplitude = 0.5, frequency = 220, leadingSilence = 0, trailingSilence = 0 } = options;
  const frames = Math.round((leadingSilence + seconds + trailingSilence) * sampleRate);
  const data = Buffer.alloc(frames * channels * 2);
  for (let i = 0; i < frames; i++) {
    const t = i / sampleRate;
    const inTone = t >= leadingSilence && t < leadingSilence + seconds;
    const value = inTone ? Math.max(-1, Math.min(1, amplitude * Math.sin(2 * Math.PI * frequency * t))) : 0;
    for (let c = 0; c < channels; c++) data.writeInt16LE(Math.round(value * 32767), (i * channels + c) * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

export function writeToneWav(file: string, options: ToneOptions): void {
  fs.writeFileSync(file, toneWav(options));
}
