import type { EventBus } from './event-bus.js';
import type { HandlerTable } from './dispatch.js';
import type { AuthService } from '../services/auth/auth-service.js';
import type { StatusService } from '../services/status/status-service.js';

export interface HandlerServices {
  auth: AuthService;
  status: StatusService;
  bus: EventBus;
}

/**
 * The one table every front door dispatches into. Handlers only translate between the
 * contract and the services; the logic lives in electron/services.
 */
export function createHandlerTable({ auth, status, bus }: HandlerServices): HandlerTable {
  return {
    'status.get': () => status.get(),
    'session.whoami': (_input, ctx) => ({
      user: ctx.user,
      expiresAt: ctx.sessionExpiresAt,
      frontDoor: ctx.frontDoor,
    }),
    'users.list': () => auth.listUsers(),
    'users.add': ({ name, role }) => {
      const created = auth.addUser(name, role);
      bus.emit('users.changed', { name });
      return created;
    },
    'users.disable': ({ name }) => {
      const user = auth.disableUser(name);
      bus.emit('users.changed', { name });
      return user;
    },
  };
}
