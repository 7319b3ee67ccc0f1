import { z } from 'zod';
import { defineProcedure, ROLES } from '../contract.js';

const everyone = ROLES;

export const engineBackendSchema = z.object({ name: z.string(), bundled: z.boolean() });

/**
 * Who owns the data folder (issue 9): 'service' when the owner is the installed system service
 * (the window and the console show "running as a service"), 'this-process' when the process
 * answering owns it itself, 'another-process' for another console or window, 'nobody' when no
 * live process owns it (a CLI command working on the folder directly).
 */
export const ownershipSchema = z.object({
  ownedBy: z.enum(['this-process', 'service', 'another-process', 'nobody']),
  owner: z
    .object({ kind: z.enum(['service', 'console', 'desktop']), pid: z.number().int(), hostname: z.string(), since: z.string(), url: z.string().nullable() })
    .nullable(),
});
export type Ownership = z.infer<typeof ownershipSchema>;
export const HEALTH_STATES = ['ok', 'warn', 'fail'] as const;
export const healthCheckSchema = z.object({
  name: z.enum(['database', 'models', 'disk', 'engine', 'backups']),
  state: z.enum(HEALTH_STATES),
  detail: z.string(),
});
/** The health check (issue #7): the worst of its checks is the overall state. */
export const healthSchema = z.object({ state: z.enum(HEALTH_STATES), checks: z.array(healthCheckSchema) });
export type Health = z.infer<typeof healthSchema>;
export type HealthCheck = z.infer<typeof healthCheckSchema>;

export const statusSchema = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  database: z.object({
    path: z.string(),
    schemaVersion: z.number().int(),
    latestSchemaVersion: z.number().int(),
    journalMode: z.string(),
  }),
  engine: z.object({
    runtime: z.literal('onnxruntime-node'),
    available: z.boolean(),
    version: z.string().nullable(),
    backends: z.array(engineBackendSchema),
    error: z.string().nullable(),
  }),
  host: z.object({ platform: z.string(), arch: z.string(), node: z.string(), hostname: z.string() }),
  frontDoor: z.enum(['desktop', 'headless', 'cli']),
  startedAt: z.string(),
  ownership: ownershipSchema,
  health: healthSchema,
});
export type Status = z.infer<typeof statusSchema>;

export const sessionInfoSchema = z.object({
  user: z.object({ name: z.string(), role: z.enum(ROLES) }),
  /** null inside the desktop app and the CLI, where the local user acts without a session. */
  expiresAt: z.string().nullable(),
  frontDoor: z.enum(['desktop', 'headless', 'cli']),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const emptyInput = z.object({}).strict();

/** What the app is and who is using it. */
export const systemProcedures = {
  'status.get': defineProcedure({
    kind: 'query',
    roles: everyone,
    summary: 'Show the data folder, database schema version, app version, engine availability and health',
    input: emptyInput,
    output: statusSchema,
    cli: { command: 'status' },
  }),
  'session.whoami': defineProcedure({
    kind: 'query',
    roles: everyone,
    summary: 'Who is signed in, with which role, until when',
    input: emptyInput,
    output: sessionInfoSchema,
    cli: false,
  }),
};
