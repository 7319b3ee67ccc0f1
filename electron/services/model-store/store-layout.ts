import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the model store keeps things under the data folder. Blobs are named by their SHA-256
 * and never edited; everything else about a model lives in the registry (SQLite).
 */
export class StoreLayout {
  readonly blobs: string;
  readonly tmp: string;
  readonly incoming: string;
  readonly exports: string;

  constructor(readonly dataDir: string) {
    this.blobs = path.join(dataDir, 'blobs', 'sha256');
    this.tmp = path.join(dataDir, 'blobs', 'tmp');
    this.incoming = path.join(dataDir, 'incoming');
    this.exports = path.join(dataDir, 'exports');
  }

  ensure(): void {
    for (const dir of [this.blobs, this.tmp, this.incoming, this.exports]) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** blobs/sha256/ab/abcdef...: two-letter fan-out keeps folders small. */
  blobPath(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
    return path.join(this.blobs, sha256.slice(0, 2), sha256);
  }

  /** A temporary file of one import; the import id in the name lets a sweep find a dead import's leftovers. */
  tmpPath(importId: string, index: number): string {
    return path.join(this.tmp, `${importId}.${index}.part`);
  }
}

/** fsync a directory so a rename inside it survives a power cut. */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open directories; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
