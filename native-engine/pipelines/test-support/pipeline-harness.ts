/**
 * Test helpers: real onnxruntime sessions over graphs written to real files, and the
 * VersionFiles a pipeline gets from the engine, built from a folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InferenceSession } from 'onnxruntime-node';
import type { ModelFormat } from '../../../electron/api/index.js';
import { readGraphSignature } from '../graph-signature.js';
import type { GraphSignature, OpenSession, Pipeline, PipelineRequest, PipelineResult, VersionFiles } from '../pipeline.js';

export function tempDir(prefix = 'voiceops-pipeline-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Every file of `dir` as a version file, with the role `roleOf` gives it. */
export function versionFromFolder(dir: string, format: ModelFormat, roleOf: (file: string) => string, metadata: Record<string, unknown> = {}): VersionFiles {
  const files = fs
    .readdirSync(dir)
    .sort()
    .map((file) => ({ path: file, role: roleOf(file), absolutePath: path.join(dir, file) }));
  return { line: 'test/line', version: '1.0.0', format, metadata, files };
}

export async function openSessions(version: VersionFiles, roles: readonly string[]): Promise<Record<string, OpenSession>> {
  const sessions: Record<string, OpenSession> = {};
  for (const file of version.files.filter((f) => roles.includes(f.role))) {
    sessions[file.role] = { role: file.role, path: file.absolutePath, session: await InferenceSession.create(file.absolutePath) };
  }
  return sessions;
}

export function signatures(sessions: Record<string, OpenSession>): Record<string, GraphSignature> {
  return Object.fromEntries(Object.entries(sessions).map(([role, open]) => [role, readGraphSignature(open.session)]));
}

/** What the engine does for one request: open, check the signature, prepare, run. */
export async function runOnce<S>(pipeline: Pipeline<S>, version: VersionFiles, request: PipelineRequest): Promise<PipelineResult> {
  const sessions = await openSessions(version, pipeline.sessionRoles);
  try {
    const problems = pipeline.checkSignature(signatures(sessions));
    if (problems.length > 0) throw new Error(`signature: ${problems.join('; ')}`);
    const state = await pipeline.prepare(version);
    return await pipeline.run(sessions, state, request, new AbortController().signal);
  } finally {
    for (const open of Object.values(sessions)) await open.session.release();
  }
}
