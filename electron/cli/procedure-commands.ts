import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { PROCEDURE_NAMES, procedures, type ProcedureDef } from '../api/index.js';
import { resolveDataDir } from '../core/data-dir.js';
import { CliFailure, type CliIo } from './cli-io.js';
import { formatForHumans } from './format-output.js';
import { runProcedureForCli } from './run-procedure.js';

/** Writes a base64 field of the result to a file (atomically) and returns the result with the file's path instead. */
function writeFileOutput(value: unknown, field: string, file: string): unknown {
  const record = value as Record<string, unknown>;
  const target = path.resolve(file);
  const partial = `${target}.part`;
  fs.writeFileSync(partial, Buffer.from(String(record[field]), 'base64'));
  fs.renameSync(partial, target);
  const { [field]: _written, ...rest } = record;
  return { file: target, ...rest };
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

interface FieldInfo {
  kind: 'string' | 'number' | 'boolean';
  required: boolean;
  choices?: readonly string[];
  description: string;
}

/** Reads enough of a zod field to turn it into a CLI argument or option. */
function fieldInfo(schema: z.ZodType): FieldInfo {
  let inner: z.ZodType = schema;
  let required = true;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodNullable) {
    required = false;
    inner = inner.unwrap() as z.ZodType;
  }
  const description = schema.description ?? inner.description ?? '';
  if (inner instanceof z.ZodEnum) {
    return { kind: 'string', required, choices: inner.options.map(String), description };
  }
  if (inner instanceof z.ZodBoolean) return { kind: 'boolean', required: false, description };
  if (inner instanceof z.ZodNumber) return { kind: 'number', required, description };
  return { kind: 'string', required, description };
}

function inputShape(def: ProcedureDef): Record<string, z.ZodType> {
  return def.input instanceof z.ZodObject ? (def.input.shape as Record<string, z.ZodType>) : {};
}

/** Finds or creates the nested command for the words before the last one ("users" of "users add"). */
function parentFor(program: Command, words: string[]): Command {
  let parent = program;
  for (const word of words) {
    parent = parent.commands.find((c) => c.name() === word) ?? parent.command(word).description(`${word} commands`);
  }
  return parent;
}

/**
 * One CLI command per procedure that declares `cli` in the contract: positionals from the
 * spec, every other input field as --kebab-case option, --json for the raw output. Nothing
 * here knows any particular procedure.
 */
export function addProcedureCommands(program: Command, io: CliIo): void {
  for (const name of PROCEDURE_NAMES) {
    const def: ProcedureDef = procedures[name];
    if (!def.cli) continue;
    const words = def.cli.command.split(' ');
    const command = parentFor(program, words.slice(0, -1)).command(words.at(-1)!).description(def.summary);
    const shape = inputShape(def);
    const positionals = def.cli.positionals ?? [];
    for (const field of positionals) {
      const info = fieldInfo(shape[field]!);
      command.argument(info.required ? `<${field}>` : `[${field}]`, info.description);
    }
    for (const [field, schema] of Object.entries(shape)) {
      if (positionals.includes(field)) continue;
      const info = fieldInfo(schema);
      const flag = info.kind === 'boolean' ? `--${kebab(field)}` : `--${kebab(field)} <${field}>`;
      const option = new Option(flag, info.description);
      if (info.choices) option.choices(info.choices);
      if (info.kind === 'number') option.argParser((raw) => Number(raw));
      command.addOption(option);
    }
    const fileOutput = def.cli.fileOutput;
    if (fileOutput) command.requiredOption(`--${fileOutput.flag} <file>`, fileOutput.description);
    command
      .option('--data-dir <dir>', 'data folder (default: $VOICEOPS_DATA_DIR or the platform data folder)')
      .option('--json', 'print the result as JSON');
    command.action(async (...args: unknown[]) => {
      const options = args[positionals.length] as Record<string, unknown>;
      const input: Record<string, unknown> = {};
      positionals.forEach((field, i) => {
        if (args[i] !== undefined) input[field] = args[i];
      });
      for (const field of Object.keys(shape)) {
        if (!positionals.includes(field) && options[field] !== undefined) input[field] = options[field];
      }
      const dataDir = resolveDataDir(options['dataDir'] as string | undefined);
      const result = await runProcedureForCli(dataDir, name, def, input, io);
      if (!result.ok) throw new CliFailure(result.error.code, result.error.message);
      // A file the command produces is written here, by the CLI (its user, its working folder),
      // also when the owner computed the result: only the bytes travel over loopback.
      const shown = fileOutput ? writeFileOutput(result.value, fileOutput.field, String(options[fileOutput.flag])) : result.value;
      const human = def.cli && def.cli.format && !fileOutput ? def.cli.format(shown as never) : formatForHumans(shown);
      io.out(options['json'] ? JSON.stringify(shown, null, 2) : human);
      if (!options['json'] && def.cli && def.cli.notice) io.err(def.cli.notice);
      const failure = def.cli && def.cli.failureOf ? def.cli.failureOf(result.value as never) : undefined;
      if (failure) throw new CliFailure('INTEGRITY_FAILED', failure);
    });
  }
}
