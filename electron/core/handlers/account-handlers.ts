import type { AuthService } from '../../services/auth/auth-service.js';
import type { EventBus } from '../event-bus.js';
import type { HandlersFor } from './handler-types.js';

export function accountHandlers(auth: AuthService, bus: EventBus): HandlersFor<'users.list' | 'users.add' | 'users.disable'> {
  return {
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
