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
