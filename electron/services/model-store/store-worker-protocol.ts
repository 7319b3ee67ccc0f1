import type { LintFinding } from '../../api/index.js';
import type { AudioFacts } from './audio-lint.js';

/** Messages between the model store and its worker thread. */
export type WorkerTask =
  | { op: 'copy-hash'; source: string; target: string }
  | { op: 'copy-verify'; source: string; target: string; durable: boolean }
  | { op: 'hash'; file: string }
  | { op: 'lint-audio'; file: string; label: string };

export type WorkerRequest = WorkerTask & { taskId: number };

export type WorkerResult =
  | { op: 'copy-hash'; sha256: string; size: number }
  | { op: 'copy-verify'; sha256: string; size: number }
  | { op: 'hash'; sha256: string; size: number }
  | { op: 'lint-audio'; facts: AudioFacts | null; findings: LintFinding[] };

export type WorkerResponse =
  | { taskId: number; kind: 'progress'; bytes: number }
  | { taskId: number; kind: 'done'; result: WorkerResult }
  | { taskId: number; kind: 'error'; code: string; message: string };
