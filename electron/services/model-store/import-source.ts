import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/index.js';

export interface SourceFile {
  /** Absolute path on disk. */
  absolute: string;
  /** Path inside the version, with forward slashes (what the manifest records). */
  relative: string;
  size: number;
}

const MAX_DEPTH = 4;
const MAX_FILES = 500;

/**
 * Lists the files of an import source: a folder (walked, hidden files skipped) or one file
 * (plus its Piper config "<file>.json" beside it). Links are refused, not followed: a link
 * could point anywhere on the machine.
 */
export function listSourceFiles(source: string): SourceFile[] {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(source);
  } catch {
    throw new AppError('NOT_FOUND', `nothing to import at ${source}`, 'path');
  }
  if (stat.isSymbolicLink()) throw new AppError('VALIDATION_FAILED', `${source} is a link; links are not followed`, 'path');
  if (stat.isFile()) {
    const files = [{ absolute: source, relative: path.basename(source), size: stat.size }];
    const config = `${source}.json`;
    if (source.endsWith('.onnx') && fs.existsSync(config) && fs.lstatSync(config).isFile()) {
      files.push({ absolute: config, relative: path.basename(config), size: fs.statSync(config).size });
    }
    return files;
  }
  if (!stat.isDirectory()) throw new AppError('VALIDATION_FAILED', `${source} is neither a file nor a folder`, 'path');

  const found: SourceFile[] = [];
  const walk = (dir: string, prefix: string, depth: number): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const absolute = path.join(dir, entry.name);
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        throw new AppError('VALIDATION_FAILED', `${relative} is a link; links are not followed`, 'path');
      }
      if (entry.isDirectory()) {
        if (depth >= MAX_DEPTH) throw new AppError('VALIDATION_FAILED', `${relative}: folders nested too deep`, 'path');
        walk(absolute, relative, depth + 1);
      } else if (entry.isFile()) {
        found.push({ absolute, relative, size: fs.statSync(absolute).size });
        if (found.length > MAX_FILES) throw new AppError('VALIDATION_FAILED', `more than ${MAX_FILES} files`, 'path');
      }
    }
  };
  walk(source, '', 0);
  if (found.length === 0) throw new AppError('VALIDATION_FAILED', `${source} holds no files`, 'path');
  return found;
}

/** A relative name inside a folder the server controls: no traversal, no absolute path, no drive. */
export const SAFE_RELATIVE_PATH = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/;

/**
 * The headless console may only import from <data>/incoming (an admin copies files there over
 * SSH or uploads them); the CLI and the desktop window, run by the person at the workstation,
 * may name any path. The resolved real path must stay inside incoming even through links.
 */
export function resolveClientPath(requested: string, incomingDir: string, anyPath: boolean): string {
  if (anyPath) return path.resolve(requested);
  if (!SAFE_RELATIVE_PATH.test(requested) || requested.split('/').includes('..')) {
    throw new AppError('VALIDATION_FAILED', 'must be a name inside the incoming folder (no "..", no absolute path)', 'path');
  }
  const candidate = path.resolve(incomingDir, requested);
  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    throw new AppError('NOT_FOUND', `no "${requested}" in the incoming folder`, 'path');
  }
  const root = fs.realpathSync(incomingDir);
  if (real !== root && !real.startsWith(root + path.sep)) {
    throw new AppError('VALIDATION_FAILED', `"${requested}" leads outside the incoming folder`, 'path');
  }
  return real;
}
