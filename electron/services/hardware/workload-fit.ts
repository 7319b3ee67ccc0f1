/**
 * Whether the workload of N staff members fits this machine, from the brief's figures. Pure, so
 * the verdicts are table-tested (workload-fit.test.ts). Decimal GB, as the brief counts.
 */
import type { WorkloadFit } from '../../api/index.js';
import { GB } from './tier-requirements.js';

/** The brief's storage figures ("Storage estimate for 10 staff members … about 25 GB"). */
export const STORAGE_FIGURES = {
  pretrainedBytes: 2.5 * GB,
  /** Basic (about 50 MB) and advanced (about 1.2 GB) emotion models together. */
  emotionBytes: 1.25 * GB,
  /** GPT model 800 MB + SoVITS model 600 MB + reference audio, per member. */
  voiceBytesPerMember: 1.4 * GB,
  trainingAudioBytesPerMember: 0.5 * GB,
  cacheAndLogsBytes: 2 * GB,
} as const;

/** What sits in device memory while serving: the weights (reference audio stays on disk). */
export const LOADED_FIGURES = {
  pretrainedBytes: 2.5 * GB,
  emotionBytes: 1.25 * GB,
  /** GPT (semantic, about 800 MB) + SoVITS (synthesis, about 600 MB). */
  voiceBytes: 1.4 * GB,
} as const;

export interface FitInput {
  staffCount: number;
  freeBytes: number;
  /** A backup target on another disk takes the backups off this one. */
  backupsElsewhere: boolean;
  /** Memory of the largest GPU, null without one (then system memory is the budget). */
  gpuMemoryBytes: number | null;
  systemMemoryBytes: number;
  /** engine.gpuMemoryFraction (0.8 by default). */
  memoryFraction: number;
  /** engine.maxConcurrent: at most this many voices are in use at once. */
  maxConcurrent: number;
}

const gbText = (bytes: number): string => `${(bytes / GB).toFixed(1)} GB`;
/** "needs N GB more", rounded up to a tenth so the figure is never short. */
const shortText = (bytes: number): string => `${(Math.ceil((bytes / GB) * 10) / 10).toFixed(1)} GB`;

export function projectStorage(input: Pick<FitInput, 'staffCount' | 'freeBytes' | 'backupsElsewhere'>): WorkloadFit['storage'] {
  const n = input.staffCount;
  const f = STORAGE_FIGURES;
  const voices = f.voiceBytesPerMember * n;
  const items: WorkloadFit['storage']['items'] = [
    { id: 'pretrained', bytes: f.pretrainedBytes },
    { id: 'emotion', bytes: f.emotionBytes },
    { id: 'voices', bytes: voices },
    { id: 'training-audio', bytes: f.trainingAudioBytesPerMember * n },
    { id: 'cache-and-logs', bytes: f.cacheAndLogsBytes },
  ];
  const neededBytes = items.reduce((sum, item) => sum + item.bytes, 0);
  // A backup holds the models (shared and personal) once; later backups add only what changed.
  const backupBytes = f.pretrainedBytes + f.emotionBytes + voices;
  items.push({ id: 'backups', bytes: backupBytes });
  const free = input.freeBytes;
  const withBackups = neededBytes + (input.backupsElsewhere ? 0 : backupBytes);
  const base = { items, neededBytes, backupBytes, backupsElsewhere: input.backupsElsewhere, freeBytes: free };
  if (free >= withBackups) {
    const where = input.backupsElsewhere ? ' (backups go to another disk)' : ', backups included';
    return { ...base, verdict: 'fits', shortBytes: 0, message: `fits: ${n} staff members need ${gbText(withBackups)}${where}; ${gbText(free)} free` };
  }
  if (free >= neededBytes) {
    return {
      ...base,
      verdict: 'fits-without-backups',
      shortBytes: withBackups - free,
      message: `fits without backups on this disk: ${gbText(neededBytes)} needed, ${gbText(free)} free; backups need ${gbText(backupBytes)} more, on another disk`,
    };
  }
  const short = neededBytes - free;
  return { ...base, verdict: 'needs-more', shortBytes: short, message: `needs ${shortText(short)} more: ${n} staff members need ${gbText(neededBytes)} without backups, ${gbText(free)} free` };
}

export function projectMemory(input: Omit<FitInput, 'freeBytes' | 'backupsElsewhere'>): WorkloadFit['memory'] {
  const voicesLoaded = Math.min(input.staffCount, input.maxConcurrent);
  const items: WorkloadFit['memory']['items'] = [
    { id: 'pretrained', bytes: LOADED_FIGURES.pretrainedBytes },
    { id: 'emotion', bytes: LOADED_FIGURES.emotionBytes },
    { id: 'voices', bytes: LOADED_FIGURES.voiceBytes * voicesLoaded },
  ];
  const neededBytes = items.reduce((sum, item) => sum + item.bytes, 0);
  const device = input.gpuMemoryBytes === null ? 'cpu' : 'gpu';
  const budgetBytes = (input.gpuMemoryBytes ?? input.systemMemoryBytes) * input.memoryFraction;
  const where = device === 'gpu' ? 'GPU memory' : 'memory (no GPU: models run on the CPU)';
  const fraction = `${Math.round(input.memoryFraction * 100)} %`;
  const base = { device, voicesLoaded, items, neededBytes, budgetBytes } as const;
  if (neededBytes <= budgetBytes) {
    return { ...base, verdict: 'fits', shortBytes: 0, message: `fits: ${voicesLoaded} voices with the shared models need ${gbText(neededBytes)} of ${gbText(budgetBytes)} ${where} (${fraction})` };
  }
  const short = neededBytes - budgetBytes;
  return {
    ...base,
    verdict: 'needs-more',
    shortBytes: short,
    message: `needs ${shortText(short)} more ${where}: ${voicesLoaded} voices with the shared models need ${gbText(neededBytes)}, ${fraction} of it is ${gbText(budgetBytes)}`,
  };
}

export function fitWorkload(input: FitInput): WorkloadFit {
  return { staffCount: input.staffCount, storage: projectStorage(input), memory: projectMemory(input) };
}
