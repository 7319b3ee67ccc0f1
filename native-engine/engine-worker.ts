/**
 * The engine's process: opens ONNX sessions (choosing the execution provider), keeps them in
 * the session cache and runs the pipelines. onnxruntime runs each inference on its own
 * threads, so several requests proceed at once; this process does the pre- and
 * post-processing (text front ends, WAV encoding) and never blocks the app. It is a child
 * process rather than a worker thread because a native crash in onnxruntime (or stopping it
 * mid-inference) takes down the whole process it runs in: here that is only the engine.
 */
import fs from 'node:fs';
import { AppError, isErrorCode } from '../electron/api/index.js';
import type { HostMessage, InferReply, WorkerMessage, WorkerSettings, WorkerStatus } from './engine-protocol.js';
import { ProviderSelector, type ProviderAttempt } from './execution-providers.js';
import { PIPELINES } from './pipelines/index.js';
import type { GraphSignature, OpenSession, Pipeline, PipelineProgress, PipelineRequest, VersionFiles } from './pipelines/pipeline.js';
import { SessionCache } from './session-cache.js';
import type { ExecutionProvider } from '../electron/api/index.js';

interface LoadedModel {
  pipeline: Pipeline;
  sessions: Record<string, OpenSession>;
  state: unknown;
  provider: ExecutionProvider;
  fallbacks: ProviderAttempt[];
}

let settings: WorkerSettings = { providerOrder: ['cpu'], cpuThreads: 4, cacheBudgetBytes: 1e9 };
const providers = new ProviderSelector();
const cache = new SessionCache<LoadedModel>(settings.cacheBudgetBytes, async (model) => {
  for (const open of Object.values(model.sessions)) await open.session.release();
});
const cancels = new Map<number, AbortController>();
const PROGRESS_INTERVAL_MS = 100;

function send(message: WorkerMessage): void {
  process.send?.(message);
}

function pipelineFor(version: VersionFiles): Pipeline {
  const pipeline = PIPELINES[version.format];
  if (!pipeline) throw new AppError('UNSUPPORTED_FORMAT', `no pipeline runs ${version.format} models yet (${version.line} ${version.version})`);
  return pipeline;
}

function sessionFiles(pipeline: Pipeline, version: VersionFiles) {
  return version.files.filter((f) => pipeline.sessionRoles.includes(f.role));
}

function cacheKey(version: VersionFiles): string {
  return `${version.line}@${version.version}:${version.files.map((f) => f.absolutePath).sort().join('|')}`;
}

function signatureOf(open: OpenSession): GraphSignature {
  const meta = (list: readonly unknown[]) =>
    list.map((m) => {
      const item = m as { name: string; type?: string; shape?: Array<number | string> };
      return { name: item.name, type: item.type ?? 'unknown', shape: item.shape ?? [] };
    });
  return { inputs: meta(open.session.inputMetadata), outputs: meta(open.session.outputMetadata) };
}

async function openVersion(version: VersionFiles, order: readonly ExecutionProvider[], serving = true): Promise<LoadedModel> {
  const pipeline = pipelineFor(version);
  const sessions: Record<string, OpenSession> = {};
  let provider: ExecutionProvider = 'cpu';
  let fallbacks: ProviderAttempt[] = [];
  try {
    for (const file of sessionFiles(pipeline, version)) {
      let opened;
      try {
        opened = await providers.open(file.absolutePath, { order, cpuThreads: settings.cpuThreads, serving });
      } catch (error) {
        throw new AppError('INTEGRITY_FAILED', `${file.path} of ${version.line} ${version.version} cannot be opened: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
      sessions[file.role] = { role: file.role, path: file.absolutePath, session: opened.session };
      provider = opened.provider;
      fallbacks = opened.fallbacks;
    }
    const mismatches = pipeline.checkSignature(Object.fromEntries(Object.entries(sessions).map(([role, open]) => [role, signatureOf(open)])));
    if (mismatches.length > 0) {
      throw new AppError('UNSUPPORTED_FORMAT', `${version.line} ${version.version} is not a valid ${version.format} export: ${mismatches.join('; ')}`);
    }
    return { pipeline, sessions, state: await pipeline.prepare(version), provider, fallbacks };
  } catch (error) {
    for (const open of Object.values(sessions)) await open.session.release();
    throw error;
  }
}

async function acquire(version: VersionFiles, countUse = true) {
  const bytes = sessionFiles(pipelineFor(version), version).reduce((sum, f) => sum + fs.statSync(f.absolutePath).size, 0);
  return cache.acquire(cacheKey(version), { line: version.line, version: version.version, bytes }, () => openVersion(version, settings.providerOrder), countUse);
}

async function infer(id: number, version: VersionFiles, request: PipelineRequest, countUse = true): Promise<InferReply> {
  const pipeline = pipelineFor(version);
  if (!pipeline.requestKinds.includes(request.kind)) {
    throw new AppError('UNSUPPORTED_FORMAT', `a ${version.format} model cannot serve a ${request.kind} request`);
  }
  const controller = new AbortController();
  cancels.set(id, controller);
  const { entry, hit } = await acquire(version, countUse);
  try {
    const started = performance.now();
    let lastProgress = 0;
    const onProgress = (progress: PipelineProgress): void => {
      // A decode step takes milliseconds: report about ten times a second, not every step.
      const now = performance.now();
      if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      send({ type: 'progress', id, progress });
    };
    const result = await entry.value.pipeline.run(entry.value.sessions, entry.value.state, request, controller.signal, onProgress);
    return {
      result,
      info: {
        provider: entry.value.provider,
        fallbacks: entry.value.fallbacks,
        cacheHit: hit,
        loadMs: hit ? null : entry.loadMs,
        inferenceMs: performance.now() - started,
      },
    };
  } finally {
    cancels.delete(id);
    cache.release(entry);
  }
}

function status(): WorkerStatus {
  return {
    cache: cache.stats(),
    loaded: cache.list().map((e) => ({
      line: e.line,
      version: e.version,
      bytes: e.bytes,
      loadMs: e.loadMs,
      uses: e.uses,
      lastUsed: e.lastUsed,
      provider: e.value.provider,
    })),
    providers: providers.report(settings.providerOrder),
  };
}

async function handle(message: HostMessage): Promise<unknown> {
  switch (message.type) {
    case 'configure':
      settings = message.settings;
      cache.setBudget(settings.cacheBudgetBytes);
      return null;
    case 'infer':
      return infer(message.id, message.version, message.request);
    case 'preload': {
      const { entry } = await acquire(message.version, false);
      cache.release(entry);
      if (message.warmUp) {
        try {
          await infer(message.id, message.version, message.warmUp, false);
        } catch (error) {
          // The model loaded; only the warm-up text did not suit it (a voice without those symbols).
          if (!(error instanceof AppError && error.code === 'VALIDATION_FAILED')) throw error;
        }
      }
      return { loadMs: entry.loadMs };
    }
    case 'check': {
      // Opened on the CPU, outside the cache: an import check must not evict models in use.
      const model = await openVersion(message.version, ['cpu'], false);
      for (const open of Object.values(model.sessions)) await open.session.release();
      return null;
    }
    case 'unload':
      return cache.unload((e) => e.line === message.line && e.version !== message.keepVersion);
    case 'cancel':
      cancels.get(message.id)?.abort();
      return null;
    case 'status':
      return status();
  }
}

// The app went away (even by a crash): the engine has nobody to serve.
process.on('disconnect', () => process.exit(0));

process.on('message', (message: HostMessage) => {
  const id = 'id' in message ? message.id : -1;
  handle(message).then(
    (value) => {
      if (id >= 0) send({ type: 'done', id, value });
    },
    (error: unknown) => {
      if (id < 0) return;
      if (error instanceof AppError) send({ type: 'failed', id, code: error.code, message: error.message });
      else {
        const code = (error as { code?: unknown }).code;
        send({ type: 'failed', id, code: isErrorCode(code) ? code : 'INTERNAL', message: error instanceof Error ? error.message : String(error) });
      }
    },
  );
});

setInterval(() => cache.expireIdle(), 60_000).unref();
