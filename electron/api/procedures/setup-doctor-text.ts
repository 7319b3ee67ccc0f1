import type { CheckStatus, DoctorReport, HardwareCheck } from './setup-schemas.js';

/** `voiceops doctor` for people: the facts, the guide's check, each tier, the workload fit. */

const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;
const mark: Record<CheckStatus, string> = { pass: 'ok  ', warn: 'WARN', fail: 'FAIL' };

function checkLine(check: HardwareCheck): string {
  return `  [${mark[check.status]}] ${check.message}`;
}

export function formatDoctorReport(report: DoctorReport): string {
  const f = report.facts;
  const disk = f.dataDisk;
  const lines: string[] = [];
  lines.push('Machine');
  lines.push(`  CPU      ${f.cpu.model}: ${f.cpu.physicalCores} physical cores, ${f.cpu.logicalCores} logical`);
  lines.push(`  Memory   ${gb(f.memory.totalBytes)} (ECC: ${f.memory.ecc === null ? 'unknown' : f.memory.ecc ? 'yes' : 'no'})`);
  lines.push(
    `  Data     ${disk.path}: ${gb(disk.freeBytes)} free, on ${disk.device ?? 'an unknown device'} (${disk.kind === 'unknown' ? 'type unknown' : disk.kind.toUpperCase()}, ${gb(disk.sizeBytes)})`,
  );
  for (const d of f.disks) lines.push(`  Disk     ${d.device} ${d.model ? `${d.model} ` : ''}(${d.kind === 'unknown' ? 'type unknown' : d.kind.toUpperCase()}, ${gb(d.sizeBytes)})`);
  if (f.gpus.length === 0) lines.push(`  GPU      none${f.gpuProblem ? ` (${f.gpuProblem})` : ''}`);
  for (const g of f.gpus) {
    const memory = g.memoryBytes === null ? 'memory unknown' : `${Math.round(g.memoryBytes / 1024 ** 3)} GB`;
    lines.push(`  GPU ${g.index}    ${g.name}, ${memory}, driver ${g.driverVersion ?? '?'}, compute ${g.computeCapability ?? '?'}, CUDA ${f.cudaVersion ?? '?'}`);
  }
  const providers = f.providers.map((p) => (p.usable ? `${p.provider} usable` : `${p.provider} not usable (${p.reason ?? 'unknown'})`));
  lines.push(`  Engine   ${providers.join('; ')}`);
  lines.push(`  OS       ${f.os.distro} ${f.os.release} (${f.os.platform} ${f.os.arch}, kernel ${f.os.kernel})`);
  lines.push('');
  lines.push(`The guide's hardware check: ${mark[report.guide.status].trim()}`);
  for (const check of report.guide.checks) lines.push(checkLine(check));
  lines.push('');
  lines.push(`Hardware tier: ${report.tierMet ?? 'below the minimum tier'}`);
  for (const tier of report.tiers) {
    lines.push(`  ${tier.tier}: ${mark[tier.status].trim()}`);
    for (const check of tier.checks) if (check.status !== 'pass') lines.push(`  ${checkLine(check)}`);
  }
  lines.push('');
  lines.push(`Workload for ${report.fit.staffCount} staff members`);
  lines.push(`  Storage  ${report.fit.storage.message}`);
  lines.push(`  Memory   ${report.fit.memory.message}`);
  return lines.join('\n');
}
