import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { ApiCallError, ModelFormat } from '../../../../electron/api/index.js';
import { useJobProcedure } from '../../../api/job-hooks';
import { uploadFolder } from '../../../api/upload';
import { newUploadFolderName, type UploadPlan } from './upload-names';

/** Where the files of a new version come from. */
export type ImportSource =
  /** Headless console: a folder or file already in <data>/incoming (copied there over SSH, or uploaded before). */
  | { kind: 'incoming'; name: string }
  /** Headless console: files picked in the browser, uploaded into a new incoming folder first. */
  | { kind: 'upload'; plan: UploadPlan }
  /** Desktop window: a local folder or file, imported from where it is. */
  | { kind: 'local'; path: string };

export interface ImportRequest {
  source: ImportSource;
  line: string;
  version: string;
  format: ModelFormat | null;
}

export interface UploadState {
  loaded: number;
  total: number;
  fileIndex: number;
  fileCount: number;
  currentPath: string;
  rate: number | null;
  etaSeconds: number | null;
}

/**
 * Upload (when the files come from the browser), then the models.import job. A plan that was
 * uploaded already is not sent again when the import is retried (say, with another version).
 */
export function useImportFlow() {
  // A failed import registers nothing; an uploaded folder it was given stays in incoming.
  const job = useJobProcedure('models.import', undefined, ['incoming.list']);
  const [uploadState, setUploadState] = useState<UploadState | null>(null);
  const abort = useRef<AbortController | null>(null);
  const uploaded = useRef<{ plan: UploadPlan; folder: string } | null>(null);

  const upload = useMutation<string, ApiCallError, UploadPlan>({
    mutationFn: async (plan) => {
      if (uploaded.current?.plan === plan) return uploaded.current.folder;
      const folder = newUploadFolderName();
      const controller = new AbortController();
      abort.current = controller;
      const started = performance.now();
      await uploadFolder(folder, plan.items, {
        signal: controller.signal,
        onProgress: ({ loaded, total, fileIndex }) => {
          const seconds = (performance.now() - started) / 1000;
          const rate = seconds > 0.25 && loaded > 0 ? loaded / seconds : null;
          setUploadState({
            loaded,
            total,
            fileIndex,
            fileCount: plan.items.length,
            currentPath: plan.items[fileIndex]?.path ?? '',
            rate,
            etaSeconds: rate ? Math.round((total - loaded) / rate) : null,
          });
        },
      });
      uploaded.current = { plan, folder };
      return folder;
    },
  });

  async function run(request: ImportRequest): Promise<void> {
    job.reset();
    upload.reset();
    setUploadState(null);
    let path: string;
    if (request.source.kind === 'upload') {
      try {
        path = await upload.mutateAsync(request.source.plan);
      } catch {
        return;
      }
    } else {
      path = request.source.kind === 'incoming' ? request.source.name : request.source.path;
    }
    await job.start({ path, line: request.line, version: request.version, ...(request.format ? { format: request.format } : {}) });
  }

  function cancel(): void {
    if (upload.isPending) abort.current?.abort();
    else job.cancel();
  }

  return {
    run,
    cancel,
    job,
    uploading: upload.isPending,
    uploadState,
    uploadError: upload.error,
    /** The incoming folder the last upload went to (shown so an admin can find it over SSH). */
    uploadedFolder: uploaded.current?.folder ?? null,
    busy: upload.isPending || job.running,
  };
}
