import { z } from 'zod';
import { defineProcedure, ROLES } from '../contract.js';
import { userName } from '../names.js';
import { emptyInput } from './system.js';

const adminOnly = ['admin'] as const;

export const userSchema = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  disabled: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

/** Accounts of the headless console (the desktop user and the CLI act as the local admin). */
export const accountProcedures = {
  'users.list': defineProcedure({
    kind: 'query',
    roles: adminOnly,
    summary: 'List the accounts of the headless console',
    input: emptyInput,
    output: z.array(userSchema),
    cli: { command: 'users list' },
  }),
  'users.add': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Add an account and print its sign-in token (shown once, stored only as a hash)',
    input: z
      .object({
        name: userName,
        role: z.enum(ROLES).describe('admin (everything) or supervisor (listen, compare, rate)'),
      })
      .strict(),
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
};
