/**
 * A client of the data folder's owner over loopback, with the local credential: how the CLI
 * and an attached desktop window run procedures through the owner instead of on the folder,
 * so nothing the owner schedules is ever raced (a manual backup waits in the owner's process,
 * not beside it). Plain node:http: no timeout on a long job's response.
 */
import http from 'node:http';
import https from 'node:https';
import type { AppErrorData, Result } from '../../api/index.js';
import { LOCAL_CLIENT_HEADER, readLocalCredential, type LocalCredential } from './owner-credential.js';
import { describeOwner, readOwner, type OwnerRecord } from './ownership-lock.js';

export type LocalClientKind = 'cli' | 'desktop';

export interface EventFromOwner {
  name: string;
  payload: unknown;
}

export interface OwnerConnection {
  owner: OwnerRecord;
  url: string;
  call(name: string, input: unknown, options?: { jobId?: string }): Promise<Result<unknown>>;
  /** Opens the owner's event stream; resolves once it is connected (so no event of a call started after is missed). */
  subscribe(listener: (event: EventFromOwner) => void): Promise<() => void>;
}

export type OwnerLookup =
  | { mode: 'direct'; reason: string }
  | { mode: 'owner'; connection: OwnerConnection }
  | { mode: 'refused'; owner: OwnerRecord; message: string };

const POLL_MS = 100;

interface RequestOptions {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

function send(credential: LocalCredential, kind: LocalClientKind, options: RequestOptions): http.ClientRequest {
  const target = new URL(options.path, credential.url);
  const transport = target.protocol === 'https:' ? https : http;
  return transport.request(target, {
    method: options.method,
    headers: {
      authorization: `Bearer ${credential.token}`,
      [LOCAL_CLIENT_HEADER]: kind,
      ...(options.body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(options.body)) } : {}),
      ...options.headers,
    },
    // Loopback to our own process's certificate (often self-signed): the credential file,
    // readable only by this user, says which URL to trust; nothing leaves the machine.
    ...(target.protocol === 'https:' && credential.selfSignedOk ? { rejectUnauthorized: false } : {}),
  });
}

function unreachable(owner: OwnerRecord, error: unknown): AppErrorData {
  const reason = error instanceof Error ? error.message : String(error);
  return { code: 'UNREACHABLE', message: `the owner of the data folder (${describeOwner(owner)}) did not answer: ${reason}` };
}

export function connectionTo(owner: OwnerRecord, credential: LocalCredential, kind: LocalClientKind): OwnerConnection {
  return {
    owner,
    url: credential.url,
    call(name, input, options = {}) {
      return new Promise((resolve) => {
        const request = send(credential, kind, {
          method: 'POST',
          path: `api/rpc/${encodeURIComponent(name)}`,
          body: JSON.stringify(input ?? {}),
          ...(options.jobId ? { headers: { 'x-voiceops-job-id': options.jobId } } : {}),
        });
        request.on('error', (error) => resolve({ ok: false, error: unreachable(owner, error) }));
        request.on('response', (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => resolve({ ok: false, error: unreachable(owner, error) }));
          response.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<unknown>);
            } catch {
              resolve({ ok: false, error: { code: 'INTERNAL', message: `the owner answered ${response.statusCode} with no result` } });
            }
          });
        });
        request.end(JSON.stringify(input ?? {}));
      });
    },
    subscribe(listener) {
      return new Promise((resolve, reject) => {
        const request = send(credential, kind, { method: 'GET', path: 'api/events', headers: { accept: 'text/event-stream' } });
        request.on('error', (error) => reject(new Error(unreachable(owner, error).message)));
        request.on('response', (response) => {
          if (response.statusCode !== 200) {
            response.resume();
            reject(new Error(`the owner refused its event stream (HTTP ${response.statusCode})`));
            return;
          }
          response.setEncoding('utf8');
          let buffer = '';
          response.on('data', (chunk: string) => {
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const name = /^event: (.*)$/m.exec(block)?.[1];
              const data = /^data: (.*)$/m.exec(block)?.[1];
              if (name && data) listener({ name, payload: JSON.parse(data) as unknown });
            }
          });
          response.on('error', () => undefined);
          resolve(() => request.destroy());
        });
        request.end();
      });
    },
  };
}

/**
 * Decides how a client works on a data folder: through its live owner (which may still be
 * starting: its URL and credential are waited for up to waitMs), or directly when nobody
 * owns it. A live owner whose credential this user cannot read is a refusal, never a reason
 * to work beside it.
 */
export async function findOwner(dataDir: string, options: { kind: LocalClientKind; waitMs?: number }): Promise<OwnerLookup> {
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  for (;;) {
    const view = readOwner(dataDir);
    if (view.state === 'none') return { mode: 'direct', reason: 'no process owns the data folder' };
    if (view.state === 'gone') return { mode: 'direct', reason: `its last owner is gone (${view.reason})` };
    const { owner } = view;
    const read = readLocalCredential(dataDir);
    if (read.state === 'unreadable') {
      return {
        mode: 'refused',
        owner,
        message: `the data folder is owned by ${describeOwner(owner)}, but its local credential cannot be read: ${read.reason}. Run this as the user the owner runs as`,
      };
    }
    if (owner.url && read.state === 'found' && read.credential.claim === owner.claim) {
      return { mode: 'owner', connection: connectionTo(owner, read.credential, options.kind) };
    }
    if (Date.now() > deadline) {
      return { mode: 'refused', owner, message: `the data folder is owned by ${describeOwner(owner)}, which has not published its local address yet; try again in a moment` };
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
