import fs from 'node:fs';
import type { JobControl } from '../../core/jobs.js';
import type { FileState, ModelRepository } from '../../db/repositories/model-repository.js';
import type { StoreLayout } from './store-layout.js';
import { StoreWorker } from './store-worker-client.js';

export interface VerifyProblem {
  line: string;
  version: string;
  path: string;
  sha256: string;
  state: 'corrupt' | 'missing';
}

/**
 * Re-hashes every stored file (each blob once, however many versions share it) in the worker,
 * and marks files and versions corrupt or missing. A marked version cannot be promoted.
 */
export async function verifyStore(repo: ModelRepository, layout: StoreLayout, job: JobControl, line?: string, now = () => new Date()) {
  const versions = repo.versions(line);
  const filesByVersion = new Map(versions.map((v) => [v.id, repo.files(v.id)]));
  const digests = new Map<string, number>();
  for (const files of filesByVersion.values()) for (const f of files) digests.set(f.sha256, f.size);
  const total = [...digests.values()].reduce((a, b) => a + b, 0);

  const stateOf = new Map<string, FileState>();
  const worker = new StoreWorker(job.signal);
  let done = 0;
  try {
    for (const [digest, size] of digests) {
      job.throwIfCancelled();
      job.progress({ phase: `verifying ${digest.slice(0, 12)}`, done, total, unit: 'bytes' });
      const file = layout.blobPath(digest);
      if (!fs.existsSync(file)) stateOf.set(digest, 'missing');
      else {
        const { sha256 } = await worker.hash(file, (bytes) => job.progress({ done: done + bytes, total }));
        stateOf.set(digest, sha256 === digest ? 'ok' : 'corrupt');
      }
      done += size;
    }
  } finally {
    worker.close();
  }

  const problems: VerifyProblem[] = [];
  const at = now().toISOString();
  repo.transaction(() => {
    for (const version of versions) {
      let versionState: FileState = 'ok';
      for (const file of filesByVersion.get(version.id) ?? []) {
        const state = stateOf.get(file.sha256) ?? 'missing';
        repo.setFileState(version.id, file.path, state);
        if (state !== 'ok') {
          problems.push({ line: version.line, version: version.version, path: file.path, sha256: file.sha256, state });
          if (versionState !== 'missing') versionState = state;
        }
      }
      repo.setVersionState(version.id, versionState, at);
    }
  });
  job.progress({ phase: 'done', done: total, total });
  return {
    checkedVersions: versions.length,
    checkedFiles: [...filesByVersion.values()].reduce((n, f) => n + f.length, 0),
    checkedBytes: total,
    problems,
  };
}
