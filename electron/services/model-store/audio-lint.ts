import type { LintFinding } from '../../api/index.js';

/** Decoded audio as audio-decode gives it: one Float32Array per channel. */
export interface DecodedAudio {
  sampleRate: number;
  channelData: Float32Array[];
}

export interface AudioFacts {
  durationSeconds: number;
  sampleRate: number;
  channels: number;
  peak: number;
  rmsDbfs: number;
  clippedFraction: number;
  leadingSilenceSeconds: number;
  trailingSilenceSeconds: number;
}

/** GPT-SoVITS refuses reference clips outside 3 to 10 seconds. */
export const REFERENCE_MIN_SECONDS = 3;
export const REFERENCE_MAX_SECONDS = 10;
const SILENCE_THRESHOLD = 10 ** (-45 / 20); // -45 dBFS
const CLIP_LEVEL = 0.999;

export function measureAudio(audio: DecodedAudio): AudioFacts {
  const channels = audio.channelData.length;
  const length = audio.channelData[0]?.length ?? 0;
  let peak = 0;
  let sumSquares = 0;
  let clipped = 0;
  let firstLoud = -1;
  let lastLoud = -1;
  for (let i = 0; i < length; i++) {
    let frameMax = 0;
    for (const channel of audio.channelData) {
      const value = Math.abs(channel[i]!);
      sumSquares += value * value;
      if (value >= CLIP_LEVEL) clipped++;
      if (value > frameMax) frameMax = value;
    }
    if (frameMax > peak) peak = frameMax;
    if (frameMax > SILENCE_THRESHOLD) {
      if (firstLoud < 0) firstLoud = i;
      lastLoud = i;
    }
  }
  const samples = Math.max(1, length * channels);
  const rms = Math.sqrt(sumSquares / samples);
  const seconds = (n: number): number => n / audio.sampleRate;
  return {
    durationSeconds: seconds(length),
    sampleRate: audio.sampleRate,
    channels,
    peak,
    rmsDbfs: rms > 0 ? 20 * Math.log10(rms) : -Infinity,
    clippedFraction: clipped / samples,
    leadingSilenceSeconds: firstLoud < 0 ? seconds(length) : seconds(firstLoud),
    trailingSilenceSeconds: lastLoud < 0 ? seconds(length) : seconds(length - 1 - lastLoud),
  };
}

/**
 * Judges a GPT-SoVITS reference clip. Errors refuse the import (the model cannot use the clip);
 * warnings are stored with the version and shown, because the clip works but may sound worse.
 */
export function lintReferenceClip(file: string, facts: AudioFacts): LintFinding[] {
  const findings: LintFinding[] = [];
  const add = (level: LintFinding['level'], code: string, message: string): void => {
    findings.push({ file, level, code, message });
  };
  const d = facts.durationSeconds.toFixed(1);
  if (facts.durationSeconds < REFERENCE_MIN_SECONDS || facts.durationSeconds > REFERENCE_MAX_SECONDS) {
    add('error', 'DURATION', `${d} s long; a reference clip must be ${REFERENCE_MIN_SECONDS} to ${REFERENCE_MAX_SECONDS} s`);
  }
  if (facts.peak <= SILENCE_THRESHOLD) {
    add('error', 'SILENT', 'the clip is silent');
  } else {
    if (facts.leadingSilenceSeconds > 1) add('warning', 'LEADING_SILENCE', `${facts.leadingSilenceSeconds.toFixed(1)} s of silence at the start`);
    if (facts.trailingSilenceSeconds > 1) add('warning', 'TRAILING_SILENCE', `${facts.trailingSilenceSeconds.toFixed(1)} s of silence at the end`);
    if (facts.rmsDbfs < -40) add('warning', 'QUIET', `very quiet (${facts.rmsDbfs.toFixed(0)} dBFS average)`);
  }
  if (facts.clippedFraction > 0.001) {
    add('warning', 'CLIPPING', `${(facts.clippedFraction * 100).toFixed(2)} % of samples are clipped`);
  }
  if (facts.sampleRate < 16000) add('warning', 'LOW_SAMPLE_RATE', `${facts.sampleRate} Hz; 32 kHz or more is best (16 kHz at least)`);
  if (facts.channels > 1) add('warning', 'STEREO', `${facts.channels} channels; it will be mixed down to mono`);
  return findings;
}
