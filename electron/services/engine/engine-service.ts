import { AppError, type EngineStatusReport } from '../../api/index.js';
import type { Logger } from '../../core/logger.js';
import { engineAvailability } from '../../../native-engine/engine-availability.js';
import { InferenceEngine, type InferenceLog } from '../../../native-engine/inference-engine.js';
import type { PipelineRequest, SpeechRequest, VersionFiles } from '../../../native-engine/pipelines/pipeline.js';
import type { AuditLog } from '../audit/audit-log.js';
import { parseManifest } from '../model-store/manifest.js';
import { activeVersionOf } from '../model-store/model-lines.js';
import type { ModelStore } from '../model-store/model-store.js';
import type { SettingsService } from '../settings/settings-service.js';

/** What a pipeline needs from a stored version: its manifest and the blob path of each file. */
export function versionFilesOf(store: ModelStore, line: string, version?: string): VersionFiles {
  const lineRow = store.repo.findLine(line);
  if (!lineRow) throw new AppError('NOT_FOUND', `no model line ${line}; import a version first`, 'line');
  const versions = store.repo.versions(line);
  const chosen = version ?? activeVersionOf(lineRow, versions);
  if (!chosen) throw new AppError('NOT_FOUND', `${line} has no active version`, 'line');
  const row = versions.find((v) => v.version === chosen);
  if (!row) throw new AppError('NOT_FOUND', `${line} has no version ${chosen}`, 'version');
  if (row.verifyState !== 'ok') throw new AppError('INTEGRITY_FAILED', `${line} ${chosen} has ${row.verifyState} files; it cannot be run`, 'version');
  const manifest = parseManifest(row.manifest);
  return {
    line,
    version: chosen,
    format: manifest.format,
    metadata: manifest.metadata as Record<string, unknown>,
    files: manifest.files.map((f) => ({ path: f.path, role: f.role, absolutePath: store.layout.blobPath(f.sha256) })),
  };
}

/** A speech request with only the options the caller gave (tts and previews share it). */
export function speechRequest(text: string, options: { [K in keyof Omit<SpeechRequest, 'kind' | 'text'>]?: SpeechRequest[K] | undefined }): SpeechRequest {
  const given = Object.entries(options).filter(([, value]) => value !== undefined);
  return { kind: 'speech', text, ...(Object.fromEntries(given) as Omit<SpeechRequest, 'kind' | 'text'>) };
}

/**
 * The inference engine of this process, started on first use (a `voiceops status` never
 * starts a worker). Logs one JSON line per inference and audits every model load.
 */
export interface PreloadState {
  line: string;
  version: string;
  state: 'loading' | 'ready' | 'failed';
  error: string | null;
}

/** A small request per kind of model, run once after loading so the first real request is fast. */
function warmUpFor(format: VersionFiles['format']): PipelineRequest | null {
  if (format === 'piper') return { kind: 'speech', text: 'Hello.' };
  if (format === 'emotion-text') return { kind: 'emotion-text', text: 'Hello.' };
  // Also computes the voice's SSL features, kept with the loaded version for every later request.
  if (format === 'gpt-sovits-v2') return { kind: 'speech', text: '您好。' };
  return null;
}

export class EngineService {
  private engine: InferenceEngine | undefined;
  private readonly preloads = new Map<string, PreloadState>();

  constructor(
    private readonly store: ModelStore,
    private readonly settings: SettingsService,
    private readonly logger: Logger,
    private readonly audit: AuditLog,
  ) {
    // New provider order, threads or budget reach the running engine at once.
    settings.onChange(() => this.engine?.reconfigure());
  }

  get(): InferenceEngine {
    this.engine ??= new InferenceEngine({
      settings: () => {
        const s = this.settings.getAll();
        return {
          providerOrder: s['engine.providerOrder'],
          cpuThreads: s['engine.cpuThreads'],
          cacheBudgetBytes: s['engine.cacheBudgetBytes'],
          maxConcurrent: s['engine.maxConcurrent'],
          queueLimit: s['engine.queueLimit'],
          timeoutMs: s['engine.timeoutMs'],
        };
      },
      onInference: (entry) => this.logInference(entry),
      onWorkerCrash: (reason) => this.logger.error({ reason }, 'inference engine process stopped; restarting'),
      // Kept in the log, not on the console: GPU probing prints expected failures.
      onDiagnostic: (line) => this.logger.info({ engineStderr: line.replace(/\x1b\[[0-9;]*m/g, '') }, 'engine diagnostic'),
    });
    return this.engine;
  }

  private logInference(entry: InferenceLog): void {
    const staff = entry.line.startsWith('voice/') ? entry.line.slice('voice/'.length) : null;
    this.logger.info({ inference: { line: entry.line, version: entry.version, staff, provider: entry.provider, ms: Math.round(entry.ms), success: entry.success, code: entry.code } }, 'inference');
    if (entry.loaded) {
      this.audit.record({ actor: 'engine', role: null, action: 'models.load', target: `line=${entry.line} version=${entry.version}`, success: true, origin: entry.provider ?? 'engine' });
    }
  }

  async run(line: string, version: string | undefined, request: PipelineRequest, signal?: AbortSignal) {
    const files = versionFilesOf(this.store, line, version);
    const reply = await this.get().infer(files, request, signal ? { signal } : {});
    return { files, reply };
  }

  /**
   * At start (console or desktop app): loads the active version of every line the engine can
   * run, and runs one warm-up request before reporting it ready. Runs in the background; the
   * state per line is in engine status.
   */
  async preloadActive(hasPipeline: (format: VersionFiles['format']) => boolean, warmUp: boolean): Promise<PreloadState[]> {
    const jobs: Array<Promise<void>> = [];
    for (const line of this.store.repo.lines()) {
      let files: VersionFiles;
      try {
        files = versionFilesOf(this.store, line.line);
      } catch {
        continue; // no healthy active version: nothing to preload
      }
      if (!hasPipeline(files.format)) continue;
      const state: PreloadState = { line: files.line, version: files.version, state: 'loading', error: null };
      this.preloads.set(files.line, state);
      jobs.push(
        this.get()
          .preload(files, warmUp ? warmUpFor(files.format) : null)
          .then(() => {
            state.state = 'ready';
          })
          .catch((error: unknown) => {
            state.state = 'failed';
            state.error = error instanceof Error ? error.message : String(error);
            this.logger.warn({ line: files.line, version: files.version, err: error }, 'preload failed');
          }),
      );
    }
    await Promise.all(jobs);
    return [...this.preloads.values()];
  }

  /** After promote, rollback or delete: the old version's sessions go. */
  async lineChanged(line: string): Promise<void> {
    if (!this.engine) return;
    const lineRow = this.store.repo.findLine(line);
    const active = lineRow ? activeVersionOf(lineRow, this.store.repo.versions(line)) : null;
    await this.engine.unloadLine(line, active);
  }

  async status(): Promise<EngineStatusReport> {
    const runtime = await engineAvailability();
    const base = { runtime: { available: runtime.available, version: runtime.version, error: runtime.error } };
    if (!this.engine) {
      const s = this.settings.getAll();
      return {
        ...base,
        providerOrder: s['engine.providerOrder'],
        providers: s['engine.providerOrder'].map((provider) => ({ provider, state: 'not tried yet' as const, reason: null })),
        queue: { running: 0, waiting: 0, maxConcurrent: s['engine.maxConcurrent'], queueLimit: s['engine.queueLimit'] },
        cache: { budgetBytes: s['engine.cacheBudgetBytes'], bytes: 0, entries: 0, hits: 0, misses: 0, evictions: 0, hitRate: null },
        loaded: [],
        metrics: [],
        workerRestarts: 0,
        started: false,
        preloads: [...this.preloads.values()],
      };
    }
    return { ...base, ...(await this.engine.status()), started: true, preloads: [...this.preloads.values()] };
  }

  async close(): Promise<void> {
    await this.engine?.close();
    this.engine = undefined;
  }
}
