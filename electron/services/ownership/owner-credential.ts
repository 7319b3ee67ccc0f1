/**
 * The local credential: how a client on this machine (the CLI, the desktop window) proves to
 * the owner that it runs as the same user. The owner makes a random secret at start, keeps
 * only its hash in memory, and writes the secret with its loopback URL to <data>/run/owner.json,
 * readable by the owning user only (0600 in a 0700 folder). Whoever can read that file can
 * already read the whole data folder, so acting as the local admin grants nothing new.
 * Windows ignores POSIX modes: there the file is protected by the data folder's ACL, which
 * under %APPDATA% (or a service's profile) is the owning user, SYSTEM and Administrators.
 * The secret is never logged and never stored in the database; it dies with the process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { runDir } from './ownership-lock.js';

export const LOCAL_TOKEN_PREFIX = 'vo_local_';

/** The header a local client names itself with: the CLI (default) or the desktop window attached to a service. */
export const LOCAL_CLIENT_HEADER = 'x-voiceops-local-client';

const credentialSchema = z.object({
  claim: z.string(),
  pid: z.number().int(),
  url: z.string().url(),
  token: z.string().startsWith(LOCAL_TOKEN_PREFIX),
  /** true when the owner serves HTTPS with its own certificate (loopback: not checked against a CA). */
  selfSignedOk: z.boolean().default(false),
});
export type LocalCredential = z.infer<typeof credentialSchema>;

export function credentialFile(dataDir: string): string {
  return path.join(runDir(dataDir), 'owner.json');
}

/** What the owner keeps: the secret's hash to check requests against; publish() writes the file. */
export interface LocalCredentialIssuer {
  matches(token: string): boolean;
  /** Writes owner.json atomically with mode 0600 (created with that mode, never widened after). */
  publish(dataDir: string, details: Omit<LocalCredential, 'token'>): void;
  /** Removes owner.json at a clean stop, if it is still ours. */
  withdraw(): void;
}

export function newLocalCredential(): LocalCredentialIssuer {
  let token: string | undefined = newSecret(LOCAL_TOKEN_PREFIX);
  const expected = Buffer.from(hashSecret(token), 'hex');
  let published: { dataDir: string; claim: string } | undefined;
  return {
    matches(candidate) {
      if (typeof candidate !== 'string' || !candidate.startsWith(LOCAL_TOKEN_PREFIX)) return false;
      return timingSafeEqual(Buffer.from(hashSecret(candidate), 'hex'), expected);
    },
    publish(dataDir, details) {
      if (token === undefined) throw new Error('the local credential was already published');
      const file = credentialFile(dataDir);
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const partial = `${file}.${process.pid}.part`;
      fs.rmSync(partial, { force: true });
      const fd = fs.openSync(partial, 'wx', 0o600);
      try {
        fs.writeFileSync(fd, JSON.stringify({ ...details, token }, null, 2));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(partial, file);
      // Only the hash stays in memory from here on.
      token = undefined;
      published = { dataDir, claim: details.claim };
    },
    withdraw() {
      if (!published) return;
      // Only our own: a newer owner may already have written its file.
      const current = readLocalCredential(published.dataDir);
      if (current.state === 'found' && current.credential.claim === published.claim) fs.rmSync(credentialFile(published.dataDir), { force: true });
      published = undefined;
    },
  };
}

export type CredentialRead =
  | { state: 'found'; credential: LocalCredential }
  | { state: 'missing' }
  | { state: 'unreadable'; reason: string };

export function readLocalCredential(dataDir: string): CredentialRead {
  let text: string;
  try {
    text = fs.readFileSync(credentialFile(dataDir), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', reason: code === 'EACCES' || code === 'EPERM' ? 'permission denied (it belongs to the user the owner runs as)' : String(code) };
  }
  try {
    const parsed = credentialSchema.safeParse(JSON.parse(text));
    return parsed.success ? { state: 'found', credential: parsed.data } : { state: 'unreadable', reason: 'not a valid owner file' };
  } catch {
    return { state: 'unreadable', reason: 'not valid JSON' };
  }
}
