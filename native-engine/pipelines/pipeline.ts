/**
 * What a pipeline is: the per-format code that turns a request (text, audio) into tensors,
 * runs the version's ONNX sessions and turns the outputs into a result (label and scores, a
 * WAV). Pipelines run inside the engine worker thread; they never touch the registry or the
 * network, only the files of the version they are given.
 */
import type { InferenceSession } from 'onnxruntime-node';
import type { ModelFormat } from '../../electron/api/index.js';

/** One ONNX file of a version, as the engine opened it. */
export interface OpenSession {
  role: string;
  path: string;
  session: InferenceSession;
}

/** A version as the worker sees it: its manifest and where each of its files is on disk. */
export interface VersionFiles {
  line: string;
  version: string;
  format: ModelFormat;
  /** The manifest's metadata (labels, reference texts, sample flag, featuriser settings, ...). */
  metadata: Record<string, unknown>;
  /** Absolute path of every file of the version, by its path inside the version. */
  files: Array<{ path: string; role: string; absolutePath: string }>;
}

/** Input and output names, element types and ranks, as onnxruntime reports them. */
export interface GraphSignature {
  inputs: Array<{ name: string; type: string; shape: Array<number | string> }>;
  outputs: Array<{ name: string; type: string; shape: Array<number | string> }>;
}

export interface TextEmotionRequest {
  kind: 'emotion-text';
  text: string;
}
export interface AudioEmotionRequest {
  kind: 'emotion-audio';
  /** Encoded audio (wav, mp3, flac, m4a). */
  audio: Uint8Array;
}
export interface SpeechRequest {
  kind: 'speech';
  text: string;
  lengthScale?: number;
  noiseScale?: number;
  noiseW?: number;
  speakerId?: number;
  /** GPT-SoVITS: the language of the text (default auto: Chinese and English segments). */
  language?: 'zh' | 'en' | 'auto';
  /** GPT-SoVITS with host sampling (decoders that output logits): the sampling settings. */
  topK?: number;
  topP?: number;
  temperature?: number;
  repetitionPenalty?: number;
  seed?: number;
}
export type PipelineRequest = TextEmotionRequest | AudioEmotionRequest | SpeechRequest;

export interface EmotionResult {
  kind: 'emotion';
  label: string;
  scores: Record<string, number>;
}
export interface SpeechResult {
  kind: 'speech';
  /** A complete 16-bit PCM mono WAV file. */
  wav: Uint8Array;
  sampleRate: number;
  samples: number;
  durationSeconds: number;
  /**
   * Voices that sample tokens (GPT-SoVITS): where sampling ran and the seed used. With 'graph'
   * the export samples inside its decoders, so the seed and sampling settings cannot be honoured.
   */
  sampling?: { where: 'host' | 'graph'; seed: number | null };
}
export type PipelineResult = EmotionResult | SpeechResult;

/**
 * A pipeline for one model format. `prepare` runs once when a version is loaded (parse the
 * config, build the featuriser); `run` handles one request with the prepared state.
 */
export interface Pipeline<State = unknown> {
  format: ModelFormat;
  /** Which requests it serves. */
  requestKinds: ReadonlyArray<PipelineRequest['kind']>;
  /** The roles of the version's files that are ONNX graphs to open as sessions. */
  sessionRoles: readonly string[];
  /**
   * Checks the graphs' names, element types and ranks against the format; returns one message
   * per mismatch (empty when the export is right). Used at import and at load.
   */
  checkSignature(signatures: Record<string, GraphSignature>): string[];
  prepare(version: VersionFiles): Promise<State>;
  run(sessions: Record<string, OpenSession>, state: State, request: PipelineRequest, signal: AbortSignal, onProgress?: (progress: PipelineProgress) => void): Promise<PipelineResult>;
}

/** How far a long request is (GPT-SoVITS decodes step by step): sentence i of n, step s of at most m. */
export interface PipelineProgress {
  sentence: number;
  sentences: number;
  step: number;
  maxSteps: number;
}
