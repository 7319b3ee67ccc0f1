import { ApiCallError, isErrorCode, type AppErrorData } from '../../electron/api/index.js';

/** One file to upload and its path inside the upload folder (forward slashes, safe segments). */
export interface UploadItem {
  file: Blob;
  path: string;
}

export interface UploadProgress {
  /** Bytes of every file sent so far. */
  loaded: number;
  total: number;
  /** Index into the items of the file being sent. */
  fileIndex: number;
}

export interface UploadOptions {
  signal: AbortSignal;
  onProgress(progress: UploadProgress): void;
}

/** How long to wait for one more request when the server says RATE_LIMITED without Retry-After. */
const DEFAULT_RETRY_SECONDS = 2;
const MAX_RATE_LIMIT_RETRIES = 30;

function cancelled(): ApiCallError {
  return new ApiCallError({ code: 'CANCELLED', message: 'the upload was cancelled' });
}

function readError(xhr: XMLHttpRequest): AppErrorData {
  try {
    const body = JSON.parse(xhr.responseText) as { ok?: boolean; error?: AppErrorData };
    if (body.error && isErrorCode(body.error.code)) return body.error;
  } catch {
    // Not JSON: described below by the HTTP status.
  }
  return { code: 'UNREACHABLE', message: `the upload was refused (HTTP ${xhr.status})` };
}

function wait(seconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, seconds * 1000);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** PUT /api/upload/<folder>/<path>: one request per file, raw bytes, with upload progress. */
function putFile(url: string, file: Blob, signal: AbortSignal, onLoaded: (bytes: number) => void): Promise<{ status: number; retryAfter: number | null; error: AppErrorData | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => onLoaded(event.loaded);
    xhr.onload = () => {
      const ok = xhr.status >= 200 && xhr.status < 300;
      const retry = Number(xhr.getResponseHeader('retry-after'));
      resolve({ status: xhr.status, retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null, error: ok ? null : readError(xhr) });
    };
    xhr.onerror = () => reject(new ApiCallError({ code: 'UNREACHABLE', message: 'the console server cannot be reached (upload failed)' }));
    xhr.onabort = () => reject(cancelled());
    const onAbort = (): void => xhr.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    xhr.onloadend = () => signal.removeEventListener('abort', onAbort);
    xhr.send(file);
  });
}

export function uploadUrl(folder: string, path: string): string {
  return `/api/upload/${encodeURIComponent(folder)}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Uploads files one after another into <data>/incoming/<folder>/ (headless console only).
 * A RATE_LIMITED answer is not a failure: a folder of 50 reference clips needs more requests
 * than the per-client burst, so the upload waits as long as the server asks, then goes on.
 */
export async function uploadFolder(folder: string, items: readonly UploadItem[], options: UploadOptions): Promise<void> {
  const total = items.reduce((sum, item) => sum + item.file.size, 0);
  let before = 0;
  for (const [fileIndex, item] of items.entries()) {
    let retries = 0;
    for (;;) {
      if (options.signal.aborted) throw cancelled();
      options.onProgress({ loaded: before, total, fileIndex });
      const answer = await putFile(uploadUrl(folder, item.path), item.file, options.signal, (bytes) =>
        options.onProgress({ loaded: before + Math.min(bytes, item.file.size), total, fileIndex }),
      );
      if (!answer.error) break;
      if (answer.error.code === 'RATE_LIMITED' && retries < MAX_RATE_LIMIT_RETRIES) {
        retries++;
        await wait(answer.retryAfter ?? DEFAULT_RETRY_SECONDS, options.signal);
        continue;
      }
      throw new ApiCallError({ ...answer.error, message: `${item.path}: ${answer.error.message}` });
    }
    before += item.file.size;
  }
  options.onProgress({ loaded: total, total, fileIndex: items.length - 1 });
}
