import path from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultHeadlessDataDir, resolveDataDir } from './data-dir.js';

describe('data folder', () => {
  it('follows XDG_DATA_HOME on Linux and falls back to ~/.local/share', () => {
    expect(defaultHeadlessDataDir({ XDG_DATA_HOME: '/srv/data' }, 'linux')).toBe('/srv/data/voiceops');
    expect(defaultHeadlessDataDir({}, 'linux')).toBe(path.join(os.homedir(), '.local', 'share', 'voiceops'));
    // A relative XDG_DATA_HOME is invalid per the spec and ignored.
    expect(defaultHeadlessDataDir({ XDG_DATA_HOME: 'rel' }, 'linux')).toBe(path.join(os.homedir(), '.local', 'share', 'voiceops'));
  });

  it('uses %APPDATA% on Windows', () => {
    expect(defaultHeadlessDataDir({ APPDATA: 'C:\\Users\\it\\AppData\\Roaming' }, 'win32')).toContain('VoiceOps Admin');
  });

  it('prefers the flag, then VOICEOPS_DATA_DIR, then the default', () => {
    expect(resolveDataDir('/a', { VOICEOPS_DATA_DIR: '/b' })).toBe('/a');
    expect(resolveDataDir(undefined, { VOICEOPS_DATA_DIR: '/b' })).toBe('/b');
    expect(resolveDataDir(undefined, { XDG_DATA_HOME: '/x' })).toBe(path.resolve(defaultHeadlessDataDir({ XDG_DATA_HOME: '/x' })));
  });
});
