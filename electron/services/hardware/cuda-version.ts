import { execFileRunner, NVIDIA_SMI_TIMEOUT_MS, type CommandRunner } from './nvidia-smi.js';

/**
 * The CUDA version the installed driver supports. It is not a --query-gpu field; plain
 * `nvidia-smi` prints it in its header ("CUDA Version: 12.2") and `nvidia-smi -q` as a line
 * ("CUDA Version : 12.4"). The doctor asks once per check, never the 1 Hz sampler.
 */
export function parseCudaVersion(output: string): string | null {
  const match = /CUDA Version\s*:\s*(\d+\.\d+)/.exec(output);
  return match?.[1] ?? null;
}

/** null when nvidia-smi is missing, fails, or the driver reports no CUDA. Never throws. */
export async function queryCudaVersion(runner: CommandRunner = execFileRunner): Promise<string | null> {
  try {
    const result = await runner('nvidia-smi', [], NVIDIA_SMI_TIMEOUT_MS);
    return result.exitCode === 0 ? parseCudaVersion(result.stdout) : null;
  } catch {
    return null;
  }
}
