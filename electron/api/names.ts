import { z } from 'zod';

/**
 * Names that may later become parts of paths or keys (user names, staff codes, model names).
 * One pattern for all of them so no front door can smuggle "../" or a drive letter through.
 */
export const SAFE_NAME_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$/;

export const safeName = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(SAFE_NAME_PATTERN, 'may contain only letters, digits, "_", "-" and "." (no slashes, no leading dot)')
  .refine((value) => !value.includes('..'), 'must not contain ".."');

export const userName = safeName.describe('account name');

/** Staff codes as the issue fixes them; they become part of line names and folder names. */
export const STAFF_CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
export const staffCode = z.string().regex(STAFF_CODE_PATTERN, 'must be 1 to 32 letters, digits, "_" or "-"');

/** voice/<staff-code>, emotion/basic, emotion/advanced, pretrained/<name>. */
export const LINE_PATTERN = /^(voice\/[A-Za-z0-9_-]{1,32}|emotion\/(basic|advanced)|pretrained\/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63})$/;
export const lineName = z
  .string()
  .regex(LINE_PATTERN, 'must be voice/<staff-code>, emotion/basic, emotion/advanced or pretrained/<name>')
  .refine((value) => !value.includes('..'), 'must not contain ".."');

/** Semantic Versioning 2.0.0 (the official pattern): 1.0.0, 1.1.0-rc.1, ... */
export const SEMVER_PATTERN =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
export const semverString = z.string().max(64).regex(SEMVER_PATTERN, 'must be a semantic version such as 1.0.0');
