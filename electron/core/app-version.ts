import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: { version: string; root: string } | undefined;

/** The app's package.json, found by walking up from this file (works from sources and from out/). */
function findPackage(): { version: string; root: string } {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'voiceops-admin' && pkg.version) {
        cached = { version: pkg.version, root: dir };
        return cached;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json of voiceops-admin not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export function appVersion(): string {
  return findPackage().version;
}

/** The folder holding package.json: the repository in development, the app folder when packaged. */
export function appRoot(): string {
  return findPackage().root;
}
