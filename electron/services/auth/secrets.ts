import { createHash, randomBytes } from 'node:crypto';

/** Sign-in tokens are recognisable in logs and secret scanners by their prefix. */
export const TOKEN_PREFIX = 'vo_';

/** 32 random bytes: a token cannot be guessed, so a fast hash is enough to store it safely. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * SHA-256 of a high-entropy secret. (Slow password hashes like scrypt exist for guessable
 * passwords; these tokens are random, and a fast hash lets sign-in look the user up directly.)
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
