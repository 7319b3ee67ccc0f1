import { execFile } from 'node:child_process';

/**
 * One `nvidia-smi` query for everything the doctor and the metrics sampler need about NVIDIA GPUs.
 * The sampler calls it at most once a second, so it is a single process with a single query, and a
 * machine without a GPU, without the binary or with a broken driver gets `{ available: false }`, never
 * an exception (the caller decides how loud to be about it; the sampler logs it once).
 */

/** The fields in the order they are asked for; the CSV columns come back in this order. */
export const NVIDIA_SMI_FIELDS = [
  'index',
  'name',
  'uuid',
  'memory.total',
  'memory.used',
  'utilization.gpu',
  'temperature.gpu',
  'power.draw',
  'power.limit',
  'clocks_throttle_reasons.active',
  'driver_version',
  'compute_cap',
] as const;

export const NVIDIA_SMI_ARGS: readonly string[] = [
  `--query-gpu=${NVIDIA_SMI_FIELDS.join(',')}`,
  '--format=csv,noheader,nounits',
];

/** A sampler tick is one second; a hung driver must not pile up processes behind it. */
export const NVIDIA_SMI_TIMEOUT_MS = 5_000;

export interface CommandResult {
  stdout: string;
  stderr: string;
  /** null when the process did not exit normally (not started, killed by the timeout). */
  exitCode: number | null;
  /** Node's error code when it could not run: 'ENOENT' (no binary), 'ETIMEDOUT', 'EACCES'… */
  errorCode?: string;
}

/** Runs a program without a shell; must resolve, never reject. Injected by tests and by the doctor. */
export type CommandRunner = (command: string, args: readonly string[], timeoutMs: number) => Promise<CommandResult>;

export interface ThrottleReasons {
  /** The raw bitmask as nvidia-smi prints it, e.g. "0x0000000000000004"; null when not reported. */
  mask: string | null;
  /** Names of the active reasons, in NVML's words (SwPowerCap, HwThermalSlowdown…). */
  active: string[];
  /** True when the clocks are held down by power or heat (idle and application clocks do not count). */
  throttled: boolean;
}

export interface NvidiaGpu {
  index: number;
  name: string;
  uuid: string;
  memoryTotalMiB: number | null;
  memoryUsedMiB: number | null;
  utilizationPercent: number | null;
  temperatureC: number | null;
  powerDrawW: number | null;
  powerLimitW: number | null;
  throttle: ThrottleReasons;
  driverVersion: string | null;
  /** "8.6" etc.; null on drivers too old to report it. */
  computeCapability: string | null;
}

export type NvidiaSmiUnavailableReason =
  | 'not-installed'
  | 'driver-failure'
  | 'no-devices'
  | 'timeout'
  | 'failed'
  | 'unparseable';

export type NvidiaSmiResult =
  | { available: true; gpus: NvidiaGpu[] }
  | { available: false; reason: NvidiaSmiUnavailableReason; detail: string };

/** NVML's clocks event reason bits (nvml.h, nvmlClocksEventReason*). */
const THROTTLE_BITS: ReadonlyArray<readonly [bigint, string, boolean]> = [
  [0x1n, 'GpuIdle', false],
  [0x2n, 'ApplicationsClocksSetting', false],
  [0x4n, 'SwPowerCap', true],
  [0x8n, 'HwSlowdown', true],
  [0x10n, 'SyncBoost', false],
  [0x20n, 'SwThermalSlowdown', true],
  [0x40n, 'HwThermalSlowdown', true],
  [0x80n, 'HwPowerBrakeSlowdown', true],
  [0x100n, 'DisplayClockSetting', false],
];

/** nvidia-smi prints these instead of a value when a field does not apply to a card. */
function isMissing(raw: string): boolean {
  return raw === '' || raw.startsWith('[') || raw === 'N/A';
}

function numberOrNull(raw: string): number | null {
  if (isMissing(raw)) return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

function textOrNull(raw: string): string | null {
  return isMissing(raw) ? null : raw;
}

export function parseThrottleReasons(raw: string): ThrottleReasons {
  if (isMissing(raw) || !/^0x[0-9a-f]+$/i.test(raw)) return { mask: null, active: [], throttled: false };
  const bits = BigInt(raw);
  const active = THROTTLE_BITS.filter(([bit]) => (bits & bit) !== 0n);
  return { mask: raw, active: active.map(([, name]) => name), throttled: active.some(([, , counts]) => counts) };
}

/** Parses the CSV lines of the query above. Lines that are not records (driver warnings) are skipped. */
export function parseNvidiaSmiCsv(stdout: string): NvidiaGpu[] {
  const gpus: NvidiaGpu[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const cells = line.split(',').map((cell) => cell.trim());
    if (cells.length !== NVIDIA_SMI_FIELDS.length) continue;
    const [index, name, uuid, memTotal, memUsed, util, temp, powerDraw, powerLimit, throttle, driver, computeCap] =
      cells as [string, string, string, string, string, string, string, string, string, string, string, string];
    const gpuIndex = Number(index);
    if (!Number.isInteger(gpuIndex)) continue;
    gpus.push({
      index: gpuIndex,
      name,
      uuid,
      memoryTotalMiB: numberOrNull(memTotal),
      memoryUsedMiB: numberOrNull(memUsed),
      utilizationPercent: numberOrNull(util),
      temperatureC: numberOrNull(temp),
      powerDrawW: numberOrNull(powerDraw),
      powerLimitW: numberOrNull(powerLimit),
      throttle: parseThrottleReasons(throttle),
      driverVersion: textOrNull(driver),
      computeCapability: textOrNull(computeCap),
    });
  }
  return gpus;
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/)[0]?.trim() ?? '';
}

/** Turns what the process did into a result; exported so fixtures of failures can be parsed too. */
export function interpretNvidiaSmi(result: CommandResult): NvidiaSmiResult {
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.errorCode === 'ENOENT') {
    return { available: false, reason: 'not-installed', detail: 'nvidia-smi is not installed or not on PATH' };
  }
  if (result.errorCode === 'ETIMEDOUT') {
    return { available: false, reason: 'timeout', detail: `nvidia-smi did not answer within ${NVIDIA_SMI_TIMEOUT_MS / 1000} s` };
  }
  if (/couldn't communicate with the NVIDIA driver|Failed to initialize NVML/i.test(output)) {
    return { available: false, reason: 'driver-failure', detail: firstLine(output) };
  }
  if (/No devices were found/i.test(output)) {
    return { available: false, reason: 'no-devices', detail: 'nvidia-smi found no NVIDIA GPU' };
  }
  if (result.exitCode !== 0 || result.errorCode) {
    const said = firstLine(result.stderr) || firstLine(result.stdout) || result.errorCode || 'no output';
    return { available: false, reason: 'failed', detail: `nvidia-smi exited with ${result.exitCode ?? 'no code'}: ${said}` };
  }
  const gpus = parseNvidiaSmiCsv(result.stdout);
  if (gpus.length === 0) {
    return { available: false, reason: 'unparseable', detail: `unexpected nvidia-smi output: ${firstLine(result.stdout) || '(empty)'}` };
  }
  return { available: true, gpus };
}

/** The real runner: execFile (no shell), a timeout, and every failure turned into a result. */
export const execFileRunner: CommandRunner = (command, args, timeoutMs) =>
  new Promise((resolve) => {
    execFile(command, [...args], { timeout: timeoutMs, windowsHide: true, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) {
        resolve({ stdout, stderr, exitCode: 0 });
        return;
      }
      const err = error as Error & { killed?: boolean; signal?: string | null; code?: string | number | null };
      // execFile kills the child with SIGTERM when the timeout passes and sets `killed`.
      const timedOut = err.killed === true && err.signal === 'SIGTERM';
      const errorCode = timedOut ? 'ETIMEDOUT' : typeof err.code === 'string' ? err.code : null;
      resolve({
        stdout: String(stdout ?? ''),
        stderr: String(stderr ?? ''),
        exitCode: typeof err.code === 'number' ? err.code : null,
        ...(errorCode ? { errorCode } : {}),
      });
    });
  });

/** Queries every NVIDIA GPU once. Never throws. */
export async function queryNvidiaSmi(runner: CommandRunner = execFileRunner): Promise<NvidiaSmiResult> {
  try {
    return interpretNvidiaSmi(await runner('nvidia-smi', NVIDIA_SMI_ARGS, NVIDIA_SMI_TIMEOUT_MS));
  } catch (error) {
    // A runner is meant to resolve; an injected one that rejects still must not take the caller down.
    return { available: false, reason: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}
