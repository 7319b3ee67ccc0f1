import type { UploadItem } from '../../../api/upload';

/** What the upload route accepts per path segment: letters, digits, "_", "-", "." (no leading dot). */
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const MAX_PATH = 512;

export interface UploadPlan {
  items: UploadItem[];
  /** Names changed to be uploadable ("參考 01.wav" → "___01.wav"). */
  renamed: Array<{ from: string; to: string }>;
  /** Hidden files (".DS_Store") and files the server could not take. */
  skipped: string[];
  /** Two files that would get the same name: the upload is refused rather than silently lose one. */
  collisions: string[];
  totalBytes: number;
}

function safeSegment(segment: string): string {
  const replaced = segment.normalize('NFC').replace(/[^A-Za-z0-9_.-]/g, '_');
  return SAFE_SEGMENT.test(replaced) ? replaced : `_${replaced}`;
}

/**
 * The path of a picked file inside the upload folder. From a folder picker, webkitRelativePath
 * is "picked-folder/ref/clip01.wav": the picked folder's own name is dropped (the upload folder
 * takes its place) and sub-folders are kept, since reference audio lives in ref/.
 */
export function relativePathOf(file: File): string {
  const relative = file.webkitRelativePath;
  if (!relative) return file.name;
  const slash = relative.indexOf('/');
  return slash >= 0 ? relative.slice(slash + 1) : relative;
}

export function planUpload(files: readonly File[]): UploadPlan {
  const plan: UploadPlan = { items: [], renamed: [], skipped: [], collisions: [], totalBytes: 0 };
  const taken = new Map<string, string>();
  for (const file of files) {
    const original = relativePathOf(file);
    const segments = original.split('/').filter(Boolean);
    if (segments.length === 0 || segments.some((segment) => segment.startsWith('.'))) {
      plan.skipped.push(original);
      continue;
    }
    const safe = segments.map(safeSegment).join('/');
    if (safe.length > MAX_PATH) {
      plan.skipped.push(original);
      continue;
    }
    const previous = taken.get(safe.toLowerCase());
    if (previous !== undefined) {
      plan.collisions.push(`${previous} / ${original} → ${safe}`);
      continue;
    }
    taken.set(safe.toLowerCase(), original);
    if (safe !== original) plan.renamed.push({ from: original, to: safe });
    plan.items.push({ file, path: safe });
    plan.totalBytes += file.size;
  }
  return plan;
}

/** A folder name the upload route accepts and no earlier upload used: "upload-20250301-142233-k3f9". */
export function newUploadFolderName(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const random = Array.from(crypto.getRandomValues(new Uint8Array(3)), (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 4);
  return `upload-${stamp}-${random}`;
}
