import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DoctorReport, WizardState } from '../api/index.js';
import { cliOnTempDataFolder } from '../test-support/captured-cli.js';

const { cli, temp } = cliOnTempDataFolder();

describe('voiceops doctor', () => {
  it('--json prints the whole report: facts, the guide\'s check, three tiers, the workload fit', async () => {
    const result = await cli('doctor', '--json', '--staff', '12');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as DoctorReport;
    expect(report.tiers.map((t) => t.tier)).toEqual(['minimum', 'recommended', 'enterprise']);
    expect(report.fit.staffCount).toBe(12);
    expect(report.facts.dataDisk.path).toBe(path.join(temp.dir, 'data'));
    expect(report.facts.providers.find((p) => p.provider === 'cpu')).toMatchObject({ usable: true });
  }, 60_000);

  it('prints a readable report for people, not a JSON dump', async () => {
    const result = await cli('doctor');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Machine\n {2}CPU {6}/);
    expect(result.out).toMatch(/The guide's hardware check: (ok|WARN|FAIL)\n {2}\[(ok {2}|WARN|FAIL)\] \d+ physical CPU cores/);
    expect(result.out).toMatch(/Hardware tier: /);
    expect(result.out).toMatch(/Workload for 10 staff members\n {2}Storage {2}(fits|needs)/);
    expect(result.out).not.toMatch(/[{}]/);
    if (!/GPU 0/.test(result.out)) expect(result.out).toMatch(/inference will run on the CPU/);
  }, 60_000);

  it('refuses a bad staff count with a usage-style one-line error', async () => {
    const result = await cli('doctor', '--staff', '0');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^voiceops: VALIDATION_FAILED: /);
  });

  it('voiceops setup status / setup restart show and reset the wizard\'s position', async () => {
    const status = await cli('setup', 'status', '--json');
    expect(JSON.parse(status.out) as WizardState).toMatchObject({ current: 'language', staffCount: 10 });
    expect((await cli('setup', 'restart')).code).toBe(0);
  });
});

describe('voiceops setup confirm (a scripted install over SSH)', () => {
  it('walks the wizard from the command line, with the same checks as the screen', async () => {
    const first = await cli('setup', 'confirm', 'language', '--language', 'en', '--json');
    expect(JSON.parse(first.out) as WizardState).toMatchObject({ current: 'hardware', language: 'en' });
    const bad = await cli('setup', 'confirm', 'hardware', '--staff-count', '0');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^voiceops: VALIDATION_FAILED: /);
    expect((await cli('setup', 'confirm', 'hardware', '--staff-count', '6')).code).toBe(0);
    const skipWrong = await cli('setup', 'confirm', 'data-folder', '--skip');
    expect(skipWrong.err).toMatch(/only the backup and sample steps can be skipped/);
    const unknown = await cli('setup', 'confirm', 'everything');
    expect(unknown.code).not.toBe(0);
    const status = JSON.parse((await cli('setup', 'status', '--json')).out) as WizardState;
    expect(status).toMatchObject({ current: 'data-folder', staffCount: 6 });
  });
});
