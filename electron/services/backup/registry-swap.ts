import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError, settingsSchema } from '../../api/index.js';

/**
 * The settings a whole restore brings back: the declared user settings. Other rows of the same
 * table belong to this installation (where its setup wizard is) and are never replaced.
 */
const USER_SETTING_KEYS: ReadonlySet<string> = new Set(Object.keys(settingsSchema.shape));

/** Which part of the registry a restore replaces. */
export type RestoreScope = { kind: 'whole' } | { kind: 'line'; line: string } | { kind: 'staff'; code: string };

export function describeScope(scope: RestoreScope): string {
  return scope.kind === 'whole' ? 'whole' : scope.kind === 'line' ? `line=${scope.line}` : `staff=${scope.code}`;
}

export function parseScope(text: string): RestoreScope {
  if (text.startsWith('line=')) return { kind: 'line', line: text.slice(5) };
  if (text.startsWith('staff=')) return { kind: 'staff', code: text.slice(6) };
  return { kind: 'whole' };
}

interface StaffRow { code: string; name: string; created_at: string; retired_at: string | null }
interface LineRow { line: string; family: string; staff_code: string | null; pinned_version: string | null; created_at: string }
interface VersionRow {
  id: number; line: string; version: string; format: string; manifest: string; total_bytes: number;
  imported_at: string; imported_by: string; verify_state: string; verified_at: string | null;
}
interface FileRow { version_id: number; path: string; role: string; size: number; sha256: string; state: string }

interface Registry {
  staff: Map<string, StaffRow>;
  lines: Map<string, LineRow>;
  versions: Map<string, VersionRow>; // key line@version
  files: Map<number, FileRow[]>;
  settings: Map<string, string>;
}

function load(db: Database): Registry {
  const files = new Map<number, FileRow[]>();
  for (const f of db.prepare('SELECT version_id, path, role, size, sha256, state FROM version_files').all() as FileRow[]) {
    files.set(f.version_id, [...(files.get(f.version_id) ?? []), f]);
  }
  return {
    staff: new Map((db.prepare('SELECT code, name, created_at, retired_at FROM staff').all() as StaffRow[]).map((s) => [s.code, s])),
    lines: new Map((db.prepare('SELECT line, family, staff_code, pinned_version, created_at FROM model_lines').all() as LineRow[]).map((l) => [l.line, l])),
    versions: new Map(
      (db.prepare('SELECT id, line, version, format, manifest, total_bytes, imported_at, imported_by, verify_state, verified_at FROM model_versions').all() as VersionRow[]).map(
        (v) => [`${v.line}@${v.version}`, v],
      ),
    ),
    files,
    settings: new Map(
      (db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>).filter((s) => USER_SETTING_KEYS.has(s.key)).map((s) => [s.key, s.value]),
    ),
  };
}

export function loadRegistryFile(file: string): Registry {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return load(db);
  } finally {
    db.close();
  }
}

export interface RestoreChange {
  kind: 'staff' | 'line' | 'version' | 'settings';
  name: string;
  change: 'add' | 'remove' | 'update';
  detail: string;
}

export interface RestorePlan {
  changes: RestoreChange[];
  /** Every model file the registry in scope will reference afterwards: digest → size. */
  neededBlobs: Map<string, number>;
  lines: string[];
}

function scopeSets(current: Registry, backup: Registry, scope: RestoreScope): { staff: string[]; lines: string[]; deleteStaff: boolean } {
  const allLines = new Set([...current.lines.keys(), ...backup.lines.keys()]);
  if (scope.kind === 'whole') return { staff: [...new Set([...current.staff.keys(), ...backup.staff.keys()])], lines: [...allLines], deleteStaff: true };
  if (scope.kind === 'staff') {
    if (!backup.staff.has(scope.code)) throw new AppError('NOT_FOUND', `staff member ${scope.code} is not in this backup`);
    const lines = [...allLines].filter((l) => (current.lines.get(l) ?? backup.lines.get(l))!.staff_code === scope.code);
    return { staff: [scope.code], lines, deleteStaff: false };
  }
  const line = backup.lines.get(scope.line);
  if (!line) throw new AppError('NOT_FOUND', `model line ${scope.line} is not in this backup`);
  return { staff: line.staff_code ? [line.staff_code] : [], lines: [scope.line], deleteStaff: false };
}

/** What a restore of `scope` from `backup` would change in `current` (the dry run shows this). */
export function planRestore(currentDb: Database, backup: Registry, scope: RestoreScope): RestorePlan {
  const current = load(currentDb);
  const sets = scopeSets(current, backup, scope);
  const changes: RestoreChange[] = [];
  for (const code of sets.staff) {
    const [now, then] = [current.staff.get(code), backup.staff.get(code)];
    if (!now && then) changes.push({ kind: 'staff', name: code, change: 'add', detail: then.name });
    else if (now && !then && sets.deleteStaff) changes.push({ kind: 'staff', name: code, change: 'remove', detail: 'not in the backup; their voices go too' });
    else if (now && then && (now.name !== then.name || now.retired_at !== then.retired_at)) changes.push({ kind: 'staff', name: code, change: 'update', detail: `${now.name} → ${then.name}` });
  }
  const neededBlobs = new Map<string, number>();
  for (const line of sets.lines) {
    const [now, then] = [current.lines.get(line), backup.lines.get(line)];
    if (!then) {
      changes.push({ kind: 'line', name: line, change: 'remove', detail: 'not in the backup' });
      continue;
    }
    if (!now) changes.push({ kind: 'line', name: line, change: 'add', detail: '' });
    else if (now.pinned_version !== then.pinned_version) changes.push({ kind: 'line', name: line, change: 'update', detail: `pinned ${now.pinned_version ?? 'none'} → ${then.pinned_version ?? 'none'}` });
    const versionsOf = (r: Registry) => [...r.versions.values()].filter((v) => v.line === line);
    for (const v of versionsOf(current)) if (!backup.versions.has(`${line}@${v.version}`)) changes.push({ kind: 'version', name: `${line}@${v.version}`, change: 'remove', detail: 'not in the backup' });
    for (const v of versionsOf(backup)) {
      for (const f of backup.files.get(v.id) ?? []) neededBlobs.set(f.sha256, f.size);
      const existing = current.versions.get(`${line}@${v.version}`);
      if (!existing) changes.push({ kind: 'version', name: `${line}@${v.version}`, change: 'add', detail: `${v.total_bytes} bytes` });
      else if (existing.manifest !== v.manifest) changes.push({ kind: 'version', name: `${line}@${v.version}`, change: 'update', detail: 'different files' });
    }
  }
  if (scope.kind === 'whole') {
    const keys = new Set([...current.settings.keys(), ...backup.settings.keys()]);
    for (const key of keys) {
      if (current.settings.get(key) !== backup.settings.get(key)) changes.push({ kind: 'settings', name: key, change: 'update', detail: `${current.settings.get(key) ?? 'default'} → ${backup.settings.get(key) ?? 'default'}` });
    }
  }
  return { changes, neededBlobs, lines: sets.lines };
}

/**
 * Replaces the scope's part of the live registry with the backup's, in ONE SQLite transaction:
 * either all of it changes or nothing does. Rows are updated in place where a version exists
 * in both (ratings and previews that point at it survive); versions, lines and staff the
 * backup lacks are removed (whole restore: every staff member; otherwise only in scope).
 * Users, sessions, the audit log and the backup tables are never touched: the audit log must
 * keep the history of the restore itself, and accounts are not model state.
 */
export function swapRegistry(db: Database, backup: Registry, scope: RestoreScope): void {
  db.transaction(() => {
    const current = load(db);
    const sets = scopeSets(current, backup, scope);
    const upsertStaff = db.prepare(
      `INSERT INTO staff (code, name, created_at, retired_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(code) DO UPDATE SET name = excluded.name, created_at = excluded.created_at, retired_at = excluded.retired_at`,
    );
    for (const code of sets.staff) {
      const then = backup.staff.get(code);
      if (then) upsertStaff.run(then.code, then.name, then.created_at, then.retired_at);
    }
    const insertFile = db.prepare('INSERT INTO version_files (version_id, path, role, size, sha256, state) VALUES (?, ?, ?, ?, ?, ?)');
    for (const line of sets.lines) {
      const then = backup.lines.get(line);
      if (!then) {
        db.prepare('DELETE FROM model_lines WHERE line = ?').run(line);
        continue;
      }
      db.prepare(
        `INSERT INTO model_lines (line, family, staff_code, pinned_version, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(line) DO UPDATE SET family = excluded.family, staff_code = excluded.staff_code, pinned_version = excluded.pinned_version`,
      ).run(then.line, then.family, then.staff_code, then.pinned_version, then.created_at);
      for (const v of current.versions.values()) {
        if (v.line === line && !backup.versions.has(`${line}@${v.version}`)) db.prepare('DELETE FROM model_versions WHERE id = ?').run(v.id);
      }
      for (const v of backup.versions.values()) {
        if (v.line !== line) continue;
        const existing = current.versions.get(`${line}@${v.version}`);
        let id: number;
        if (existing) {
          id = existing.id;
          db.prepare(
            `UPDATE model_versions SET format = ?, manifest = ?, total_bytes = ?, imported_at = ?, imported_by = ?, verify_state = ?, verified_at = ? WHERE id = ?`,
          ).run(v.format, v.manifest, v.total_bytes, v.imported_at, v.imported_by, v.verify_state, v.verified_at, id);
          db.prepare('DELETE FROM version_files WHERE version_id = ?').run(id);
        } else {
          const info = db
            .prepare(
              `INSERT INTO model_versions (line, version, format, manifest, total_bytes, imported_at, imported_by, verify_state, verified_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(v.line, v.version, v.format, v.manifest, v.total_bytes, v.imported_at, v.imported_by, v.verify_state, v.verified_at);
          id = Number(info.lastInsertRowid);
        }
        for (const f of backup.files.get(v.id) ?? []) insertFile.run(id, f.path, f.role, f.size, f.sha256, f.state);
      }
    }
    if (sets.deleteStaff) {
      for (const code of current.staff.keys()) if (!backup.staff.has(code)) db.prepare('DELETE FROM staff WHERE code = ?').run(code);
    }
    if (scope.kind === 'whole') {
      const remove = db.prepare('DELETE FROM settings WHERE key = ?');
      for (const key of USER_SETTING_KEYS) remove.run(key);
      const insert = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
      for (const [key, value] of backup.settings) insert.run(key, value, new Date().toISOString());
    }
  })();
}
