import { SEMVER_PATTERN } from '../../../../electron/api/index.js';

function parts(version: string): [number, number, number] | null {
  const match = SEMVER_PATTERN.exec(version);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The next minor version above the highest existing one (1.2.3 → 1.3.0); 1.0.0 for a new line. */
export function suggestNextVersion(existing: readonly string[]): string {
  let highest: [number, number, number] | null = null;
  for (const version of existing) {
    const parsed = parts(version);
    if (parsed && (!highest || compare(parsed, highest) > 0)) highest = parsed;
  }
  return highest ? `${highest[0]}.${highest[1] + 1}.0` : '1.0.0';
}

export function isSemver(version: string): boolean {
  return SEMVER_PATTERN.test(version);
}
