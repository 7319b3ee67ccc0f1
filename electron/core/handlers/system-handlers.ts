import type { StatusService } from '../../services/status/status-service.js';
import type { HandlersFor } from './handler-types.js';

export function systemHandlers(status: StatusService): HandlersFor<'status.get' | 'session.whoami'> {
  return {
    'status.get': () => status.get(),
    'session.whoami': (_input, ctx) => ({
      user: ctx.user,
      expiresAt: ctx.sessionExpiresAt,
      frontDoor: ctx.frontDoor,
    }),
  };
}
