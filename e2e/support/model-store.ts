import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page } from '@playwright/test';
import { writeGptSovitsVoice, writePiperVoice } from '../../electron/test-support/model-fixtures.js';
import type { StubDecoderOptions } from '../../native-engine/pipelines/test-support/gpt-sovits-graphs.js';
import { REPO_ROOT, type ConsoleServer } from './console-server.js';

const run = promisify(execFile);
const CLI = path.join(REPO_ROOT, 'bin', 'voiceops.js');

/** The data folder a seeding helper works on: a running console's, or another installation's. */
export type DataFolder = Pick<ConsoleServer, 'dataDir'>;

/**
 * Seeds the model store through the `voiceops` command line on the server's data folder, as an
 * admin at the workstation would. Unlike API calls, this spends none of the browser's
 * rate-limit budget (all requests from 127.0.0.1 share one bucket).
 */
export async function cli<T = unknown>(server: DataFolder, args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [CLI, ...args, '--data-dir', server.dataDir, '--json'], { cwd: REPO_ROOT, timeout: 20_000 });
  return JSON.parse(stdout) as T;
}

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `voiceops-e2e-${prefix}-`));
}

export function seedStaff(server: DataFolder, code: string, name: string): Promise<unknown> {
  return cli(server, ['staff', 'add', code, '--name', name]);
}

/** Imports a small Piper voice as the given version (different gains give different files). */
export async function seedPiperVersion(server: DataFolder, code: string, version: string, gain = 1): Promise<void> {
  const dir = writePiperVoice(path.join(await tempDir('piper'), 'voice'), 'voice', { gain });
  await cli(server, ['models', 'import', dir, '--line', `voice/${code}`, '--version', version]);
}

/**
 * Imports a GPT-SoVITS voice with a reference clip (so the storage report has reference audio).
 * quiet: a very quiet clip without its text, which the import accepts with two lint warnings;
 * sample: the folder's voiceops.json marks it as sample data.
 */
export async function seedGptSovitsVersion(
  server: ConsoleServer,
  code: string,
  version: string,
  options: { quiet?: boolean; sample?: boolean; decoder?: StubDecoderOptions } = {},
): Promise<void> {
  const clip = options.quiet ? { seconds: 4, amplitude: 0.01 } : { seconds: 4, text: '您好，很高興為您服務。' };
  const dir = writeGptSovitsVoice(path.join(await tempDir('gs'), 'voice'), 'voice', [clip], options.decoder);
  if (options.sample) await fs.writeFile(path.join(dir, 'voiceops.json'), JSON.stringify({ sample: true }));
  await cli(server, ['models', 'import', dir, '--line', `voice/${code}`, '--version', version]);
}

/**
 * Follows the x-ratelimit-remaining header of every API answer, so a test can prove it stayed
 * well inside the console's limit (20 burst, 100 a minute per client).
 */
export function watchRateLimit(page: Page): { lowest(): number; requests(): string[] } {
  let lowest = Number.POSITIVE_INFINITY;
  const seen: string[] = [];
  page.on('response', (response) => {
    const remaining = response.headers()['x-ratelimit-remaining'];
    if (remaining === undefined) return;
    lowest = Math.min(lowest, Number(remaining));
    seen.push(`${response.request().method()} ${new URL(response.url()).pathname} -> ${remaining}`);
  });
  return { lowest: () => lowest, requests: () => seen };
}

/**
 * How much of the console's burst (20) a screen's walk-through must leave unspent: a guard
 * against request storms. Every page load reads the session and the alert banner; each click
 * refreshes the lists it changed.
 */
export const RATE_FLOOR = 3;

/** From the dashboard to the Staff & Models screen, through the navigation. */
export async function openStaffModels(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Staff & Models' }).click();
}

/**
 * Signs in with the console opened straight on a Staff & Models view (e.g. "staff/amy"): the
 * sign-in keeps the hash, so the dashboard's own queries are never spent.
 */
export async function signInAt(page: Page, server: ConsoleServer, token: string, userName: string, view = ''): Promise<void> {
  await page.goto(`${server.url}#/staff-models${view ? `/${view}` : ''}`);
  await page.getByLabel('Sign-in token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('header-user-name')).toHaveText(userName);
  await expect(page.getByRole('heading', { level: 1, name: 'Staff & Models' })).toBeVisible();
}
