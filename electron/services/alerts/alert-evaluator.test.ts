import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../../api/index.js';
import { AlertEvaluator } from './alert-evaluator.js';
import { DEFAULT_ALERT_RULES } from './default-rules.js';

const cpu: AlertRule = { id: 'cpu-high', metric: 'cpu.percent', direction: 'above', warning: 80, critical: 95, forSeconds: 60, clearSeconds: 30, hysteresis: 5, enabled: true };
const cache: AlertRule = { id: 'cache-hit-low', metric: 'engine.cacheHitPercent', direction: 'below', warning: 80, critical: null, forSeconds: 10, clearSeconds: 10, hysteresis: 5, enabled: true };

/** Feeds one value a second from second `from` on; returns the transitions as [second, from, to]. */
function drive(evaluator: AlertEvaluator, rule: AlertRule, from: number, values: Array<number | null>): Array<[number, string, string]> {
  const seen: Array<[number, string, string]> = [];
  values.forEach((value, i) => {
    const second = from + i;
    for (const t of evaluator.evaluate([rule], { [rule.metric]: value }, second * 1000)) seen.push([second, t.from, t.to]);
  });
  return seen;
}

const repeat = (value: number | null, times: number): Array<number | null> => Array.from({ length: times }, () => value);

describe('alert evaluation', () => {
  it('fires only after the threshold has been passed for the whole duration', () => {
    const e = new AlertEvaluator();
    // 59 s over 80 %, one dip, then 60 s over: fires at the 60th second of the second run.
    expect(drive(e, cpu, 0, [...repeat(85, 59), 70])).toEqual([]);
    expect(drive(e, cpu, 60, repeat(85, 61))).toEqual([[120, 'ok', 'warning']]);
    expect(e.levelOf('cpu-high')).toBe('warning');
  });

  it('with no duration fires on the first sample past the threshold', () => {
    const e = new AlertEvaluator();
    expect(drive(e, { ...cpu, forSeconds: 0 }, 0, [50, 81])).toEqual([[1, 'ok', 'warning']]);
  });

  it('does not clear while the value stays within the hysteresis, clears after the clear duration below it', () => {
    const e = new AlertEvaluator();
    drive(e, cpu, 0, repeat(90, 61));
    // 78 % is under 80 but not under 80 - 5: still a warning, however long.
    expect(drive(e, cpu, 61, repeat(78, 300))).toEqual([]);
    // Under 75 for 29 s, a bounce to 77 (inside the band), then 30 s under 75: clears then.
    expect(drive(e, cpu, 361, [...repeat(70, 29), 77, ...repeat(70, 31)])).toEqual([[421, 'warning', 'ok']]);
  });

  it('does not flap on a value oscillating around the threshold', () => {
    const e = new AlertEvaluator();
    drive(e, cpu, 0, repeat(90, 61));
    const wobble = Array.from({ length: 600 }, (_, i) => (i % 2 ? 82 : 78));
    expect(drive(e, cpu, 61, wobble)).toEqual([]);
    // And an oscillation around the threshold never fires from ok either (never 60 s past without a break).
    const fresh = new AlertEvaluator();
    expect(drive(fresh, cpu, 0, wobble)).toEqual([]);
  });

  it('escalates to critical after its own duration and steps back down to warning, then ok', () => {
    const e = new AlertEvaluator();
    const seen = drive(e, cpu, 0, [...repeat(97, 61), ...repeat(85, 31), ...repeat(60, 31)]);
    expect(seen).toEqual([
      [60, 'ok', 'critical'],
      [91, 'critical', 'warning'],
      [122, 'warning', 'ok'],
    ]);
  });

  it('goes from warning to critical when the value keeps rising', () => {
    const e = new AlertEvaluator();
    expect(drive(e, cpu, 0, [...repeat(85, 61), ...repeat(99, 61)])).toEqual([
      [60, 'ok', 'warning'],
      [121, 'warning', 'critical'],
    ]);
  });

  it('handles rules that alert below a threshold (cache hit rate)', () => {
    const e = new AlertEvaluator();
    expect(drive(e, cache, 0, [...repeat(60, 11), ...repeat(82, 20), ...repeat(90, 11)])).toEqual([
      [10, 'ok', 'warning'],
      [41, 'warning', 'ok'],
    ]);
  });

  it('treats a missing value as inside the threshold: a GPU that disappears clears after the duration', () => {
    const e = new AlertEvaluator();
    const gpu: AlertRule = { ...cpu, id: 'gpu-high', metric: 'gpu.percent', critical: null };
    expect(drive(e, gpu, 0, [...repeat(95, 61), ...repeat(null, 31)])).toEqual([
      [60, 'ok', 'warning'],
      [91, 'warning', 'ok'],
    ]);
  });

  it('clears at once when a rule is disabled, and a restored alert does not fire again', () => {
    const e = new AlertEvaluator();
    drive(e, cpu, 0, repeat(90, 61));
    expect(drive(e, { ...cpu, enabled: false }, 61, repeat(90, 5))).toEqual([[61, 'warning', 'ok']]);
    const restarted = new AlertEvaluator();
    restarted.restore('cpu-high', 'warning', 0);
    expect(drive(restarted, cpu, 100, repeat(90, 120))).toEqual([]);
  });

  it('has the brief\'s rules among its defaults', () => {
    const byId = new Map(DEFAULT_ALERT_RULES.map((r) => [r.id, r]));
    expect(byId.get('cpu-high')).toMatchObject({ metric: 'cpu.percent', warning: 80 });
    expect(byId.get('memory-high')).toMatchObject({ metric: 'memory.percent', warning: 85 });
    expect(byId.get('error-rate')).toMatchObject({ metric: 'engine.errorPercent', critical: 5 });
    expect(byId.get('inference-slow')).toMatchObject({ warning: 3000 });
    expect(byId.get('disk-high')).toMatchObject({ warning: 85, critical: 90 });
    expect(byId.get('cache-hit-low')).toMatchObject({ direction: 'below', warning: 80 });
  });
});
