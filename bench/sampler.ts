/**
 * Benchmark (not a test) of the metrics sampler, issue #7: the CPU time the 1 Hz sampler spends,
 * as a share of one core, against an idle baseline measured in the same run (goal under 1 %).
 *
 * Each phase runs for BENCH_SECONDS (30 by default) in this process:
 *   baseline   an app context open on a temp data folder, a 1 Hz timer that does nothing
 *   sampler    the real owner's sampler: systeminformation currentLoad + mem, /proc counters,
 *              disk space, nvidia-smi (none here: asked once a minute), engine status (not
 *              started), backup and store state, history written to SQLite, alert rules, event
 *   + spawn    the same with one child process per tick, standing in for a plain nvidia-smi call
 *              on a GPU machine (its own work inside the driver is not counted: none exists here)
 *   + stream   what the sampler does on a GPU machine: one long-running process printing the
 *              query once a second (a Node stand-in for `nvidia-smi -lms 1000`, its CPU counted)
 *   si I/O     the sampler with systeminformation's fsStats/networkStats instead of /proc: the
 *              reason /proc is read directly on Linux
 * CPU time is this process's user+system time (process.cpuUsage) plus that of its finished
 * children (/proc/self/stat cutime+cstime, in clock ticks), so the spawned processes count.
 *
 *   npm run bench:sampler
 *   BENCH_SECONDS=60 npm run bench:sampler
 *
 * The last line is the main figure: the sampler's share of one core above the baseline.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openTempApp } from '../electron/test-support/temp-app.js';
import { readSystemInformationCounters } from '../electron/services/metrics/io-counters.js';
import { MetricsSampler, type SystemReaders } from '../electron/services/metrics/metrics-sampler.js';
import { queryNvidiaSmi, type CommandRunner } from '../electron/services/hardware/nvidia-smi.js';
import { readNvidiaSmiFixture } from '../electron/services/hardware/fixtures/nvidia-smi/fixture-runner.js';
import { backupState, storeState } from '../electron/services/metrics/app-state.js';
import { GpuStream } from '../electron/services/metrics/gpu-stream.js';
import type { AppContext } from '../electron/core/app-context.js';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 30);
const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

/** Children still running (the streaming stand-in): their CPU is read from /proc/<pid>/stat. */
const liveChildren = new Set<number>();

/** utime+stime (fields 14, 15) or cutime+cstime (16, 17) of a process, in ms. */
function statMs(pid: number | 'self', first: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[first - 3]) + Number(fields[first - 2])) * CLOCK_TICK_MS;
  } catch {
    return 0; // not Linux, or the process is gone: not counted
  }
}

/** CPU milliseconds of this process, its waited-for children and its live children so far. */
function cpuMs(): number {
  const own = process.cpuUsage();
  let children = statMs('self', 16);
  for (const pid of liveChildren) children += statMs(pid, 14);
  return (own.user + own.system) / 1000 + children;
}

async function measure(label: string, start: () => () => void): Promise<number> {
  const stop = start();
  // Let the first tick (module loading, first reads) pass before measuring.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const cpu0 = cpuMs();
  const wall0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const share = ((cpuMs() - cpu0) / (performance.now() - wall0)) * 100;
  stop();
  console.log(`${label.padEnd(44)} ${share.toFixed(3)} % of one core  (${((share / 100) * 60_000).toFixed(0)} ms CPU per minute)`);
  return share;
}

/** A runner that spawns a real process per call, as nvidia-smi would, and answers with a recorded RTX 3070 line. */
const rtx3070 = readNvidiaSmiFixture('rtx-3070-8gb');
const spawningRunner: CommandRunner = (_command, args, timeoutMs) =>
  new Promise((resolve) => {
    execFile('/bin/true', [...args], { timeout: timeoutMs }, () => resolve({ stdout: rtx3070, stderr: '', exitCode: 0 }));
  });

function startSampler(app: AppContext, readers: Partial<SystemReaders>): () => void {
  const sampler = new MetricsSampler({
    dataDir: app.dataDir,
    logger: app.logger,
    engineStatus: () => app.engine.status(),
    appState: () => ({ backup: backupState(app.backups), store: storeState(app.store) }),
    readers,
  });
  return sampler.start({ history: app.metricsHistory, alerts: app.alerts, bus: app.bus });
}

const { app, cleanup } = await openTempApp();
try {
  console.log(`metrics sampler at 1 Hz, ${seconds} s per phase, ${process.platform}, Node ${process.versions.node}`);
  const baseline = await measure('baseline (idle 1 Hz timer)', () => {
    const timer = setInterval(() => undefined, 1000);
    return () => clearInterval(timer);
  });
  const sampler = await measure('sampler', () => startSampler(app, {}));
  // A GPU that answers: nvidia-smi spawned on every tick (the plain way)…
  const spawned = await measure('sampler + one process spawn per tick', () => startSampler(app, { gpu: () => queryNvidiaSmi(spawningRunner) }));
  // …and what the sampler does: one process printing once a second (a Node stand-in for nvidia-smi -lms).
  const streamed = await measure('sampler + one streaming process', () => {
    const stream = new GpuStream({
      intervalMs: 1000,
      now: () => Date.now(),
      runner: spawningRunner,
      spawner: (args) => {
        const child = spawn(process.execPath, ['-e', `setInterval(() => process.stdout.write(${JSON.stringify(rtx3070)}), 1000)`, '--', ...args], {
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        if (child.pid) liveChildren.add(child.pid);
        return child;
      },
    });
    const stop = startSampler(app, { gpu: () => stream.read() });
    return () => {
      stop();
      stream.stop();
      liveChildren.clear();
    };
  });
  const siIo = await measure('sampler with systeminformation fsStats/networkStats', () => startSampler(app, { io: readSystemInformationCounters }));
  console.log('');
  console.log(`with one nvidia-smi spawn per tick: ${(spawned - baseline).toFixed(3)} % of one core above the baseline`);
  console.log(`with one streaming nvidia-smi (stand-in's own CPU included): ${(streamed - baseline).toFixed(3)} % of one core above the baseline`);
  console.log(`with systeminformation's fsStats/networkStats: ${(siIo - baseline).toFixed(3)} % of one core above the baseline`);
  console.log(`sampler: ${(sampler - baseline).toFixed(3)} % of one core above the idle baseline (goal < 1 %)`);
} finally {
  cleanup();
}
