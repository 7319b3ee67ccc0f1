import { z } from 'zod';
import { defineProcedure } from '../contract.js';
import { doctorReportSchema, workloadFitSchema } from './setup-schemas.js';
import { formatDoctorReport } from './setup-doctor-text.js';

export * from './setup-schemas.js';
export { formatDoctorReport } from './setup-doctor-text.js';

const adminOnly = ['admin'] as const;

/** The wizard's steps in order (issue #7). The summary is the last; finishing it completes the wizard. */
export const WIZARD_STEPS = ['language', 'hardware', 'data-folder', 'database', 'accounts', 'backup', 'samples', 'summary'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export const WIZARD_LANGUAGES = ['zh-TW', 'en'] as const;

export const staffCount = z.number().int().min(1).max(1000);

export const wizardStateSchema = z.object({
  /** Where the wizard is: a restart resumes here. */
  current: z.enum(WIZARD_STEPS),
  steps: z.array(z.object({ id: z.enum(WIZARD_STEPS), state: z.enum(['pending', 'done', 'skipped']), at: z.string().nullable() })),
  language: z.enum(WIZARD_LANGUAGES).nullable(),
  staffCount,
  completedAt: z.string().nullable(),
});
export type WizardState = z.infer<typeof wizardStateSchema>;

export const dataFolderReportSchema = z.object({
  path: z.string(),
  sizeBytes: z.number(),
  freeBytes: z.number(),
  folders: z.array(z.object({ name: z.string(), exists: z.boolean() })),
  writable: z.boolean(),
  storage: workloadFitSchema.shape.storage,
});
export type DataFolderReport = z.infer<typeof dataFolderReportSchema>;

export const databaseReportSchema = z.object({
  path: z.string(),
  sizeBytes: z.number(),
  schemaVersion: z.number().int(),
  latestSchemaVersion: z.number().int(),
  journalMode: z.string(),
  /** PRAGMA quick_check: "ok" or the first problem found. */
  check: z.string(),
});
export type DatabaseReport = z.infer<typeof databaseReportSchema>;

const stepInput = z
  .object({
    step: z.enum(WIZARD_STEPS).describe(WIZARD_STEPS.join(', ')),
    language: z.enum(WIZARD_LANGUAGES).optional().describe('the language step: zh-TW or en'),
    staffCount: staffCount.optional().describe('the hardware step: staff members to plan for'),
    skip: z.boolean().optional().describe('the backup and sample steps: go on without'),
  })
  .strict()
  .refine((i) => i.step !== 'language' || i.language !== undefined, { message: 'choose a language', path: ['language'] })
  .refine((i) => i.skip !== true || i.step === 'backup' || i.step === 'samples', { message: 'only the backup and sample steps can be skipped', path: ['skip'] });

/** Hardware validation and the setup wizard (issue #7). */
export const setupProcedures = {
  'hardware.doctor': defineProcedure({
    kind: 'query',
    roles: adminOnly,
    summary: 'Check this machine against the hardware tiers and the workload of N staff members',
    input: z
      .object({ staff: staffCount.optional().describe('staff members to plan for (default: the wizard\'s figure, 10)') })
      .strict(),
    output: doctorReportSchema,
    cli: { command: 'doctor', format: formatDoctorReport },
  }),
  'setup.state': defineProcedure({
    kind: 'query',
    roles: adminOnly,
    summary: 'Where the setup wizard is and which steps are done',
    input: z.object({}).strict(),
    output: wizardStateSchema,
    cli: { command: 'setup status' },
  }),
  'setup.goTo': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Move the wizard to a step already reached (Back, or a step of a finished wizard); changes nothing else',
    input: z.object({ step: z.enum(WIZARD_STEPS) }).strict(),
    output: wizardStateSchema,
    cli: false,
  }),
  'setup.confirm': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Confirm a wizard step: do what it does (idempotent) and go to the next, e.g. setup confirm backup --skip',
    input: stepInput,
    output: wizardStateSchema,
    cli: { command: 'setup confirm', positionals: ['step'] },
  }),
  'setup.restart': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Run the wizard again from the first step (what earlier steps did stays)',
    input: z.object({}).strict(),
    output: wizardStateSchema,
    cli: { command: 'setup restart' },
  }),
  'setup.dataFolder': defineProcedure({
    kind: 'query',
    roles: adminOnly,
    summary: 'The data folder this console runs on: free space, its folders, the projected storage',
    input: z.object({}).strict(),
    output: dataFolderReportSchema,
    cli: false,
  }),
  'setup.database': defineProcedure({
    kind: 'query',
    roles: adminOnly,
    summary: 'The database: schema version against the app\'s, journal mode, a quick integrity check',
    input: z.object({}).strict(),
    output: databaseReportSchema,
    cli: false,
  }),
};
