import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-app.js';
import type { CommandRunner, NvidiaSmiResult } from '../hardware/nvidia-smi.js';
import { nvidiaSmiFixtureRunner, readNvidiaSmiFixture } from '../hardware/fixtures/nvidia-smi/fixture-runner.js';
import { GpuStream } from './gpu-stream.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A stand-in for `nvidia-smi … --loop-ms`: a real process printing recorded lines, GPU 0 at 55 %, until killed. */
function fakeLoopingSmi(): { script: string; argsFile: string } {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  const script = path.join(temp.dir, 'smi-loop.mjs');
  const argsFile = path.join(temp.dir, 'args.json');
  const lines = readNvidiaSmiFixture('two-gpus').replace(', 96, 83,', ', 55, 83,');
  fs.writeFileSync(
    script,
    `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(process.argv.slice(2)));\nsetInterval(() => process.stdout.write(${JSON.stringify(lines)}), 20);\n`,
  );
  return { script, argsFile };
}

async function until(read: () => Promise<NvidiaSmiResult>, done: (r: NvidiaSmiResult) => boolean): Promise<NvidiaSmiResult> {
  // Bounded wait for the child's output: a loop over reads, not a timed assertion.
  for (let i = 0; i < 500; i++) {
    const result = await read();
    if (done(result)) return result;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the stream never delivered');
}

describe('streaming nvidia-smi', () => {
  it('asks once, then reads every GPU from one long-running process with the same query', async () => {
    const { script, argsFile } = fakeLoopingSmi();
    const spawned: number[] = [];
    let queries = 0;
    const fixture = nvidiaSmiFixtureRunner('two-gpus');
    const runner: CommandRunner = (command, args, timeout) => {
      queries++;
      return fixture(command, args, timeout);
    };
    const stream = new GpuStream({
      intervalMs: 1000,
      now: () => Date.now(),
      runner,
      spawner: (args) => {
        const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
        spawned.push(child.pid!);
        return child;
      },
    });
    cleanups.push(() => stream.stop());
    const first = await stream.read();
    expect(first).toMatchObject({ available: true, gpus: [{ utilizationPercent: 96 }, { utilizationPercent: 0 }] });
    const streamed = await until(() => stream.read(), (r) => r.available && r.gpus[0]?.utilizationPercent === 55);
    expect(streamed.available && streamed.gpus.map((g) => g.index)).toEqual([0, 1]);
    for (let i = 0; i < 20; i++) await stream.read();
    expect(spawned).toHaveLength(1);
    expect(queries).toBe(1);
    const args = JSON.parse(fs.readFileSync(argsFile, 'utf8')) as string[];
    expect(args[0]).toMatch(/^--query-gpu=index,name,uuid,/);
    expect(args).toContain('--loop-ms=1000');
  });

  it('when the process dies, says why once and waits before trying again', async () => {
    const { script } = fakeLoopingSmi();
    let clock = 0;
    let answer: 'two-gpus' | 'driver-failure' = 'two-gpus';
    let queries = 0;
    const children: Array<ReturnType<typeof spawn>> = [];
    const stream = new GpuStream({
      intervalMs: 1000,
      now: () => clock,
      retryMs: 60_000,
      runner: (command, args, timeout) => {
        queries++;
        return nvidiaSmiFixtureRunner(answer)(command, args, timeout);
      },
      spawner: (args) => {
        const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
        children.push(child);
        return child;
      },
    });
    cleanups.push(() => stream.stop());
    expect((await stream.read()).available).toBe(true);
    answer = 'driver-failure';
    const exited = new Promise((resolve) => children[0]!.once('exit', resolve));
    children[0]!.kill();
    await exited;
    expect(await stream.read()).toMatchObject({ available: false, reason: 'driver-failure' });
    clock += 30_000;
    expect(await stream.read()).toMatchObject({ available: false, reason: 'driver-failure' });
    expect(queries).toBe(2);
    clock += 31_000;
    await stream.read();
    expect(queries).toBe(3);
    expect(children).toHaveLength(1);
  });

  it('reports stale readings as no data rather than old values', async () => {
    const { script } = fakeLoopingSmi();
    let clock = 0;
    const stream = new GpuStream({
      intervalMs: 1000,
      now: () => clock,
      runner: nvidiaSmiFixtureRunner('rtx-3070-8gb'),
      // A process that prints nothing: a hung driver.
      spawner: (args) => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', script, ...args], { stdio: ['ignore', 'pipe', 'ignore'] }),
    });
    cleanups.push(() => stream.stop());
    expect((await stream.read()).available).toBe(true);
    clock += 6000;
    expect(await stream.read()).toMatchObject({ available: false, reason: 'timeout' });
  });
});
