/** Messages between the engine host (main process side) and its worker thread. */
import type { ErrorCode, ExecutionProvider } from '../electron/api/index.js';
import type { PipelineProgress, PipelineRequest, PipelineResult, VersionFiles } from './pipelines/pipeline.js';
import type { CacheStats } from './session-cache.js';
import type { ProviderAttempt } from './execution-providers.js';

export interface WorkerSettings {
  providerOrder: ExecutionProvider[];
  cpuThreads: number;
  cacheBudgetBytes: number;
}

export type HostMessage =
  | { type: 'configure'; settings: WorkerSettings }
  | { type: 'infer'; id: number; version: VersionFiles; request: PipelineRequest }
  | { type: 'preload'; id: number; version: VersionFiles; warmUp: PipelineRequest | null }
  | { type: 'check'; id: number; version: VersionFiles }
  | { type: 'unload'; id: number; line: string; keepVersion: string | null }
  | { type: 'cancel'; id: number }
  | { type: 'status'; id: number };

export interface InferenceInfo {
  provider: ExecutionProvider;
  fallbacks: ProviderAttempt[];
  cacheHit: boolean;
  /** Time to open the sessions when this request loaded the model; null on a cache hit. */
  loadMs: number | null;
  inferenceMs: number;
}

export interface InferReply {
  result: PipelineResult;
  info: InferenceInfo;
}

export interface WorkerStatus {
  cache: CacheStats;
  loaded: Array<{ line: string; version: string; bytes: number; loadMs: number; uses: number; lastUsed: number; provider: ExecutionProvider }>;
  providers: Array<{ provider: ExecutionProvider; state: 'in use' | 'unavailable' | 'not tried yet'; reason: string | null }>;
}

export type WorkerMessage =
  | { type: 'done'; id: number; value: unknown }
  /** How far a long request is (at most about ten a second per request). */
  | { type: 'progress'; id: number; progress: PipelineProgress }
  | { type: 'failed'; id: number; code: ErrorCode; message: string };
