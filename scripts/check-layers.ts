/**
 * The layering rules of docs/architecture.md, checked on every import of every source file
 * (static, dynamic and require). Run by scripts/check-layers.test.ts in `npm test`; run it
 * alone with `npx tsx scripts/check-layers.ts`.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface LayerViolation {
  file: string;
  specifier: string;
  rule: string;
}

const SOURCE = /\.(ts|tsx|cts|mts)$/;
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/** The only files allowed to import 'electron' (the Electron-only shell around the services). */
const ELECTRON_SHELL = ['electron/main.ts', 'electron/window.ts', 'electron/ipc.ts', 'electron/preload.cts'];
/** Packages the API layer may use: schemas only. */
const API_PACKAGES = new Set(['zod']);

function listSources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(full);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((imported) => imported.fileName);
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export function findLayerViolations(root: string): LayerViolation[] {
  const at = (...parts: string[]): string => path.join(root, ...parts);
  const violations: LayerViolation[] = [];
  const files = [...listSources(at('electron')), ...listSources(at('native-engine')), ...listSources(at('renderer'))];
  for (const file of files) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const isTest = /\.test\.tsx?$/.test(rel) || rel.includes('/test-support/');
    for (const specifier of importsOf(file)) {
      const relative = specifier.startsWith('.');
      const target = relative ? path.resolve(path.dirname(file), specifier) : undefined;
      const report = (rule: string): void => {
        violations.push({ file: rel, specifier, rule });
      };

      if (specifier === 'electron' && !ELECTRON_SHELL.includes(rel)) {
        report(`only ${ELECTRON_SHELL.join(', ')} may import 'electron'`);
      }
      if (rel.startsWith('electron/api/')) {
        if (target ? !isInside(target, at('electron', 'api')) : !API_PACKAGES.has(packageName(specifier))) {
          report('electron/api imports nothing of ours and no package but zod');
        }
      }
      if (rel.startsWith('renderer/') && !isTest) {
        if (NODE_BUILTINS.has(specifier) || specifier === 'electron') report('renderer never imports Node or Electron');
        if (target && !isInside(target, at('renderer')) && !isInside(target, at('electron', 'api'))) {
          report('renderer imports only its own files and electron/api');
        }
      }
      const testFixtures = isTest && target !== undefined && isInside(target, at('electron', 'test-support'));
      if (rel.startsWith('native-engine/') && target && !testFixtures && !isInside(target, at('native-engine')) && !isInside(target, at('electron', 'api'))) {
        report('native-engine imports only its own files and electron/api (its tests may use electron/test-support)');
      }
      if (!rel.startsWith('renderer/') && target && isInside(target, at('renderer'))) {
        report('nothing outside renderer imports the renderer');
      }
    }
  }
  return violations;
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (invokedDirectly) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const found = findLayerViolations(root);
  for (const v of found) console.error(`${v.file}: imports "${v.specifier}": ${v.rule}`);
  console.log(found.length === 0 ? 'layers: no violations' : `layers: ${found.length} violation(s)`);
  process.exitCode = found.length === 0 ? 0 : 1;
}
