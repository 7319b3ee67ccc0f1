import { z } from 'zod';
import { defineProcedure, ROLES } from '../contract.js';
import { lineName, semverString, staffCode } from '../names.js';
import { emptyInput } from './system.js';

const adminOnly = ['admin'] as const;

export const MODEL_FORMATS = ['gpt-sovits-v2', 'piper', 'emotion-text', 'emotion-audio', 'pretrained'] as const;
export type ModelFormat = (typeof MODEL_FORMATS)[number];
export const FILE_STATES = ['ok', 'corrupt', 'missing'] as const;

export const staffMemberSchema = z.object({
  code: z.string(),
  name: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  versionCount: z.number().int(),
  activeVersion: z.string().nullable(),
  totalBytes: z.number(),
  /** A sample-pack member: their active version (or, with none active, every version) is a sample. */
  sample: z.boolean(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const fileEntrySchema = z.object({
  path: z.string(),
  role: z.string(),
  size: z.number(),
  sha256: z.string(),
  state: z.enum(FILE_STATES),
});

export const lintFindingSchema = z.object({
  file: z.string(),
  level: z.enum(['warning', 'error']),
  code: z.string(),
  message: z.string(),
});
export type LintFinding = z.infer<typeof lintFindingSchema>;

export const versionSummarySchema = z.object({
  line: z.string(),
  version: z.string(),
  format: z.enum(MODEL_FORMATS),
  importedAt: z.string(),
  importedBy: z.string(),
  totalBytes: z.number(),
  fileCount: z.number().int(),
  verifyState: z.enum(FILE_STATES),
  verifiedAt: z.string().nullable(),
  active: z.boolean(),
  pinned: z.boolean(),
  warnings: z.array(lintFindingSchema),
  sample: z.boolean(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const lineSummarySchema = z.object({
  line: z.string(),
  family: z.enum(['voice', 'emotion', 'pretrained']),
  staffCode: z.string().nullable(),
  activeVersion: z.string().nullable(),
  pinnedVersion: z.string().nullable(),
  versions: z.array(versionSummarySchema),
});
export type LineSummary = z.infer<typeof lineSummarySchema>;

export const versionDetailSchema = versionSummarySchema.extend({
  files: z.array(fileEntrySchema),
  metadata: z.record(z.string(), z.unknown()),
});

export const verifyReportSchema = z.object({
  checkedVersions: z.number().int(),
  checkedFiles: z.number().int(),
  checkedBytes: z.number(),
  problems: z.array(
    z.object({ line: z.string(), version: z.string(), path: z.string(), sha256: z.string(), state: z.enum(['corrupt', 'missing']) }),
  ),
  /** With --repair: files fetched back from a backup, and those no backup has. */
  repaired: z.array(z.object({ sha256: z.string(), fromBackup: z.string() })).optional(),
  unrepaired: z.array(z.string()).optional(),
});

export const storageReportSchema = z.object({
  dataDir: z.string(),
  disk: z.object({ totalBytes: z.number(), freeBytes: z.number(), usedPercent: z.number() }),
  categories: z.array(z.object({ key: z.string(), label: z.string(), bytes: z.number() })),
  staff: z.array(z.object({ code: z.string(), modelBytes: z.number(), referenceAudioBytes: z.number() })),
  storedBytes: z.number(),
  dedupSavedBytes: z.number(),
  newStaffMemberEstimateBytes: z.number(),
  newStaffMemberEstimateBasis: z.enum(['measured', 'brief']),
});
export type StorageReport = z.infer<typeof storageReportSchema>;

const pathInput = z.string().min(1).max(4096);

/** Staff members and their model lines, versions, verification, bundles and storage. */
export const modelProcedures = {
  'staff.list': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'List staff members with their voice versions',
    input: z.object({ includeRetired: z.boolean().optional() }).strict(),
    output: z.array(staffMemberSchema),
    cli: { command: 'staff list' },
  }),
  'staff.add': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Add a staff member (their voice line is voice/<code>)',
    input: z.object({ code: staffCode, name: z.string().trim().min(1).max(100).describe('display name') }).strict(),
    output: staffMemberSchema,
    cli: { command: 'staff add', positionals: ['code'] },
  }),
  'staff.rename': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: "Change a staff member's display name (the code stays)",
    input: z.object({ code: staffCode, name: z.string().trim().min(1).max(100) }).strict(),
    output: staffMemberSchema,
    cli: { command: 'staff rename', positionals: ['code'] },
  }),
  'staff.retire': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Retire a staff member; their voices stay until purged',
    input: z.object({ code: staffCode }).strict(),
    output: staffMemberSchema,
    cli: { command: 'staff retire', positionals: ['code'] },
  }),
  'staff.purge': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Delete a retired staff member, every voice version and reference clip, for good',
    input: z.object({ code: staffCode, confirm: z.string().describe('repeat the staff code to confirm') }).strict(),
    output: z.object({ code: z.string(), removedVersions: z.number().int(), freedBytes: z.number() }),
    cli: { command: 'staff purge', positionals: ['code'] },
  }),
  'models.list': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'List model lines and their versions (active marker, verification state)',
    input: z.object({ line: lineName.optional() }).strict(),
    output: z.array(lineSummarySchema),
    cli: { command: 'models list' },
  }),
  'models.show': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'One version: its files, checksums and metadata',
    input: z.object({ line: lineName, version: semverString }).strict(),
    output: versionDetailSchema,
    cli: { command: 'models show', positionals: ['line', 'version'] },
  }),
  'models.import': defineProcedure({
    kind: 'job',
    roles: adminOnly,
    summary: 'Import a version from a folder or file (hashes while copying, checks the format first)',
    input: z
      .object({
        path: pathInput.describe('folder or file; from the console, a name inside <data>/incoming'),
        line: lineName,
        version: semverString,
        format: z.enum(MODEL_FORMATS).optional(),
      })
      .strict(),
    output: versionSummarySchema,
    cli: { command: 'models import', positionals: ['path'] },
  }),
  'models.promote': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: "Make a version the line's active one (pins it)",
    input: z.object({ line: lineName, version: semverString }).strict(),
    output: lineSummarySchema,
    cli: { command: 'models promote', positionals: ['line', 'version'] },
  }),
  'models.rollback': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Make the healthy version just below the active one active',
    input: z.object({ line: lineName }).strict(),
    output: lineSummarySchema,
    cli: { command: 'models rollback', positionals: ['line'] },
  }),
  'models.unpin': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Follow "latest" again (the highest healthy version is active)',
    input: z.object({ line: lineName }).strict(),
    output: lineSummarySchema,
    cli: { command: 'models unpin', positionals: ['line'] },
  }),
  'models.delete': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Delete a version that is neither active nor pinned',
    input: z.object({ line: lineName, version: semverString }).strict(),
    output: z.object({ freedBytes: z.number() }),
    cli: { command: 'models delete', positionals: ['line', 'version'] },
  }),
  'models.verify': defineProcedure({
    kind: 'job',
    roles: adminOnly,
    summary: 'Re-hash every stored file; report corrupt and missing ones (exit 1 if any); --repair fetches them back from backups',
    input: z.object({ line: lineName.optional(), repair: z.boolean().optional().describe('fetch corrupt or missing files back from the newest backup that has them') }).strict(),
    output: verifyReportSchema,
    cli: {
      command: 'models verify',
      failureOf: (report) =>
        report.problems.length > 0 ? `${report.problems.length} stored file(s) corrupt or missing` : undefined,
    },
  }),
  'models.export': defineProcedure({
    kind: 'job',
    roles: adminOnly,
    summary: 'Write a version, or every version of a line, to one bundle file',
    input: z
      .object({
        line: lineName,
        version: semverString.optional(),
        out: pathInput.optional().describe('bundle file to write (CLI only; the console writes to <data>/exports)'),
      })
      .strict(),
    output: z.object({
      file: z.string(),
      bytes: z.number(),
      versions: z.array(z.string()),
      sha256: z.string(),
      /** Where a browser downloads it (GET, admin) when it was written to <data>/exports; else null. */
      downloadPath: z.string().nullable(),
    }),
    cli: { command: 'models export', positionals: ['line', 'version'] },
  }),
  'models.importBundle': defineProcedure({
    kind: 'job',
    roles: adminOnly,
    summary: 'Import a bundle from another workstation; every file is verified before acceptance',
    input: z.object({ path: pathInput.describe('bundle file; from the console, a name inside <data>/incoming') }).strict(),
    output: z.object({ imported: z.array(z.object({ line: z.string(), version: z.string() })), skipped: z.array(z.string()) }),
    cli: { command: 'models import-bundle', positionals: ['path'] },
  }),
  'models.audit': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'The audit trail of a model line',
    input: z.object({ line: lineName, limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.array(
      z.object({ at: z.string(), actor: z.string(), action: z.string(), target: z.string().nullable(), success: z.boolean(), origin: z.string() }),
    ),
    cli: { command: 'models audit', positionals: ['line'] },
  }),
  'storage.report': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Where the space goes, against the free space of the data disk',
    input: emptyInput,
    output: storageReportSchema,
    cli: { command: 'storage' },
  }),
  'incoming.list': defineProcedure({
    kind: 'query',
    roles: adminOnly,
    summary: 'Folders and files waiting in <data>/incoming to be imported',
    input: emptyInput,
    output: z.array(z.object({ name: z.string(), kind: z.enum(['folder', 'file']), bytes: z.number(), files: z.number().int() })),
    cli: { command: 'incoming list' },
  }),
  'incoming.delete': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Remove a folder or file from <data>/incoming (after it was imported, or by mistake)',
    input: z.object({ name: z.string().min(1).max(128).describe('an entry of incoming list') }).strict(),
    output: z.object({ name: z.string(), freedBytes: z.number() }),
    cli: { command: 'incoming delete', positionals: ['name'] },
  }),
};
