import { PREVIEW_TEXT_MAX_CHARS, previewTextLength, type PreviewBlock, type PreviewVersion } from '../../../electron/api/index.js';

/**
 * What the screen checks before it sends anything: a preview that cannot succeed is explained
 * on the screen and never reaches the server (so never the engine). The server checks the
 * same things again (previews.start); these are only for a quick, clear answer.
 */
export type PreviewProblem =
  | { kind: 'no-staff' }
  | { kind: 'no-versions' }
  | { kind: 'no-version' }
  | { kind: 'blocked'; block: PreviewBlock }
  | { kind: 'empty-text' }
  | { kind: 'text-too-long'; count: number }
  | { kind: 'same-version' }
  | { kind: 'no-second-version' };

export interface PreviewRequestDraft {
  staff: string | null;
  versions: readonly PreviewVersion[] | undefined;
  version: string | null;
  text: string;
  /** Set in A/B mode. */
  compareWith?: string | null;
}

export function findProblem(draft: PreviewRequestDraft): PreviewProblem | null {
  if (!draft.staff) return { kind: 'no-staff' };
  if (draft.versions && draft.versions.length === 0) return { kind: 'no-versions' };
  const version = draft.versions?.find((v) => v.version === draft.version);
  if (!version) return { kind: 'no-version' };
  if (version.blocked) return { kind: 'blocked', block: version.blocked };
  if (draft.compareWith !== undefined) {
    const others = draft.versions!.filter((v) => v.version !== version.version && !v.blocked);
    if (others.length === 0) return { kind: 'no-second-version' };
    const other = draft.versions!.find((v) => v.version === draft.compareWith);
    if (!other || other.version === version.version) return { kind: 'same-version' };
    if (other.blocked) return { kind: 'blocked', block: other.blocked };
  }
  const count = previewTextLength(draft.text);
  if (count === 0) return { kind: 'empty-text' };
  if (count > PREVIEW_TEXT_MAX_CHARS) return { kind: 'text-too-long', count };
  return null;
}

/** The version a staff member's list opens on: the active one if it can be heard, else the newest that can. */
export function defaultVersion(versions: readonly PreviewVersion[]): string | null {
  const active = versions.find((v) => v.active);
  if (active && !active.blocked) return active.version;
  return versions.find((v) => !v.blocked)?.version ?? active?.version ?? versions[0]?.version ?? null;
}

/** The other side of an A/B test: the newest previewable version that is not `version`. */
export function defaultCompareVersion(versions: readonly PreviewVersion[], version: string | null): string | null {
  return versions.find((v) => v.version !== version && !v.blocked)?.version ?? null;
}
