import { afterEach, describe, expect, it } from 'vitest';
import type { EventMessage, MetricSample } from '../../api/index.js';
import { callerAs, openTempApp, type TempApp } from '../../test-support/temp-app.js';
import { AlertService } from '../alerts/alert-service.js';
import { HealthService } from '../status/health-service.js';
import { nvidiaSmiFixtureRunner } from '../hardware/fixtures/nvidia-smi/fixture-runner.js';
import { queryNvidiaSmi } from '../hardware/nvidia-smi.js';
import { MetricsSampler } from './metrics-sampler.js';

let temps: TempApp[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});
async function temp(): Promise<TempApp> {
  const t = await openTempApp();
  temps.push(t);
  return t;
}

const admin = callerAs('admin');
const supervisor = callerAs('supervisor');

describe('metrics procedures and the sampler', () => {
  it('metrics.current reads this machine without starting the engine', async () => {
    const { app } = await temp();
    const result = await app.call('metrics.current', {}, supervisor);
    if (!result.ok) throw new Error(result.error.message);
    const sample = result.value as MetricSample;
    expect(sample.cpu.totalPercent).toBeGreaterThanOrEqual(0);
    expect(sample.cpu.totalPercent).toBeLessThanOrEqual(100);
    expect(sample.cpu.perCorePercent.length).toBeGreaterThan(0);
    expect(sample.memory.totalBytes).toBeGreaterThan(0);
    expect(sample.disk.totalBytes).toBeGreaterThan(0);
    // This machine has no NVIDIA GPU: no GPU data, not an error.
    expect(sample.gpu.available).toBe(false);
    expect(sample.engine.started).toBe(false);
    expect((await app.engine.status()).started).toBe(false);
  });

  it('the started sampler writes history, runs the rules and pushes events', async () => {
    const { app, dir } = await temp();
    const gpu = await queryNvidiaSmi(nvidiaSmiFixtureRunner('rtx-3070-8gb'));
    let cpu = 10;
    let gpuCalls = 0;
    let clock = Date.UTC(2026, 0, 5);
    const sampler = new MetricsSampler({
      dataDir: dir,
      logger: app.logger,
      engineStatus: () => app.engine.status(),
      appState: () => ({ backup: { targets: 0, lastBackupAt: null, nextRunAt: null, lastVerifyOk: null }, store: { versions: 0, lastFullVerificationAt: null, failedVersions: 0 } }),
      now: () => clock,
      intervalMs: 5,
      readers: {
        load: async () => ({ currentLoad: cpu, cpus: [{ load: cpu }, { load: cpu }] }),
        gpu: async () => {
          gpuCalls++;
          return gpu;
        },
      },
    });
    app.alerts.updateRule('cpu-high', { forSeconds: 3, clearSeconds: 2 });
    const samples: number[] = [];
    const alertEvents: EventMessage[] = [];
    const done = new Promise<void>((resolve) => {
      app.bus.subscribe('supervisor', (message) => {
        if (message.name === 'alerts.changed') alertEvents.push(message);
        if (message.name !== 'metrics.sample') return;
        samples.push((message.payload as { sample: MetricSample }).sample.cpu.totalPercent);
        clock += 1000; // each tick is one second later on the sampler's clock
        if (samples.length === 3) cpu = 90;
        if (samples.length === 12) resolve();
      });
    });
    const stop = sampler.start({ history: app.metricsHistory, alerts: app.alerts, bus: app.bus });
    await done;
    stop();
    expect(samples.slice(0, 3)).toEqual([10, 10, 10]);
    expect(samples.slice(3)).toEqual(Array(9).fill(90));
    // One nvidia-smi call per tick at most.
    expect(gpuCalls).toBeLessThanOrEqual(12);
    expect(app.metricsHistory.repo.count('1s')).toBeGreaterThanOrEqual(12);
    const report = app.alerts.report(10);
    expect(report.active).toMatchObject([{ ruleId: 'cpu-high', level: 'warning', value: 90, threshold: 80 }]);
    expect(alertEvents.length).toBeGreaterThanOrEqual(1);
    const history = await app.call('metrics.history', { range: '5m' }, supervisor);
    expect(history.ok).toBe(true);
  });

  it('a missing nvidia-smi is asked again only once a minute and logged once', async () => {
    const { app, dir } = await temp();
    let calls = 0;
    let clock = 0;
    const sampler = new MetricsSampler({
      dataDir: dir,
      logger: app.logger,
      engineStatus: () => app.engine.status(),
      appState: () => ({ backup: { targets: 0, lastBackupAt: null, nextRunAt: null, lastVerifyOk: null }, store: { versions: 0, lastFullVerificationAt: null, failedVersions: 0 } }),
      now: () => clock,
      readers: {
        gpu: async () => {
          calls++;
          return { available: false, reason: 'not-installed', detail: 'nvidia-smi is not installed or not on PATH' };
        },
      },
    });
    for (let second = 0; second < 125; second++) {
      clock = second * 1000;
      await sampler.read();
    }
    expect(calls).toBe(3); // at 0 s, 60 s and 120 s
  });

  it('alert rules: admins change them within bounds, supervisors read them', async () => {
    const { app } = await temp();
    const changed = await app.call('alerts.updateRule', { id: 'cpu-high', warning: 75, forSeconds: 120 }, admin);
    expect(changed).toMatchObject({ ok: true, value: { id: 'cpu-high', warning: 75, critical: 95, forSeconds: 120 } });
    expect((await app.call('alerts.updateRule', { id: 'cpu-high', warning: 70 }, supervisor)).ok).toBe(false);
    const refusals = [
      [{ id: 'no-such-rule', warning: 1 }, 'NOT_FOUND'],
      [{ id: 'cpu-high', critical: 60 }, 'VALIDATION_FAILED'],
      [{ id: 'cpu-high', warning: null, critical: null }, 'VALIDATION_FAILED'],
      [{ id: 'cpu-high', forSeconds: -1 }, 'VALIDATION_FAILED'],
      [{ id: '../x', warning: 1 }, 'VALIDATION_FAILED'],
      [{ id: 'cpu-high', metric: 'disk.percent' }, 'VALIDATION_FAILED'],
      [{ id: 'cache-hit-low', critical: 90 }, 'VALIDATION_FAILED'],
    ] as const;
    for (const [input, code] of refusals) {
      const result = await app.call('alerts.updateRule', input, admin);
      expect(result.ok ? 'ok' : result.error.code, JSON.stringify(input)).toBe(code);
    }
    const rules = await app.call('alerts.rules', {}, supervisor);
    if (!rules.ok) throw new Error(rules.error.message);
    expect((rules.value as Array<{ id: string; warning: number }>).find((r) => r.id === 'cpu-high')?.warning).toBe(75);
    const reset = await app.call('alerts.resetRules', {}, admin);
    expect(reset.ok && (reset.value as Array<{ id: string; warning: number }>).find((r) => r.id === 'cpu-high')?.warning).toBe(80);
  });

  it('keeps active alerts and the log across a restart without firing twice', async () => {
    const { app } = await temp();
    const alerts = new AlertService({ db: app.db });
    alerts.updateRule('memory-high', { forSeconds: 0 });
    expect(alerts.evaluate({ 'memory.percent': 90 }, 1000).map((t) => t.to)).toEqual(['warning']);
    const again = new AlertService({ db: app.db });
    expect(again.evaluate({ 'memory.percent': 90 }, 2000)).toEqual([]);
    expect(again.report(10)).toMatchObject({ active: [{ ruleId: 'memory-high', level: 'warning' }], log: [{ ruleId: 'memory-high', from: 'ok', to: 'warning', value: 90, threshold: 85 }] });
  });

  it('health: database, models, disk over 90 % warns, engine; status carries it', async () => {
    const { app, dir } = await temp();
    const full = new HealthService({ db: app.db, dataDir: dir, store: app.store, engineStatus: () => app.engine.status(), disk: () => ({ totalBytes: 100e9, freeBytes: 5e9, usedPercent: 95 }) });
    const health = await full.check();
    expect(health.state).toBe('warn');
    expect(health.checks.map((c) => [c.name, c.state])).toEqual([
      ['database', 'ok'],
      ['models', 'ok'],
      ['disk', 'warn'],
      ['engine', 'ok'],
    ]);
    const room = new HealthService({ db: app.db, dataDir: dir, store: app.store, engineStatus: () => app.engine.status(), disk: () => ({ totalBytes: 100e9, freeBytes: 11e9, usedPercent: 89 }) });
    expect((await room.check()).checks.find((c) => c.name === 'disk')?.state).toBe('ok');
    const broken = new HealthService({ db: app.db, dataDir: dir, store: app.store, engineStatus: () => Promise.reject(new Error('down')), disk: () => { throw new Error('EIO'); } });
    const failed = await broken.check();
    expect(failed.state).toBe('fail');
    expect(failed.checks.filter((c) => c.state === 'fail').map((c) => c.name)).toEqual(['disk', 'engine']);
    const status = await app.call('status.get', {}, supervisor);
    expect(status.ok && (status.value as { health: { checks: unknown[] } }).health.checks).toHaveLength(5); // the app's own check adds backups
  });
});
