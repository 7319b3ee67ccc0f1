import { z } from 'zod';
import { defineProcedure, ROLES } from '../contract.js';

const everyone = ROLES;

export const engineBackendSchema = z.object({ name: z.string(), bundled: z.boolean() });

export const HEALTH_STATES = ['ok', 'warn', 'fail'] as const;
export const healthCheckSchema = z.object({
  name: z.enum(['database', 'models', 'disk', 'engine']),
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
