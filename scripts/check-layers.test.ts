import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../electron/test-support/temp-app.js';
import { findLayerViolations } from './check-layers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function tree(files: Record<string, string>): string {
  const temp = makeTempDir('voiceops-layers-');
  cleanup = temp.cleanup;
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(temp.dir, name)), { recursive: true });
    fs.writeFileSync(path.join(temp.dir, name), body);
  }
  return temp.dir;
}

describe('layering rules', () => {
  it('hold in this repository', () => {
    expect(findLayerViolations(repoRoot)).toEqual([]);
  });

  it('catch each kind of violation', () => {
    const root = tree({
      'electron/api/contract.ts': "import { x } from '../core/x.js';\nimport fs from 'node:fs';\nimport { z } from 'zod';",
      'electron/services/store.ts': "import { app } from 'electron';",
      'electron/core/lazy.ts': "const e = await import('electron');",
      'electron/main.ts': "import { app } from 'electron';",
      'renderer/page.tsx': "import fs from 'node:fs';\nimport { db } from '../electron/db/connection.js';\nimport { procedures } from '../electron/api/index.js';",
      'native-engine/pool.ts': "import { AuthService } from '../electron/services/auth/auth-service.js';",
      'electron/server/render.ts': "import { Page } from '../../renderer/page';",
    });
    const found = findLayerViolations(root).map((v) => `${v.file} -> ${v.specifier}`);
    expect(found.sort()).toEqual(
      [
        'electron/api/contract.ts -> ../core/x.js',
        'electron/api/contract.ts -> node:fs',
        'electron/services/store.ts -> electron',
        'electron/core/lazy.ts -> electron',
        'renderer/page.tsx -> node:fs',
        'renderer/page.tsx -> ../electron/db/connection.js',
        'native-engine/pool.ts -> ../electron/services/auth/auth-service.js',
        'electron/server/render.ts -> ../../renderer/page',
      ].sort(),
    );
  });
});
