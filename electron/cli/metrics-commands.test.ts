import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-app.js';
import { runCli } from './main.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function dataDir(): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

describe('voiceops metrics, alerts and health', () => {
  it('metrics --json prints one reading of this machine; metrics history an empty range on a new folder', async () => {
    const dir = dataDir();
    const metrics = await run('metrics', '--json', '--data-dir', dir);
    expect(metrics.code).toBe(0);
    const sample = JSON.parse(metrics.out);
    expect(sample.cpu.totalPercent).toBeGreaterThanOrEqual(0);
    expect(sample.memory.totalBytes).toBeGreaterThan(0);
    expect(sample.gpu).toMatchObject({ available: false, gpus: [] });
    // A one-shot command does not run the sampler: nothing was written to history.
    const history = await run('metrics', 'history', '--range', '5m', '--json', '--data-dir', dir);
    expect(JSON.parse(history.out)).toEqual({ range: '5m', stepSeconds: 1, points: [] });
  });

  it('alerts: the rules, a change, and refusals with stable codes', async () => {
    const dir = dataDir();
    const rules = JSON.parse((await run('alerts', 'rules', '--json', '--data-dir', dir)).out) as Array<{ id: string }>;
    expect(rules.map((r) => r.id)).toContain('cpu-high');
    const changed = await run('alerts', 'rule', 'cpu-high', '--warning', '70', '--for-seconds', '120', '--json', '--data-dir', dir);
    expect(JSON.parse(changed.out)).toMatchObject({ id: 'cpu-high', warning: 70, forSeconds: 120 });
    const unknown = await run('alerts', 'rule', 'nope', '--warning', '1', '--data-dir', dir);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^voiceops: NOT_FOUND: no alert rule nope/);
    const inverted = await run('alerts', 'rule', 'cpu-high', '--critical', '50', '--data-dir', dir);
    expect(inverted.err).toMatch(/^voiceops: VALIDATION_FAILED: the critical threshold must be above the warning one/);
    const badRange = await run('metrics', 'history', '--range', '2d', '--data-dir', dir);
    expect(badRange.code).toBe(2);
    expect(JSON.parse((await run('alerts', '--json', '--data-dir', dir)).out)).toEqual({ active: [], log: [] });
  });

  it('health and status --json carry the five checks', async () => {
    const dir = dataDir();
    const health = await run('health', '--json', '--data-dir', dir);
    const parsed = JSON.parse(health.out) as { state: string; checks: Array<{ name: string }> };
    expect(parsed.checks.map((c) => c.name)).toEqual(['database', 'models', 'disk', 'engine', 'backups']);
    // A new data folder has no backup target: the backups line warns, which is no failure.
    expect(parsed.checks.find((c) => c.name === 'backups')).toMatchObject({ state: 'warn' });
    expect(health.code).toBe(parsed.state === 'fail' ? 1 : 0);
    const status = JSON.parse((await run('status', '--json', '--data-dir', dir)).out);
    expect(status.health.checks).toHaveLength(5);
  });
});
