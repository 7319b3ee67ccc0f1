import fs from 'node:fs';
import path from 'node:path';
import { openAppContext, type AppContext } from '../core/app-context.js';
import { recoverDataFolder } from '../core/owner-duties.js';
import { claimDataFolder, clientUrlFor } from '../core/take-ownership.js';
import type { OwnerKind, OwnerRecord } from '../services/ownership/ownership-lock.js';
import { appRoot } from '../core/app-version.js';
import { createConsoleServer, type ConsoleServer } from './create-console-server.js';

export const DEFAULT_PORT = 8731;
export const DEFAULT_HOST = '127.0.0.1';

export interface StartConsoleOptions {
  dataDir: string;
  host: string;
  port: number;
  tls?: { keyFile: string; certFile: string };
  /** Where the one-time lines for the operator go (URL, first admin token); stdout by default. */
  print?: (line: string) => void;
  /** 'service' when started by the system service (systemd unit, Windows task); shown in status. */
  kind?: Extract<OwnerKind, 'service' | 'console'>;
  /** How soon after start a missed backup is caught up (default 30 s). */
  catchUpDelayMs?: number;
  /** The ownership lock was taken over by another process (this one stalled): the schedules are stopped. */
  onOwnershipLost?: (by: OwnerRecord | undefined) => void;
}

export interface RunningConsole {
  url: string;
  app: AppContext;
  server: ConsoleServer;
  stop(): Promise<void>;
}

export function builtRendererDir(): string {
  return path.join(appRoot(), 'out', 'renderer');
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** `voiceops serve`: the services in a plain Node process, served to browsers. */
export async function startConsole(options: StartConsoleOptions): Promise<RunningConsole> {
  const print = options.print ?? ((line: string) => process.stdout.write(line + '\n'));
  // Ownership first: a process that does not own the folder must not recover or schedule
  // anything; it throws DataFolderOwnedError naming the owner before touching the database.
  const claim = claimDataFolder(options.dataDir, {
    kind: options.kind ?? 'console',
    onLost: (by) => {
      app?.logger.error({ newOwner: by && { pid: by.pid, hostname: by.hostname } }, 'ownership of the data folder was taken over; schedules stopped');
      options.onOwnershipLost?.(by);
    },
  });
  let app: AppContext | undefined;
  try {
    app = await openAppContext({ dataDir: options.dataDir, frontDoor: 'headless', log: 'file' });
  } catch (error) {
    claim.release();
    throw error;
  }
  try {
    if (claim.tookOverFrom) {
      const { owner, reason } = claim.tookOverFrom;
      app.logger.warn({ previous: { pid: owner.pid, hostname: owner.hostname, since: owner.since }, reason }, 'took over the data folder from an owner that is gone');
      print(`took over the data folder from ${owner.kind} process ${owner.pid} (${reason})`);
    }
    await recoverDataFolder(app);
    const tls = options.tls && {
      key: fs.readFileSync(options.tls.keyFile),
      cert: fs.readFileSync(options.tls.certFile),
    };
    const server = await createConsoleServer({ app, rendererDir: builtRendererDir(), localCredential: claim.credential, ...(tls ? { tls } : {}) });
    await server.listen({ host: options.host, port: options.port });
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
    const url = `${tls ? 'https' : 'http'}://${shownHost}:${port}/`;
    app.logger.info({ url, dataDir: options.dataDir }, 'console listening');

    print(`VoiceOps console listening on ${url} (data folder ${options.dataDir})`);
    if (!isLoopback(options.host) && !tls) {
      print('warning: serving beyond this machine without TLS; pass --tls-cert and --tls-key on a shared network');
    }
    if (!app.auth.hasUsers()) {
      // First run: someone must be able to sign in. The token is printed once, never logged.
      const { token } = app.auth.addUser('admin', 'admin');
      app.audit.record({ actor: 'system', role: null, action: 'users.add', target: 'name=admin', success: true, origin: 'first-run' });
      print(`first run: created account "admin" (role admin). Sign-in token, shown only now: ${token} (open the URL and paste it)`);
    } else {
      print('sign in with your token; an admin can make one with: voiceops users add <name> --role admin|supervisor');
    }

    claim.serving(app, clientUrlFor(tls ? 'https' : 'http', options.host, port), {
      selfSignedOk: Boolean(tls),
      ...(options.catchUpDelayMs !== undefined ? { catchUpDelayMs: options.catchUpDelayMs } : {}),
    });
    const running = app;
    let stopped = false;
    return {
      url,
      app: running,
      server,
      async stop() {
        if (stopped) return;
        stopped = true;
        claim.stopDuties();
        running.bus.emit('server.notice', { level: 'warning', message: 'the console is shutting down' });
        await server.close();
        running.close();
        // Last: until the database is closed, no other process may start owning the folder.
        claim.release();
      },
    };
  } catch (error) {
    app.close();
    claim.release();
    throw error;
  }
}
