import { z } from 'zod';
import { defineProcedure, ROLES, type ProcedureDef } from './contract.js';
import { userName } from './names.js';

const everyone = ROLES;
const adminOnly = ['admin'] as const;

export const engineBackendSchema = z.object({ name: z.string(), bundled: z.boolean() });

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
});
export type Status = z.infer<typeof statusSchema>;

export const userSchema = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  disabled: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const sessionInfoSchema = z.object({
  user: z.object({ name: z.string(), role: z.enum(ROLES) }),
  /** null inside the desktop app and the CLI, where the local user acts without a session. */
  expiresAt: z.string().nullable(),
  frontDoor: z.enum(['desktop', 'headless', 'cli']),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

const empty = z.object({}).strict();

/**
 * Every procedure of the product. Later issues add their procedures here; the IPC handler,
 * HTTP route, CLI command and react-query hook for each appear without further code.
 */
export const procedures = {
  'status.get': defineProcedure({
    kind: 'query',
    roles: everyone,
    summary: 'Show the data folder, database schema version, app version and engine availability',
    input: empty,
    output: statusSchema,
    cli: { command: 'status' },
  }),
  'session.whoami': defineProcedure({
    kind: 'query',
    roles: everyone,
    summary: 'Who is signed in, with which role, until when',
    input: empty,
    output: sessionInfoSchema,
    cli: false,
  }),
  'users.list': defineProcedure({
    kind: 'query',
    roles: adminOnly,
    summary: 'List the accounts of the headless console',
    input: empty,
    output: z.array(userSchema),
    cli: { command: 'users list' },
  }),
  'users.add': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Add an account and print its sign-in token (shown once, stored only as a hash)',
    input: z.object({ name: userName, role: z.enum(ROLES).describe('admin (everything) or supervisor (listen, compare, rate)') }).strict(),
    output: z.object({ user: userSchema, token: z.string() }),
    cli: {
      command: 'users add',
      positionals: ['name'],
      notice: 'The token is shown only now and stored only as a hash: give it to the user, then clear your screen.',
    },
  }),
  'users.disable': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Disable an account: its token and open sessions stop working at once',
    input: z.object({ name: userName }).strict(),
    output: userSchema,
    cli: { command: 'users disable', positionals: ['name'] },
  }),
} satisfies Record<string, ProcedureDef>;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
/** What a caller passes (before defaults and transforms). */
export type InputOf<N extends ProcedureName> = z.input<Procedures[N]['input']>;
/** What a handler receives (after validation). */
export type ParsedInputOf<N extends ProcedureName> = z.output<Procedures[N]['input']>;
export type OutputOf<N extends ProcedureName> = z.output<Procedures[N]['output']>;

export const PROCEDURE_NAMES = Object.keys(procedures) as ProcedureName[];

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.hasOwn(procedures, name);
}
