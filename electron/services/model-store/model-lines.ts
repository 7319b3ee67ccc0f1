import semver from 'semver';
import type { Family, LineRow, VersionRow } from '../../db/repositories/model-repository.js';

export interface ParsedLine {
  line: string;
  family: Family;
  staffCode: string | null;
}

/** The contract already checked the pattern; this splits a line name into its parts. */
export function parseLine(line: string): ParsedLine {
  const [family, rest] = line.split('/') as [Family, string];
  return { line, family, staffCode: family === 'voice' ? rest : null };
}

export function voiceLineOf(staffCode: string): string {
  return `voice/${staffCode}`;
}

/** Highest version first. */
export function sortVersionsDescending<T extends { version: string }>(versions: T[]): T[] {
  return [...versions].sort((a, b) => semver.rcompare(a.version, b.version));
}

/**
 * The version the customer-service system uses: the pinned one when an admin pinned one,
 * otherwise "latest", the highest version whose files all verified.
 */
export function activeVersionOf(line: Pick<LineRow, 'pinnedVersion'>, versions: VersionRow[]): string | null {
  if (line.pinnedVersion && versions.some((v) => v.version === line.pinnedVersion)) return line.pinnedVersion;
  return sortVersionsDescending(versions).find((v) => v.verifyState === 'ok')?.version ?? null;
}
