import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from './api/index.js';

describe('preload bridge', () => {
  const source = fs.readFileSync(new URL('./preload.cts', import.meta.url), 'utf8');

  it('uses the contract channel names (a sandboxed preload cannot import them)', () => {
    expect(source).toContain(`'${IPC_INVOKE_CHANNEL}'`);
    expect(source).toContain(`'${IPC_EVENT_CHANNEL}'`);
  });

  it('requires nothing but electron and exposes only invoke and onEvent', () => {
    const requires = [...source.matchAll(/require\('([^']+)'\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect(source).toMatch(/exposeInMainWorld\('voiceops', \{\s*invoke:/);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });
});
