import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/connection.js';
import { makeTempDir } from '../../test-support/temp-app.js';
import { averageRows, HISTORY_TIERS, MetricsHistory } from './metrics-history.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A fixed, round start: 2026-01-05 00:00:00 UTC. */
const T0 = Date.UTC(2026, 0, 5);

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function openHistory(): { history: MetricsHistory; db: Database } {
  const temp = makeTempDir();
  const db = openDatabase(path.join(temp.dir, 'registry.db'));
  cleanups.push(() => {
    db.close();
    temp.cleanup();
  });
  return { history: new MetricsHistory(db), db };
}

/** Writes one sample a second from `from` for `seconds`, the value given by `value(t)`. */
function writeSeconds(history: MetricsHistory, from: number, seconds: number, value: (t: number) => number): void {
  history.repo.transaction(() => {
    for (let i = 0; i < seconds; i++) {
      const t = from + i * SECOND;
      history.record({ 'cpu.percent': value(t), 'gpu.percent': null }, t);
    }
  });
}

describe('metrics history', () => {
  it('rolls complete minutes into 1 min averages and leaves the current minute alone', () => {
    const { history } = openHistory();
    // Minute 0 at 10 %, minute 1 at 30 %, half of minute 2 at 50 %.
    writeSeconds(history, T0, 150, (t) => (t < T0 + MINUTE ? 10 : t < T0 + 2 * MINUTE ? 30 : 50));
    const report = history.compact(T0 + 150 * SECOND);
    expect(report.rolledUp['1m']).toBe(2);
    const minutes = history.repo.range('1m', 0, Number.MAX_SAFE_INTEGER);
    expect(minutes.map((m) => [m.t - T0, m.samples, m.values['cpu.percent']])).toEqual([
      [0, 60, 10],
      [MINUTE, 60, 30],
    ]);
    // A metric that had no value in a minute stays null rather than becoming 0.
    expect(minutes[0]!.values['gpu.percent']).toBeNull();
    // Compacting again adds nothing twice; the next minute is added once complete.
    expect(history.compact(T0 + 150 * SECOND).rolledUp['1m']).toBe(0);
    writeSeconds(history, T0 + 150 * SECOND, 30, () => 50);
    expect(history.compact(T0 + 3 * MINUTE).rolledUp['1m']).toBe(1);
    expect(history.repo.latest('1m')).toMatchObject({ t: T0 + 2 * MINUTE, samples: 60, values: { 'cpu.percent': 50 } });
  });

  it('rolls complete hours of minutes into 1 h averages weighted by their samples', () => {
    const { history } = openHistory();
    // Two hours of minutes: the first hour's minutes alternate 20/40 (mean 30), the second is all 60.
    history.repo.transaction(() => {
      for (let m = 0; m < 120; m++) {
        history.repo.put('1m', T0 + m * MINUTE, 60, { 'cpu.percent': m < 60 ? (m % 2 ? 40 : 20) : 60 });
      }
      // A minute with few samples (the app started late in it) weighs less.
      history.repo.put('1m', T0 + 2 * HOUR, 6, { 'cpu.percent': 100 });
      history.repo.put('1m', T0 + 2 * HOUR + MINUTE, 54, { 'cpu.percent': 0 });
    });
    history.compact(T0 + 3 * HOUR);
    const hours = history.repo.range('1h', 0, Number.MAX_SAFE_INTEGER);
    expect(hours.map((h) => [h.t - T0, h.samples, h.values['cpu.percent']])).toEqual([
      [0, 3600, 30],
      [HOUR, 3600, 60],
      [2 * HOUR, 60, 10],
    ]);
  });

  it('keeps 1 s rows for an hour, 1 min rows for 7 days, 1 h rows for 90 days', () => {
    const { history } = openHistory();
    const now = T0 + 100 * DAY;
    history.repo.transaction(() => {
      history.repo.put('1s', now - HOUR - SECOND, 1, { 'cpu.percent': 1 });
      history.repo.put('1s', now - HOUR + SECOND, 1, { 'cpu.percent': 1 });
      history.repo.put('1m', now - 7 * DAY - MINUTE, 60, { 'cpu.percent': 1 });
      history.repo.put('1m', now - 7 * DAY + MINUTE, 60, { 'cpu.percent': 1 });
      history.repo.put('1h', now - 90 * DAY - HOUR, 3600, { 'cpu.percent': 1 });
      history.repo.put('1h', now - 90 * DAY + HOUR, 3600, { 'cpu.percent': 1 });
    });
    history.compact(now);
    // The rows past their span are gone; the ones inside it stay. The old 1 s row was rolled into
    // its minute before it went, so nothing is lost that the coarser tier should keep.
    expect(history.repo.range('1s', 0, now).map((r) => r.t)).toEqual([now - HOUR + SECOND]);
    expect(history.repo.range('1m', 0, now - DAY).map((r) => r.t)).toEqual([now - 7 * DAY + MINUTE]);
    expect(history.repo.range('1m', now - DAY, now).map((r) => r.t)).toEqual([now - HOUR - MINUTE, now - HOUR]);
    // (the old minute went into its hour first)
    expect(history.repo.range('1h', 0, now - 7 * DAY).map((r) => r.t)).toEqual([now - 90 * DAY + HOUR, now - 7 * DAY - HOUR]);
  });

  it('stays within its row bounds whatever is written', () => {
    const { history } = openHistory();
    // Two hours of seconds written "now" (a clock that jumped): the 1 s tier is still capped.
    writeSeconds(history, T0, 2 * 3600, () => 5);
    history.compact(T0 + 2 * HOUR);
    expect(history.repo.count('1s')).toBeLessThanOrEqual(HISTORY_TIERS['1s'].maxRows);
    expect(history.repo.count('1m')).toBe(120);
    expect(history.repo.count('1h')).toBe(2);
    // A year of minutes is cut to the 7-day span, a year of hours to 90 days.
    history.repo.transaction(() => {
      for (let m = 0; m < 365 * 24; m++) history.repo.put('1h', T0 - m * HOUR, 3600, { 'cpu.percent': 1 });
    });
    history.compact(T0 + 2 * HOUR);
    expect(history.repo.count('1h')).toBeLessThanOrEqual(HISTORY_TIERS['1h'].maxRows);
  });

  it('answers each range from its tier with a few hundred points at most, the newest minutes included', () => {
    const { history } = openHistory();
    const now = T0 + 2 * HOUR + 30 * SECOND;
    writeSeconds(history, T0, 2 * 3600 + 30, (t) => (t >= T0 + 2 * HOUR ? 90 : 10));
    history.compact(now);
    const fiveMinutes = history.query('5m', now);
    expect(fiveMinutes.stepSeconds).toBe(1);
    expect(fiveMinutes.points.length).toBeLessThanOrEqual(301);
    expect(fiveMinutes.points.at(-1)).toEqual({ t: T0 + 2 * HOUR + 29 * SECOND, values: { 'cpu.percent': 90, 'gpu.percent': null } });
    const hour = history.query('1h', now);
    expect(hour.stepSeconds).toBe(10);
    expect(hour.points.length).toBeLessThanOrEqual(361);
    const day = history.query('24h', now);
    expect(day.stepSeconds).toBe(300);
    // 24 five-minute points from the minute tier, and the current 30 s from the seconds tier.
    expect(day.points).toHaveLength(25);
    expect(day.points.at(-1)?.values['cpu.percent']).toBe(90);
    expect(day.points[0]?.values['cpu.percent']).toBe(10);
    expect(history.query('7d', now).points).toHaveLength(5);
    expect(history.query('90d', now).points.map((p) => p.values['cpu.percent'])).toEqual([10]);
  });

  it('averages only the values present', () => {
    expect(averageRows([
      { t: 0, samples: 1, values: { 'cpu.percent': 10, 'gpu.percent': null } },
      { t: 1, samples: 3, values: { 'cpu.percent': 30, 'gpu.percent': 80 } },
    ])).toEqual({ samples: 4, values: { 'cpu.percent': 25, 'gpu.percent': 80 } });
  });
});
