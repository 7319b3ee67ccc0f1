import { AppError, settingsSchema, type SettingKey } from '../../api/index.js';
import type { SettingsService } from '../../services/settings/settings-service.js';

/** A value typed on the command line: JSON when it parses, else the bare word; then the setting's own schema. */
function parseSettingValue(key: SettingKey, raw: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  const parsed = settingsSchema.shape[key].safeParse(value);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', `value: ${parsed.error.issues[0]?.message ?? 'invalid'} (${key})`, 'value');
  return parsed.data;
}
import type { StatusService } from '../../services/status/status-service.js';
import type { HandlersFor } from './handler-types.js';

export function systemHandlers(
  status: StatusService,
  settings: SettingsService,
): HandlersFor<'status.get' | 'session.whoami' | 'settings.get' | 'settings.update' | 'settings.set'> {
  return {
    'settings.get': () => settings.getAll(),
    'settings.update': ({ patch }) => settings.update(patch),
    'settings.set': ({ key, value }) => settings.update({ [key]: parseSettingValue(key, value) }),
    'status.get': () => status.get(),
    'session.whoami': (_input, ctx) => ({
      user: ctx.user,
      expiresAt: ctx.sessionExpiresAt,
      frontDoor: ctx.frontDoor,
    }),
  };
}
