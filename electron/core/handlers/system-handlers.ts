import type { SettingsService } from '../../services/settings/settings-service.js';
import type { StatusService } from '../../services/status/status-service.js';
import type { HandlersFor } from './handler-types.js';

export function systemHandlers(
  status: StatusService,
  settings: SettingsService,
): HandlersFor<'status.get' | 'session.whoami' | 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => settings.getAll(),
    'settings.update': ({ patch }) => settings.update(patch),
    'status.get': () => status.get(),
    'session.whoami': (_input, ctx) => ({
      user: ctx.user,
      expiresAt: ctx.sessionExpiresAt,
      frontDoor: ctx.frontDoor,
    }),
  };
}
