import type { z } from 'zod';
import type { ProcedureDef, ProcedureKind } from '../contract.js';
import { accountProcedures } from './accounts.js';
import { jobProcedures } from './jobs.js';
import { modelProcedures } from './models.js';
import { settingsProcedures } from './settings.js';
import { engineProcedures } from './engine.js';
import { previewProcedures } from './previews.js';
import { systemProcedures } from './system.js';
import { backupProcedures } from './backups.js';
import { setupProcedures } from './setup.js';
import { metricsProcedures } from './metrics.js';
import { voiceTextProcedures } from './voice-text.js';

export * from './accounts.js';
export * from './jobs.js';
export * from './models.js';
export * from './settings.js';
export * from './engine.js';
export * from './previews.js';
export * from './system.js';
export * from './backups.js';
export * from './setup.js';
export * from './metrics.js';
export * from './voice-text.js';

/**
 * Every procedure of the product, one file per feature. Later issues add their file here; the
 * IPC handler, HTTP route, CLI command and react-query hook for each appear without further code.
 */
export const procedures = {
  ...systemProcedures,
  ...accountProcedures,
  ...jobProcedures,
  ...modelProcedures,
  ...settingsProcedures,
  ...engineProcedures,
  ...previewProcedures,
  ...backupProcedures,
  ...setupProcedures,
  ...metricsProcedures,
  ...voiceTextProcedures,
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

export function procedureKindOf(name: unknown): ProcedureKind | undefined {
  return isProcedureName(name) ? (procedures[name].kind as ProcedureKind) : undefined;
}
