import { z } from 'zod';
import { defineProcedure, ROLES } from '../contract.js';
import { lineName, safeName, staffCode } from '../names.js';

const adminOnly = ['admin'] as const;

/** 20250101T120000123Z-1a2b3c: sortable by time; the pattern keeps paths out of ids. */
export const BACKUP_ID_PATTERN = /^\d{8}T\d{6}(\d{3})?Z-[0-9a-f]{6}$/;
export const backupId = z.string().regex(BACKUP_ID_PATTERN, 'not a backup id (see: voiceops backup list)');

export const backupTargetSchema = z.object({
  name: z.string(),
  path: z.string(),
  createdAt: z.string(),
  reachable: z.boolean(),
  freeBytes: z.number().nullable(),
  backupCount: z.number().int(),
  lastBackupAt: z.string().nullable(),
});
export type BackupTarget = z.infer<typeof backupTargetSchema>;

const checkSummary = z.object({ at: z.string(), ok: z.boolean(), subsetPercent: z.number(), problems: z.number().int() }).nullable();

export const backupSchema = z.object({
  id: z.string(),
  target: z.string(),
  kind: z.enum(['scheduled', 'manual', 'pre-restore']),
  createdAt: z.string(),
  durationMs: z.number(),
  totalBytes: z.number(),
  newBytes: z.number(),
  fileCount: z.number().int(),
  versionCount: z.number().int(),
  appVersion: z.string(),
});
export const backupListEntrySchema = backupSchema.extend({ lastVerify: checkSummary, lastDrill: checkSummary });
export type BackupListEntry = z.infer<typeof backupListEntrySchema>;

export const checkReportSchema = z.object({
  backupId: z.string(),
  kind: z.enum(['verify', 'drill']),
  ok: z.boolean(),
  subsetPercent: z.number(),
  checkedFiles: z.number().int(),
  checkedBytes: z.number(),
  problems: z.array(z.object({ path: z.string(), state: z.enum(['corrupt', 'missing', 'mismatch', 'damaged']), detail: z.string() })),
  durationMs: z.number(),
});
export type CheckReport = z.infer<typeof checkReportSchema>;

export const restoreResultSchema = z.object({
  backupId: z.string(),
  scope: z.string(),
  dryRun: z.boolean(),
  changes: z.array(z.object({ kind: z.enum(['staff', 'line', 'version', 'settings']), name: z.string(), change: z.enum(['add', 'remove', 'update']), detail: z.string() })),
  blobsToCopy: z.number().int(),
  bytesToCopy: z.number(),
  snapshotBackupId: z.string().nullable(),
  affectedLines: z.array(z.string()),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

export const backupScheduleSchema = z.object({
  mode: z.enum(['every', 'cron']),
  everyHours: z.number().nullable(),
  cron: z.string().nullable(),
  timezone: z.string(),
  lastRunAt: z.string().nullable(),
  /** Why the last scheduled run failed; null when it succeeded or none ran yet. */
  lastError: z.string().nullable(),
  nextRunAt: z.string(),
});
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

const pruneReportSchema = z.object({ target: z.string(), removedBackups: z.array(z.string()), keptBackups: z.number().int(), removedBlobs: z.number().int(), freedBytes: z.number() });

const folderInput = z.string().min(1).max(4096).describe('an absolute path to a folder on another disk or a mounted share');

/** Backups (issue #6): targets, runs, history, verify, drill, restore, prune, schedule, repair. */
export const backupProcedures = {
  'backup.targetAdd': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Add a backup target folder (checked: absolute, exists, writable, free space); backups already in it are listed',
    input: z.object({ name: safeName.describe('a short name for the target'), folder: folderInput }).strict(),
    /** adoptedBackups: complete backups the folder held already (another installation's, or a removed target's), listed now. */
    output: backupTargetSchema.extend({ adoptedBackups: z.number().int(), warnings: z.array(z.string()) }),
    cli: { command: 'backup target add', positionals: ['name', 'folder'] },
  }),
  'backup.targetList': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Backup targets with free space and their number of backups',
    input: z.object({}).strict(),
    output: z.array(backupTargetSchema),
    cli: { command: 'backup target list' },
  }),
  'backup.targetRemove': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Forget a backup target (the backups in its folder stay on disk; adding the folder again lists them again)',
    input: z.object({ name: safeName }).strict(),
    output: backupTargetSchema,
    cli: { command: 'backup target remove', positionals: ['name'] },
  }),
  'backup.run': defineProcedure({
    kind: 'job',
    roles: adminOnly,
    summary: 'Back up now: the registry, every model file not yet in the target, settings, a manifest',
    input: z.object({ target: safeName.optional().describe('one target (default: every target)') }).strict(),
    output: z.array(backupSchema),
    cli: { command: 'backup run' },
  }),
  'backup.list': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Complete backups, newest first, with their last verification and drill',
    input: z.object({ target: safeName.optional() }).strict(),
    output: z.array(backupListEntrySchema),
    cli: { command: 'backup list' },
  }),
  'backup.show': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'One backup: the model lines, versions and staff it holds',
    input: z.object({ id: backupId }).strict(),
    output: backupSchema.extend({
      lines: z.array(z.object({ line: z.string(), versions: z.array(z.string()) })),
      staff: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
    cli: { command: 'backup show', positionals: ['id'] },
  }),
  'backup.verify': defineProcedure({
    kind: 'job',
    roles: adminOnly,
    summary: 'Re-read and re-hash the files of a backup in its target (all, or a random share)',
    input: z.object({ id: backupId, subset: z.number().min(1).max(100).optional().describe('percent of model files to re-read (default 100)') }).strict(),
    output: checkReportSchema,
    cli: { command: 'backup verify', positionals: ['id'], failureOf: (r) => (r.ok ? undefined : `${r.problems.length} problem(s) in backup ${r.backupId}`) },
  }),
  'backup.drill': defineProcedure({
    kind: 'job',
    roles: adminOnly,
    summary: 'Restore drill: restore into a scratch folder, open the database, check every manifest entry, delete the scratch',
    input: z.object({ id: backupId }).strict(),
    output: checkReportSchema,
    cli: { command: 'backup drill', positionals: ['id'], failureOf: (r) => (r.ok ? undefined : `the drill of backup ${r.backupId} failed: ${r.problems.length} problem(s)`) },
  }),
  'backup.restore': defineProcedure({
    kind: 'job',
    roles: adminOnly,
    summary: 'Restore a backup (whole, one line or one staff member); backs up the current state first and rolls back on failure',
    input: z
      .object({
        id: backupId,
        line: lineName.optional().describe('restore only this model line'),
        staff: staffCode.optional().describe('restore only this staff member'),
        dryRun: z.boolean().optional().describe('list what would change, change nothing'),
      })
      .strict()
      .refine((i) => !(i.line && i.staff), { message: 'give --line or --staff, not both', path: ['line'] }),
    output: restoreResultSchema,
    cli: { command: 'backup restore', positionals: ['id'] },
  }),
  'backup.prune': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Apply retention (keep last N, daily, weekly, monthly) and remove target files no kept backup references',
    input: z.object({ target: safeName.optional() }).strict(),
    output: z.array(pruneReportSchema),
    cli: { command: 'backup prune' },
  }),
  'backup.delete': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Delete one backup and the target files no other backup references',
    input: z.object({ id: backupId }).strict(),
    output: pruneReportSchema,
    cli: { command: 'backup delete', positionals: ['id'] },
  }),
  'backup.scheduleGet': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'The backup schedule and its next run',
    input: z.object({}).strict(),
    output: backupScheduleSchema,
    cli: false,
  }),
  'backup.schedule': defineProcedure({
    kind: 'mutation',
    roles: adminOnly,
    summary: 'Set the schedule: --every <hours>h or --cron "<expr>" [--tz <zone>] (default every 24h, Asia/Taipei); no option shows it',
    input: z
      .object({
        every: z.string().regex(/^\d{1,4}h$/, 'must be hours like 24h').optional().describe('e.g. 24h'),
        cron: z.string().min(1).max(200).optional().describe('a cron expression, e.g. "0 2 * * *"'),
        tz: z.string().min(1).max(64).optional().describe('time zone, e.g. Asia/Taipei'),
      })
      .strict()
      .refine((i) => !(i.every && i.cron), { message: 'give --every or --cron, not both', path: ['every'] })
      .refine((i) => !i.every || (Number(i.every.slice(0, -1)) >= 1 && Number(i.every.slice(0, -1)) <= 8760), { message: 'between 1h and 8760h', path: ['every'] }),
    output: backupScheduleSchema,
    cli: { command: 'backup schedule' },
  }),
  'backup.repair': defineProcedure({
    kind: 'job',
    roles: adminOnly,
    summary: 'Fetch corrupt or missing model files of the store back from the newest backup that has them, then verify',
    input: z.object({}).strict(),
    output: z.object({ repaired: z.array(z.object({ sha256: z.string(), fromBackup: z.string() })), unrepaired: z.array(z.string()), problemsAfter: z.number().int() }),
    cli: { command: 'backup repair', failureOf: (r) => (r.unrepaired.length ? `${r.unrepaired.length} file(s) found in no backup` : undefined) },
  }),
};
