import { expect, type Page } from '@playwright/test';
import type { ConsoleServer } from './console-server.js';
import { cli } from './model-store.js';

/**
 * Installs the sample pack on the server's data folder through the `voiceops` command line (as
 * an admin at the workstation would): three sample staff members with Piper-contract voices and
 * a text emotion model. None of it spends the browser's rate-limit budget.
 */
export async function installSamplePack(server: ConsoleServer): Promise<void> {
  await cli(server, ['sample-pack', 'install']);
}

/** Signs in with the console opened on Voice Preview (optionally on one staff member). */
export async function signInAtPreview(page: Page, server: ConsoleServer, token: string, userName: string, staff?: string): Promise<void> {
  await page.goto(`${server.url}#/voice-preview${staff ? `/${staff}` : ''}`);
  await page.getByLabel('Sign-in token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('header-user-name')).toHaveText(userName);
  await expect(page.getByRole('heading', { level: 1, name: 'Voice Preview' })).toBeVisible();
}

/** Reads a WAV file's format and length from its header (RIFF/WAVE, fmt, data chunks). */
export function wavInfo(bytes: Buffer): { sampleRate: number; channels: number; bitsPerSample: number; seconds: number } {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let offset = 12;
  let format: { sampleRate: number; channels: number; bitsPerSample: number } | undefined;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      format = { channels: bytes.readUInt16LE(offset + 10), sampleRate: bytes.readUInt32LE(offset + 12), bitsPerSample: bytes.readUInt16LE(offset + 22) };
    }
    if (id === 'data') {
      if (!format) throw new Error('data chunk before fmt chunk');
      const frames = size / (format.channels * (format.bitsPerSample / 8));
      return { ...format, seconds: frames / format.sampleRate };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}

/** Collects the page's Content-Security-Policy reports from the console. */
export function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}
